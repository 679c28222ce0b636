import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { QuestionnaireResponse } from '../fhir/types.js';
import { nowIso } from '../time/clock.js';

export interface Draft {
  response: QuestionnaireResponse;
  savedAt: string;
}

/** Where drafts live. The default keeps them in IndexedDB; hosts may give their own (e.g. the server). */
export interface DraftStore {
  load(key: string): Promise<Draft | undefined>;
  save(key: string, response: QuestionnaireResponse): Promise<void>;
  clear(key: string): Promise<void>;
}

let store: UseStore | undefined;
const idb = () => (store ??= createStore('kpro-drafts', 'drafts'));

export const indexedDbDrafts: DraftStore = {
  async load(key) {
    return (await get<Draft>(key, idb())) ?? undefined;
  },
  async save(key, response) {
    await set(key, { response, savedAt: nowIso() } satisfies Draft, idb());
  },
  async clear(key) {
    await del(key, idb());
  },
};

/** A draft key that never contains a CPR: questionnaire canonical plus the subject's resource id. */
export function draftKey(canonical: string, subject?: { reference?: string }, extra?: string): string {
  return ['kpro-draft', canonical, subject?.reference ?? 'anonymous', extra ?? ''].join('::');
}
