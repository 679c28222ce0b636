// Revoked access tokens (by their jti) and grants (every token of a launch), checked by the FHIR endpoint
// on every request. Kept in <dataDir>/revoked-tokens.json, so a revoked token stays dead after a restart
// (access tokens are self-contained JWTs and would otherwise verify again).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileDurably } from './fhir-persistence.mjs';

/** A revoked grant is remembered as long as its refresh tokens and their access tokens could live. */
const GRANT_MEMORY_SECONDS = 25 * 3600;

/** @param {string} dataDir */
export function createRevocationList(dataDir) {
  const file = join(dataDir, 'revoked-tokens.json');
  /** @type {{ tokens: Record<string, number>, grants: Record<string, number> }} id -> expiry (epoch seconds) */
  let data = { tokens: {}, grants: {} };
  if (existsSync(file)) data = JSON.parse(readFileSync(file, 'utf8'));
  // Token lifetimes run on the machine's clock, as oidc-provider and jose check them (see oidc-adapter.mjs):
  // once a token's own expiry has passed it is refused anyway, and its entry can go.
  const tokenClock = () => Math.floor(Date.now() / 1000);

  const save = () => {
    const now = tokenClock();
    for (const list of [data.tokens, data.grants]) for (const [id, exp] of Object.entries(list)) if (exp < now) delete list[id];
    writeFileDurably(file, JSON.stringify(data));
  };

  return {
    /** @param {{ jti?: string, exp?: number, grant?: string }} token claims of a verified access token */
    revoke({ jti, exp, grant }) {
      if (jti) data.tokens[jti] = exp ?? tokenClock() + GRANT_MEMORY_SECONDS;
      if (grant) data.grants[grant] = tokenClock() + GRANT_MEMORY_SECONDS;
      save();
    },
    /** @param {string} grantId */
    revokeGrant(grantId) {
      data.grants[grantId] = tokenClock() + GRANT_MEMORY_SECONDS;
      save();
    },
    /** @param {{ jti?: unknown, grant?: unknown }} claims */
    isRevoked({ jti, grant }) {
      return (typeof jti === 'string' && jti in data.tokens) || (typeof grant === 'string' && grant in data.grants);
    },
  };
}
