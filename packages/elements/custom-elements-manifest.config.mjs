// `cem analyze` (npm run manifest; run by `npm run build`, Storybook and the manifest test): custom-elements.json
// from the JSDoc of every element, for Storybook's controls and docs, IDEs and hosts' tooling.
import { readFileSync } from 'node:fs';

/** The host-facing theme tokens (--kpro-theme-*), read from the shared host styles: every element takes them. */
function themeTokens() {
  const source = readFileSync(new URL('./src/shared/host.styles.ts', import.meta.url), 'utf8');
  const primitives = Object.fromEntries([...source.matchAll(/(--_[a-z]+-\d+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
  const tokens = [];
  for (const m of source.matchAll(/(--kpro-[a-z-]+):\s*var\((--kpro-theme-[a-z-]+),\s*([^;]+)\);/g)) {
    const [, alias, token, fallback] = m;
    const dflt = fallback.replace(/var\((--_[a-z]+-\d+)\)/g, (_, p) => primitives[p] ?? p).trim();
    tokens.push({ name: token, description: `Theme token: sets ${alias} (default ${dflt}).` });
  }
  return tokens;
}

/** Our own plugin: drop the nameless event entries the analyzer adds for `dispatchEvent(new KproXEvent())`
 *  (the JSDoc `@fires` names them), and give every element the shared theme tokens. */
function kproManifest() {
  const tokens = themeTokens();
  return {
    name: 'kpro-manifest',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (!decl.customElement) continue;
          decl.events = (decl.events ?? []).filter((e) => e.name);
          const own = new Set((decl.cssProperties ?? []).map((p) => p.name));
          decl.cssProperties = [...(decl.cssProperties ?? []), ...tokens.filter((t) => !own.has(t.name))];
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/test-helpers/**'],
  outdir: '.',
  litelement: true,
  // package.json's customElements is written by hand: the analyzer would point it at the test's scratch folder.
  packagejson: false,
  plugins: [kproManifest()],
};
