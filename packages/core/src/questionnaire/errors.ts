/** Every error the engine reports has a stable code; the UI translates the code, never the message. */
export type KproErrorCode =
  | 'not-json'
  | 'not-questionnaire'
  | 'wrong-fhir-version'
  | 'unsupported-modifier'
  | 'invalid-questionnaire'
  | 'enablewhen-cycle'
  | 'expression-error'
  | 'response-mismatch'
  | 'unknown-link-id'
  | 'value-set-unavailable'
  | 'draft-unavailable';

export class KproError extends Error {
  readonly code: KproErrorCode;
  readonly params: Record<string, string | number>;

  constructor(code: KproErrorCode, message: string, params: Record<string, string | number> = {}) {
    super(message);
    this.name = 'KproError';
    this.code = code;
    this.params = params;
  }
}

/** Non-fatal findings (e.g. an answer to an unknown linkId when resuming): shown, never thrown. */
export interface KproWarning {
  code: KproErrorCode;
  message: string;
  params: Record<string, string | number>;
}
