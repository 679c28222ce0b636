// Builds the React example: `npx vite build -c examples/react/vite.config.ts` (or `npx vite -c …` to develop).
// It extends the repository's Vite config (workspace packages from source, Lit's decorators) and adds
// React's JSX with the automatic runtime: Vite 8 transforms .tsx with Oxc, no plugin needed.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vite';
import shared from '../../vite.config.js';

const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig((env) =>
  mergeConfig(shared(env), {
    root: here,
    // The page links ../examples.css; build output goes to examples/react/dist unless told otherwise.
    base: './',
    oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
    // The example's JSON data is bundled into the entry chunk; the lazy FHIRPath chunk is big by nature.
    build: { outDir: join(here, 'dist'), emptyOutDir: true, chunkSizeWarningLimit: 1024 },
    server: { fs: { allow: [join(here, '..', '..')] } },
  }),
);
