// Keeps the in-memory FHIR data on disk so that an acknowledged write survives a crash ("201 means on
// disk"): a snapshot (<dataDir>/fhir.json) plus a journal (<dataDir>/fhir-journal.ndjson) of every
// committed write since, one line per write or transaction.
//
// A request's records are appended to the journal (written to the file at once, in commit order) while it
// runs inside `exclusive`; before the server answers, it waits in `durable()` for an fdatasync that covers
// them. Concurrent requests share one fdatasync (group commit), so a flush per request costs little, and no
// answer ever shows data that is not yet on disk. Startup loads the snapshot and replays the journal after
// it; now and then (and at start and close) the journal is folded into a new snapshot.
import { closeSync, existsSync, fdatasync, fdatasyncSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Fold the journal into a snapshot once it is this large. */
const COMPACT_AFTER_BYTES = 8 * 2 ** 20;

/** @param {string} dataDir */
export function fhirDataFile(dataDir) {
  return join(dataDir, 'fhir.json');
}

/** @param {string} dataDir */
export function fhirJournalFile(dataDir) {
  return join(dataDir, 'fhir-journal.ndjson');
}

/** Deletes the saved FHIR data (snapshot and journal). @param {string} dataDir */
export function deleteSavedData(dataDir) {
  rmSync(fhirDataFile(dataDir), { force: true });
  rmSync(fhirJournalFile(dataDir), { force: true });
}

/** A file's content made durable: written, flushed, renamed over the old one, and the rename flushed. */
export function writeFileDurably(file, text) {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, text);
  const fd = openSync(tmp, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  fsyncDir(join(file, '..'));
}

/** @param {string} dir */
function fsyncDir(dir) {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Journal lines after the snapshot's sequence number. A last line cut short by a crash was never
 * acknowledged (its flush had not finished) and is dropped; a bad line before the end is an error.
 * @param {string} text @param {number} afterSeq
 * @returns {{ seq: number, ops: import('./fhir-repository.mjs').StoreOp[] }[]}
 */
export function parseJournal(text, afterSeq) {
  const lines = text.split('\n');
  const records = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]) continue;
    let record;
    try {
      record = JSON.parse(lines[i]);
    } catch (err) {
      const last = lines.slice(i + 1).every((l) => !l);
      if (last) break;
      throw new Error(`the FHIR journal is damaged at line ${i + 1}: ${err.message}`);
    }
    if (record.seq > afterSeq) records.push(record);
  }
  return records;
}

/**
 * @param {import('./fhir-repository.mjs').SandboxRepository} repo
 * @param {string} dataDir
 * @param {{ compactAfterBytes?: number, onError?: (err: Error) => void }} [options]
 */
