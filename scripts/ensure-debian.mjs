// Finds a command a test needs from a Debian package, or installs the package (the only source besides
// the npm registry on this kind of machine): pdftotext (poppler-utils), soffice (libreoffice-calc).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The path of `command`, installing Debian package `pkg` when it is missing.
 * @param {string} command e.g. 'pdftotext'
 * @param {string} pkg e.g. 'poppler-utils'
 * @returns {string}
 */
export function ensureDebianCommand(command, pkg) {
  const find = () => ['/usr/bin', '/usr/local/bin', '/bin'].map((d) => `${d}/${command}`).find((p) => existsSync(p));
  let found = find();
  if (found) return found;
  const sudo = typeof process.getuid === 'function' && process.getuid() === 0 ? '' : 'sudo ';
  process.stderr.write(`${command} not found: installing Debian package "${pkg}"…\n`);
  try {
    execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkg}`, { stdio: ['ignore', 'ignore', 'inherit'] });
  } catch {
    throw new Error(`Could not install ${pkg}. Install it with "apt-get install -y ${pkg}".`);
  }
  found = find();
  if (!found) throw new Error(`${pkg} was installed but ${command} was not found.`);
  return found;
}
