// The sandbox as a separate Node process, as `npm start` runs it: for the crash test (SIGKILL and
// restart on the same data folder) and the throughput benchmark (load from another process).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const main = join(dirname(fileURLToPath(import.meta.url)), '../src/main.mjs');
const NODE_ARGS = ['--import', 'tsx', '--conditions=development', '--experimental-websocket', '--no-warnings=ExperimentalWarning'];

/** A port nobody listens on right now (the child then binds it; a restart reuses it, so tokens stay valid). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `packages/sandbox/src/main.mjs` in a child process and waits until its FHIR endpoint answers.
 * @param {{ dataDir: string, port?: number, env?: Record<string, string> }} options
 * @returns {Promise<{ url: string, port: number, fhirBase: string, child: import('node:child_process').ChildProcess, kill(signal?: NodeJS.Signals): Promise<number | null>, stderr(): string }>}
 */
export async function spawnSandbox({ dataDir, port, env = {} }) {
  const p = port ?? (await freePort());
  const child = spawn(process.execPath, [...NODE_ARGS, main], {
    cwd: join(dirname(main), '../../..'),
    env: { ...process.env, PORT: String(p), SANDBOX_DATA_DIR: dataDir, SANDBOX_QUIET: '1', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const url = `http://127.0.0.1:${p}`;
  const started = Date.now();
  for (;;) {
    const state = await Promise.race([exited.then(() => 'exited'), new Promise((r) => setTimeout(() => r('wait'), 50))]);
    if (state === 'exited') throw new Error(`the sandbox exited while starting: ${stderr}`);
    const ok = await fetch(`${url}/fhir/metadata`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() - started > 60_000) {
      child.kill('SIGKILL');
      throw new Error(`the sandbox did not start within 60 s: ${stderr}`);
    }
  }
  return {
    url,
    port: p,
    fhirBase: `${url}/fhir`,
    child,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    stderr: () => stderr,
  };
}