export function createDurableStore(repo, dataDir, { compactAfterBytes, onError = () => {} } = {}) {
  // Folding the journal rewrites the whole snapshot, so by default the journal may grow as large as the
  // snapshot before it is folded (a large seed's snapshot is 100+ MB: folding it every 8 MB of audit would
  // stall the server every few dozen list reads). A threshold given explicitly is kept (the crash test).
  let compactThreshold = compactAfterBytes ?? COMPACT_AFTER_BYTES;
  const snapshotFile = fhirDataFile(dataDir);
  const journalFile = fhirJournalFile(dataDir);
  /** @type {number | undefined} */
  let fd;
  let written = 0; // sequence number of the last record written to the journal file
  let synced = 0; // ... and of the last one an fdatasync has covered
  let journalBytes = 0;
  let syncing = false;
  /** @type {Error | undefined} once the disk failed, nothing more is acknowledged */
  let broken;
  /** @type {{ seq: number, resolve: () => void, reject: (e: Error) => void }[]} */
  let waiters = [];
  let queue = Promise.resolve();
  let compactQueued = false;

  const settle = () => {
    const still = [];
    for (const w of waiters) {
      if (broken) w.reject(broken);
      else if (w.seq <= synced) w.resolve();
      else still.push(w);
    }
    waiters = still;
  };

  const fail = (err) => {
    broken ??= Object.assign(new Error(`the FHIR data could not be saved: ${err.message}`), { cause: err });
    onError(broken);
    settle();
  };

  /** One fdatasync for everything written so far; another after it if more came in meanwhile. */
  const sync = () => {
    if (syncing || broken || synced >= written || fd === undefined) return;
    syncing = true;
    const target = written;
    fdatasync(fd, (err) => {
      syncing = false;
      if (err) return fail(err);
      synced = Math.max(synced, target);
      settle();
      if (waiters.length) sync();
    });
  };

  /** @param {import('./fhir-repository.mjs').StoreOp[]} ops */
  const append = (ops) => {
    if (broken) throw broken;
    const line = `${JSON.stringify({ seq: written + 1, ops })}\n`;
    try {
      journalBytes += writeSync(/** @type {number} */ (fd), line);
    } catch (err) {
      fail(err);
      throw broken;
    }
    written++;
    if (journalBytes > compactThreshold && !compactQueued) {
      compactQueued = true;
      setImmediate(() => exclusive(compact).catch(fail));
    }
  };

  /** Snapshot of everything written so far, then an empty journal. Only inside `exclusive`. */
  const compact = () => {
    compactQueued = false;
    if (broken) return;
    const text = JSON.stringify({ ...repo.exportData(), journalSeq: written });
    writeFileDurably(snapshotFile, text);
    if (compactAfterBytes === undefined) compactThreshold = Math.max(COMPACT_AFTER_BYTES, text.length);
    if (fd !== undefined) {
      ftruncateSync(fd, 0);
      fdatasyncSync(fd);
    }
    journalBytes = 0;
    synced = written;
    settle();
  };

  /**
   * Runs one request's work alone: the in-memory engine is not safe under interleaved writes, and a
   * snapshot must see no half-done transaction.
   * @template T @param {() => Promise<T> | T} fn @returns {Promise<T>}
   */
  function exclusive(fn) {
    const result = queue.then(fn, fn);
    queue = result.catch(() => undefined);
    return result;
  }

  return {
    exclusive,

    /**
     * Loads the snapshot and replays the journal after it. Returns false when there is no saved data.
     * Then hooks the repository: from here on every committed write is journaled.
     */
    open() {
      mkdirSync(dataDir, { recursive: true });
      let found = false;
      let seq = 0;
      if (existsSync(snapshotFile)) {
        const text = readFileSync(snapshotFile, 'utf8');
        if (compactAfterBytes === undefined) compactThreshold = Math.max(COMPACT_AFTER_BYTES, text.length);
        const data = JSON.parse(text);
        repo.importData(data);
        seq = Number(data.journalSeq ?? 0);
        found = true;
      }
      const records = existsSync(journalFile) ? parseJournal(readFileSync(journalFile, 'utf8'), seq) : [];
      for (const record of records) repo.replay(record.ops);
      written = synced = records.at(-1)?.seq ?? seq;
      fd = openSync(journalFile, 'a');
      fsyncDir(dataDir);
      repo.onCommit = append;
      // Start with an empty journal: what it held is in memory now, and goes into the snapshot. With nothing
      // to fold in, the snapshot is already current (rewriting a large one would only slow the start).
      if (records.length) compact();
      else if (found) {
        ftruncateSync(fd, 0);
        journalBytes = 0;
      }
      return found || records.length > 0;
    },

    /** Resolves once everything journaled so far is on disk (rejects when the disk failed). */
    durable() {
      if (broken) return Promise.reject(broken);
      if (synced >= written) return Promise.resolve();
      return new Promise((resolve, reject) => {
        waiters.push({ seq: written, resolve, reject });
        sync();
      });
    },

    /** The disk failed earlier: the server refuses requests instead of acknowledging what it cannot keep. */
    get failure() {
      return broken;
    },

    /**
     * Replaces everything (the seed at first start, a reset) and saves it as the new snapshot.
     * @param {() => Promise<unknown>} fn
     */
    replaceAll(fn) {
      return exclusive(async () => {
        const result = await repo.unjournaled(fn);
        compact();
        return result;
      });
    },

    /** Folds the journal into the snapshot and closes it (Ctrl+C, tests). */
    close() {
      return exclusive(() => {
        if (fd === undefined) return;
        if (!broken) compact();
        closeSync(fd);
        fd = undefined;
        repo.onCommit = () => {};
      });
    },
  };
}
