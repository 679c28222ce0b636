// The authorization server's signing key and cookie keys, kept in <dataDir>/smart-keys.json.
// Why persisted: a new key under the same kid after a restart breaks every verifier that cached the
// JWKS, and tokens issued before the restart would no longer verify.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @param {string} dataDir
 * @returns {{ privateJwk: import('node:crypto').JsonWebKey & { kid: string }, publicJwk: object, cookieKeys: string[] }}
 */
export function loadOrCreateKeys(dataDir) {
  const file = join(dataDir, 'smart-keys.json');
  let stored;
  if (existsSync(file)) {
    stored = JSON.parse(readFileSync(file, 'utf8'));
  } else {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const kid = `kpro-sandbox-${randomBytes(6).toString('hex')}`;
    stored = {
      privateJwk: { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' },
      cookieKeys: [randomBytes(32).toString('base64url')],
    };
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  const { kty, n, e, kid, alg, use } = stored.privateJwk;
  return { ...stored, publicJwk: { kty, n, e, kid, alg, use } };
}
