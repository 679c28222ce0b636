// What the sandbox was asked, for end-to-end tests (GET/DELETE /__sandbox/requests) and the console.
// Paths only, never query strings (they can hold identifiers), and never a CPR: a URL that looks like
// it carries one is logged as [redacted] and counted, so tests can assert the count stays at zero.
import { nowIso } from '@kpro/core';
import { containsCprLike } from './cpr.mjs';

const MAX_ENTRIES = 5000;

/**
 * @typedef {{ time: string, method: string, path: string, query: string[], patient: string | null,
 *   status: number | null, client: string | null, scopes: string[] | null, ms?: number }} LogEntry
 */

/** Requests worth logging: the sandbox's own routes and the app's pages, not Vite's module traffic. */
function isInteresting(pathname) {
  if (/^\/(fhir|oidc|eoj|__sandbox)(\/|$)/.test(pathname) || pathname === '/') return !pathname.startsWith('/__sandbox/requests');
  return /^\/app\/([^/]*\.html)?$/.test(pathname);
}

/**
 * A path as it may be logged: the EOJ page of a launch carries the launch id in its path, and a launch id
 * is a one-time ticket that must not be readable from any log.
 * @param {string} pathname
 */
export function loggablePath(pathname) {
  return pathname.replace(/^\/eoj\/session\/[^/]+/, '/eoj/session/[launch]');
}

/** @param {unknown} url */
function safeDecode(url) {
  try {
    return decodeURIComponent(String(url));
  } catch {
    return String(url);
  }
}

/**
 * @param {{ quiet?: boolean, write?: (line: string) => void }} options
 */
export function createRequestLog({ quiet = false, write = (line) => process.stdout.write(`${line}\n`) } = {}) {
  /** @type {LogEntry[]} */
  let entries = [];
  const stats = { requests: 0, cprInUrl: 0 };

  return {
    /**
     * Starts an entry for a request; the handlers fill in patient, client and scopes.
     * @param {import('node:http').IncomingMessage} req
     * @returns {LogEntry & { keep: boolean }}
     */
    start(req) {
      stats.requests++;
      const url = new URL(req.url ?? '/', 'http://sandbox');
      const cprLike = containsCprLike(safeDecode(req.url));
      if (cprLike) stats.cprInUrl++;
      return {
        time: nowIso(),
        method: req.method ?? 'GET',
        path: cprLike ? '[redacted]' : loggablePath(url.pathname),
        query: cprLike ? [] : [...new Set(url.searchParams.keys())],
        patient: null,
        status: null,
        client: null,
        scopes: null,
        keep: cprLike || isInteresting(url.pathname),
        started: performance.now(),
      };
    },
    /** @param {ReturnType<ReturnType<typeof createRequestLog>['start']>} entry @param {number} status */
    finish(entry, status) {
      if (!entry.keep) return;
      const { keep: _keep, started, ...rest } = entry;
      const done = { ...rest, status, ms: Math.round(performance.now() - started) };
      entries.push(done);
      if (entries.length > MAX_ENTRIES) entries = entries.slice(-MAX_ENTRIES);
      if (!quiet) {
        const who = [done.client, done.patient && `patient=${done.patient}`].filter(Boolean).join(' ');
        write(`${done.time.slice(11, 19)} ${done.method.padEnd(6)} ${done.path} ${status} ${done.ms}ms${who ? ` ${who}` : ''}`);
      }
    },
    list: () => entries.slice(),
    clear() {
      entries = [];
      stats.cprInUrl = 0;
      stats.requests = 0;
    },
    stats: () => ({ ...stats }),
  };
}
