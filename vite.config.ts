// Shared Vite config: the dev server of `npm start`, Storybook (which merges this file into its own config)
// and the bundle of `npm run build` (scripts/build.mjs adds the library settings on top).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';

const root = dirname(fileURLToPath(import.meta.url));

/** Workspace packages by name, so `@kpro/…` always resolves to TypeScript source, in every mode. */
const WORKSPACE: Record<string, string> = {
  '@kpro/core': join(root, 'packages/core'),
  '@kpro/elements': join(root, 'packages/elements'),
};

type ExportTarget = string | { [condition: string]: ExportTarget } | null;

function pickCondition(target: ExportTarget): string | undefined {
  if (target === null) return undefined;
  if (typeof target === 'string') return target;
  for (const key of ['development', 'browser', 'import', 'default']) {
    if (key in target) return pickCondition(target[key]);
  }
  return undefined;
}

/**
 * Resolves `@kpro/<pkg>[/sub]` through the package's `development` export condition.
 * Why a plugin and not only `resolve.conditions`: that option applies to every package, and Lit also
 * exports a `development` build (dev mode: slower, noisy warnings). A production build must get Lit's
 * production build but our packages' source (no stale dist, no tsc step needed first).
 */
export function workspaceSource(): Plugin {
  return {
    name: 'kpro:workspace-source',
    enforce: 'pre',
    resolveId(source) {
      const name = Object.keys(WORKSPACE).find((n) => source === n || source.startsWith(`${n}/`));
      if (!name) return null;
      const dir = WORKSPACE[name];
      const exportsMap = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).exports ?? {};
      const sub = `.${source.slice(name.length)}`;
      let target = exportsMap[sub] !== undefined ? pickCondition(exportsMap[sub]) : undefined;
      if (target === undefined) {
        // Subpath patterns such as "./content/*": "./content/*".
        for (const [key, value] of Object.entries<ExportTarget>(exportsMap)) {
          const star = key.indexOf('*');
          if (star < 0) continue;
          const [before, after] = [key.slice(0, star), key.slice(star + 1)];
          if (sub.startsWith(before) && sub.endsWith(after) && sub.length >= key.length - 1) {
            const pattern = pickCondition(value);
            if (pattern) target = pattern.replace('*', sub.slice(before.length, sub.length - after.length));
            break;
          }
        }
      }
      if (target === undefined) return null;
      const file = join(dir, target);
      return existsSync(file) ? file : null;
    },
  };
}

export default defineConfig(({ command }) => ({
  root,
  plugins: [workspaceSource()],
  resolve: {
    // In dev (npm start, storybook dev) everything may use its development build, Lit's dev mode included:
    // it warns about common mistakes. Builds keep Vite's defaults (production builds of dependencies).
    conditions: command === 'serve' ? ['development', ...defaultClientConditions] : [...defaultClientConditions],
  },
  // Vite 8 compiles TypeScript with Oxc. Lit's decorators are TypeScript's experimental ones, and class
  // fields must be plain assignments (useDefineForClassFields: false) or they shadow Lit's reactive
  // accessors. Set here so it does not depend on which tsconfig.json Oxc finds next to a file.
  oxc: {
    decorator: { legacy: true },
    assumptions: { setPublicClassFields: true },
    typescript: { removeClassFieldsWithoutInitializer: true },
  },
  // Core loads these lazily; pre-bundled up front, their first use in dev does not make Vite reload the page.
  optimizeDeps: { include: ['fhirpath', 'fhirpath/fhir-context/r4', 'marked', 'dompurify', 'idb-keyval'] },
  build: { target: 'es2022' },
}));
