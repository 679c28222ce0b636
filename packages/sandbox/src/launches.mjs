// EHR launch contexts created by the simulated EOJ, and the context each authorization grant carries.
// In memory only: a restart ends open launches the way an EHR restart would (the app shows its
// "launch expired" screen); FHIR data is persisted separately.
import { randomBytes } from 'node:crypto';
import { nowMillis } from '@kpro/core';

const LAUNCH_TTL_MS = 60 * 60 * 1000;

/**
 * @typedef {{
 *   id: string, practitionerId: string, patientId?: string, cpr: string,
 *   intent: string, simulate: string, eojShowsBanner: boolean, created: number,
 * }} Launch
 * @typedef {{
 *   accountId: string, patient?: string, cpr?: string, intent?: string, simulate?: string,
 *   needPatientBanner: boolean, ehrLaunch: boolean, scope: string,
 * }} GrantContext
 */

export function createLaunchStore() {
  /** @type {Map<string, Launch>} */
  const launches = new Map();
  /** @type {Map<string, GrantContext>} */
  const grants = new Map();

  return {
    /** @param {Omit<Launch, 'id' | 'created'>} data @returns {Launch} */
    create(data) {
      // Opaque and unguessable: it travels in the app's URL, so it must say nothing about the citizen.
      const id = randomBytes(18).toString('base64url');
      const launch = { ...data, id, created: nowMillis() };
      launches.set(id, launch);
      for (const [key, value] of launches) if (nowMillis() - value.created > LAUNCH_TTL_MS) launches.delete(key);
      return launch;
    },
    /** @param {string | undefined} id */
    get(id) {
      const launch = id ? launches.get(id) : undefined;
      return launch && nowMillis() - launch.created <= LAUNCH_TTL_MS ? launch : undefined;
    },
    /** @param {string} grantId @param {GrantContext} context */
    setGrant(grantId, context) {
      grants.set(grantId, context);
    },
    /** @param {string | undefined} grantId */
    grant(grantId) {
      return grantId ? grants.get(grantId) : undefined;
    },
  };
}
