// Keeps the in-memory FHIR data in <dataDir>/fhir.json so it survives a restart.
// Saves are debounced (a transaction of 20 entries is one write) and atomic (temp file + rename),
// and flushed synchronously on close so Ctrl+C never loses the last write.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DEBOUNCE_MS = 250;
const MAX_DELAY_MS = 2000;

/** @param {string} dataDir */
export function fhirDataFile(dataDir) {
  return join(dataDir, 'fhir.json');
}

/**
 * Loads saved data into the repository. Returns false when there is none (first start or after reset).
 * @param {import('./fhir-repository.mjs').SandboxRepository} repo
 * @param {string} dataDir
 */
export function loadRepository(repo, dataDir) {
  const file = fhirDataFile(dataDir);
  if (!existsSync(file)) return false;
  repo.importData(JSON.parse(readFileSync(file, 'utf8')));
  return true;
}

/**
 * @param {import('./fhir-repository.mjs').SandboxRepository} repo
 * @param {string} dataDir
 */
export function saveRepository(repo, dataDir) {
  mkdirSync(dataDir, { recursive: true });
  const file = fhirDataFile(dataDir);
  writeFileSync(`${file}.tmp`, JSON.stringify(repo.exportData()));
  renameSync(`${file}.tmp`, file);
}

/** @param {string} dataDir */
export function deleteSavedData(dataDir) {
  rmSync(fhirDataFile(dataDir), { force: true });
}

/**
 * Saves after writes: hooks the repository's change callback.
 * @param {import('./fhir-repository.mjs').SandboxRepository} repo
 * @param {string} dataDir
 * @param {(err: Error) => void} onError
 * @returns {{ flush(): void, stop(): void }}
 */
export function persistOnChange(repo, dataDir, onError) {
  let timer;
  let firstPending = 0;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!firstPending) return;
    firstPending = 0;
    try {
      saveRepository(repo, dataDir);
    } catch (err) {
      onError(err);
    }
  };
  repo.onChange = () => {
    const now = performance.now();
    firstPending ||= now;
    clearTimeout(timer);
    // Debounce, but never hold a change longer than MAX_DELAY_MS under a steady stream of writes.
    timer = setTimeout(flush, Math.max(0, Math.min(DEBOUNCE_MS, firstPending + MAX_DELAY_MS - now)));
    timer.unref?.();
  };
  return {
    flush,
    stop() {
      flush();
      repo.onChange = () => {};
    },
  };
}
