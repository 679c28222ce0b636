// The size of the seed: `npm run sandbox:reset -- --citizens 2000 --tasks 5000` (or the same as JSON in
// the body of POST /__sandbox/reset). By default the six named citizens and their tasks.
import { CITIZENS } from './seed.mjs';

export const MAX_CITIZENS = 20_000;

/**
 * Checked seed options from `{ citizens, tasks }` (numbers or numeric strings); throws with a message a
 * person can act on.
 * @param {{ citizens?: unknown, tasks?: unknown }} input
 * @returns {{ citizens?: number, openTasks?: number }}
 */
export function seedOptions({ citizens, tasks } = {}) {
  const out = {};
  const whole = (v, name) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got ${v}`);
    return n;
  };
  if (citizens !== undefined) {
    const n = whole(citizens, '--citizens');
    if (n < CITIZENS.length || n > MAX_CITIZENS) throw new Error(`--citizens must be between ${CITIZENS.length} (the named citizens) and ${MAX_CITIZENS}`);
    out.citizens = n;
  }
  if (tasks !== undefined) {
    const n = whole(tasks, '--tasks');
    const most = 3 * (out.citizens ?? CITIZENS.length);
    if (n < CITIZENS.length || n > most) throw new Error(`--tasks (open tasks) must be between ${CITIZENS.length} and ${most} (three responses per citizen)`);
    out.openTasks = n;
  }
  return out;
}

/** `--citizens 2000 --tasks 5000` (also `--citizens=2000`) from a command line. @param {string[]} argv */
export function seedOptionsFromArgs(argv) {
  const input = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    const name = { '--citizens': 'citizens', '--tasks': 'tasks' }[flag];
    if (!name) throw new Error(`unknown option ${argv[i]} (use --citizens N and --tasks N)`);
    input[name] = inline ?? argv[++i];
  }
  return seedOptions(input);
}
