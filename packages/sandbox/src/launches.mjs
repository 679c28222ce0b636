// EHR launch contexts created by the simulated EOJ, and the context each authorization grant carries.
// A launch id travels in the app's URL, so it is treated as a one-time ticket: random, usable for one
// authorization only, only from the EOJ browser session that created it, and only for five minutes.
// In memory only: a restart ends open launches the way an EHR restart would (the app shows its
// "launch expired" screen); FHIR data is persisted separately.
import { randomBytes, randomUUID } from 'node:crypto';
import { nowMillis } from '@kpro/core';

/** A launch not used within this time is gone (SMART leaves it to the EHR; five minutes is plenty). */
export const LAUNCH_TTL_MS = 5 * 60 * 1000;
/** A used launch is kept this long for the authorization it started (log-in, consent page). */
const CLAIMED_TTL_MS = 60 * 60 * 1000;

/**
 * @typedef {{
 *   id: string, eojSession: string, practitionerId: string, patientId?: string, cpr?: string,
 *   intent: string, simulate: string, locale?: string, eojShowsBanner: boolean, created: number, claimed?: number,
 *   openedFrom?: 'tasks', messagingHandle: string,
 * }} Launch
 * @typedef {{
 *   accountId: string, patient?: string, cpr?: string, intent?: string, simulate?: string, locale?: string,
 *   needPatientBanner: boolean, ehrLaunch: boolean, worklist?: boolean, messagingHandle?: string, scope: string, correlationId: string,
 * }} GrantContext
 */

/** Opaque and unguessable: it says nothing about the citizen. */
export const randomId = () => randomBytes(24).toString('base64url');

export function createLaunchStore() {
  /** @type {Map<string, Launch>} */
  const launches = new Map();
  /** @type {Map<string, GrantContext>} */
  const grants = new Map();

  const alive = (launch, at = nowMillis()) => (launch.claimed ? at - launch.claimed <= CLAIMED_TTL_MS : at - launch.created <= LAUNCH_TTL_MS);

  const prune = () => {
    const at = nowMillis();
    for (const [key, value] of launches) if (!alive(value, at)) launches.delete(key);
  };

  return {
    /** @param {Omit<Launch, 'id' | 'created' | 'claimed' | 'messagingHandle'>} data @returns {Launch} */
    create(data) {
      prune();
      // SMART Web Messaging: the handle the app puts on its messages to the EOJ (token response
      // smart_web_messaging_handle); the EOJ page takes messages of this launch's frame with it only.
      const launch = { ...data, id: randomId(), created: nowMillis(), messagingHandle: randomId() };
      launches.set(launch.id, launch);
      return launch;
    },

    /**
     * An unused, unexpired launch, for the EOJ page that shows it, in the session that made it.
     * @param {string | undefined} id @param {string | undefined} eojSession
     */
    pending(id, eojSession) {
      const launch = id ? launches.get(id) : undefined;
      if (!launch || launch.claimed || !alive(launch) || !eojSession || launch.eojSession !== eojSession) return undefined;
      return launch;
    },

    /**
     * Uses a launch for one authorization request: only once, only within five minutes, only from the
     * EOJ session that created it. A refused attempt does not use it up (it would let anyone who saw the
     * id spoil the clinician's launch).
     * @param {string | undefined} id @param {string | undefined} eojSession
     * @returns {Launch | undefined}
     */
    claim(id, eojSession) {
      const launch = this.pending(id, eojSession);
      if (launch) launch.claimed = nowMillis();
      return launch;
    },

    /**
     * A launch of this EOJ session, used or not, while it lives (the task overview asking the EOJ to open a
     * citizen names the launch it runs in). @param {string | undefined} id @param {string | undefined} eojSession
     */
    ofSession(id, eojSession) {
      const launch = id ? launches.get(id) : undefined;
      return launch && eojSession && launch.eojSession === eojSession && alive(launch) ? launch : undefined;
    },

    /** The launch an authorization under way has claimed (its log-in and consent pages). @param {string | undefined} id */
    claimed(id) {
      const launch = id ? launches.get(id) : undefined;
      return launch?.claimed && alive(launch) ? launch : undefined;
    },

    /** @param {string} grantId @param {Omit<GrantContext, 'correlationId'>} context @returns {GrantContext} */
    setGrant(grantId, context) {
      // One correlation id per launch (per grant): every token of it, refreshed or not, carries it, so
      // MinLog shows the whole sitting as one look-up however many reads it makes.
      const withCorrelation = { ...context, correlationId: randomUUID() };
      grants.set(grantId, withCorrelation);
      return withCorrelation;
    },

    /** @param {string | undefined} grantId */
    grant(grantId) {
      return grantId ? grants.get(grantId) : undefined;
    },
  };
}
