// Finds a Chromium for the browser tests, or installs Debian's (browser downloads are impossible here).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const CANDIDATES = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium() {
  return CANDIDATES.find((p) => p && existsSync(p));
}

export function ensureChromium() {
  let found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = isRoot ? '' : 'sudo ';
  console.log('Chromium not found: installing Debian package "chromium" (about a minute)…');
  try {
    execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } catch {
    throw new Error('Could not install Chromium. Install it with "apt-get install -y chromium" or set CHROME_PATH.');
  }
  found = findChromium();
  if (!found) throw new Error('Chromium was installed but not found at /usr/bin/chromium; set CHROME_PATH.');
  return found;
}

/** Flags Chromium needs on this kind of machine (root, no GPU, closed network). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(ensureChromium());
}
