/**
 * SMART scopes (v2 `patient/QuestionnaireResponse.crus`, v1 `patient/*.read|write`) turned into what a
 * user may do, so components can hide write controls from read-only users.
 */
export type ScopeAction = 'c' | 'r' | 'u' | 'd' | 's';

interface Grant {
  level: 'patient' | 'user' | 'system';
  type: string;
  actions: Set<ScopeAction>;
}

export interface Capabilities {
  can(type: string, action: ScopeAction): boolean;
  /** True when the user may create or update this type. */
  canWrite(type: string): boolean;
  readonly scopes: string[];
}

export function parseScopes(scope: string | undefined): Grant[] {
  const grants: Grant[] = [];
  for (const s of (scope ?? '').split(/\s+/).filter(Boolean)) {
    const m = s.match(/^(patient|user|system)\/([A-Za-z*]+)\.([a-z*]+)(\?.*)?$/);
    if (!m) continue;
    const [, level, type, act] = m as unknown as [string, Grant['level'], string, string];
    let actions: ScopeAction[];
    if (act === 'read') actions = ['r', 's'];
    else if (act === 'write') actions = ['c', 'u', 'd'];
    else if (act === '*') actions = ['c', 'r', 'u', 'd', 's'];
    else actions = [...act].filter((c): c is ScopeAction => 'cruds'.includes(c));
    grants.push({ level, type, actions: new Set(actions) });
  }
  return grants;
}

export function capabilitiesFromScopes(scope: string | undefined): Capabilities {
  const grants = parseScopes(scope);
  const can = (type: string, action: ScopeAction) => grants.some((g) => (g.type === '*' || g.type === type) && g.actions.has(action));
  return {
    can,
    canWrite: (type) => can(type, 'c') || can(type, 'u'),
    scopes: (scope ?? '').split(/\s+/).filter(Boolean),
  };
}
