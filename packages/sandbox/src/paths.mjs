// Where things live on disk. One module so the server, the reset command and the tests agree.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** packages/sandbox */
export const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The monorepo root (Vite's root, home of vite.config.ts and .sandbox-data/). */
export const repoRoot = join(packageDir, '..', '..');
/** Default data folder, git-ignored at the repo root. */
export const defaultDataDir = join(repoRoot, '.sandbox-data');
/** @kpro/core's sources (the seed's cache key covers the engines it runs). */
export const coreSrcDir = join(repoRoot, 'packages', 'core', 'src');
/** Sample questionnaires owned by @kpro/core; the sandbox seeds them unchanged. */
export const questionnaireDir = join(repoRoot, 'packages', 'core', 'content', 'questionnaires');
/** Action guides to seed (empty until the guides land). */
export const guideDir = join(packageDir, 'seed', 'guides');
/** The app being written in packages/app (served under /app/ through Vite). */
export const appDir = join(repoRoot, 'packages', 'app');
/** A cache that survives `sandbox:reset` and temporary test data folders. */
export const cacheDir = join(repoRoot, 'node_modules', '.cache', 'kpro-sandbox');
