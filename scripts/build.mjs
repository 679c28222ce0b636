// `npm run build`: typed ES modules per package (tsc), then the browser-ready bundle
// packages/elements/dist/kpro-elements.js with every dependency inside (Vite library mode).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const elementsDist = join(root, 'packages/elements/dist');
const entry = join(root, 'packages/elements/src/all.ts');

function step(title, cmd, args) {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`✖ ${title} failed`);
    process.exit(r.status ?? 1);
  }
}

const kB = (n) => `${(n / 1024).toFixed(1)} kB`;

// Start from empty dist folders: stale files (renamed modules, old hashed chunks) would otherwise ship.
for (const pkg of ['core', 'elements']) rmSync(join(root, 'packages', pkg, 'dist'), { recursive: true, force: true });

// Core first: the elements' build reads @kpro/core's types from packages/core/dist (customConditions: []).
const tsc = join(root, 'node_modules/typescript/bin/tsc');
step('tsc: @kpro/core', process.execPath, [tsc, '-p', 'packages/core/tsconfig.build.json']);
step('tsc: @kpro/elements', process.execPath, [tsc, '-p', 'packages/elements/tsconfig.build.json']);

if (!existsSync(entry)) {
  console.error(`✖ ${relative(root, entry)} is missing: it must import every define module (kpro-*.ts).`);
  process.exit(1);
}

console.log('\n▶ vite: packages/elements/dist/kpro-elements.js');
const result = await build({
  configFile: join(root, 'vite.config.ts'),
  mode: 'production',
  logLevel: 'warn',
  // Libraries inside (dompurify, marked …) may read process.env.NODE_ENV, which does not exist in browsers.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: elementsDist,
    emptyOutDir: false, // tsc's output lives in the same folder
    copyPublicDir: false,
    minify: true,
    sourcemap: true,
    reportCompressedSize: false, // printed below, with the chunks told apart
    lib: { entry, formats: ['es'], fileName: () => 'kpro-elements.js' },
    rolldownOptions: {
      // No externals: the bundle must work from a plain <script type="module"> without an import map.
      external: [],
      output: {
        // Lazy imports (fhirpath, its R4 model, marked) stay separate files next to the bundle.
        chunkFileNames: 'kpro-elements-[name]-[hash].js',
        codeSplitting: true,
        minify: true,
      },
    },
  },
});

// Describe the chunks (which load eagerly, which lazily, what is inside) for the size report and the bench.
const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
const chunks = outputs
  .filter((o) => o.type === 'chunk')
  .map((c) => {
    const code = readFileSync(join(elementsDist, c.fileName));
    return {
      file: c.fileName,
      isEntry: c.isEntry,
      isDynamicEntry: c.isDynamicEntry,
      imports: c.imports,
      dynamicImports: c.dynamicImports,
      packages: [...new Set(c.moduleIds.map(packageOf))].sort(),
      bytes: code.length,
      gzip: gzipSync(code, { level: 9 }).length,
    };
  });
const entryChunk = chunks.find((c) => c.isEntry);
// Eager = the entry plus everything it imports statically (what a page loads before first render).
const eager = new Set();
const visit = (file) => {
  if (eager.has(file)) return;
  eager.add(file);
  chunks.find((c) => c.file === file)?.imports.forEach(visit);
};
visit(entryChunk.file);
for (const c of chunks) c.eager = eager.has(c.file);
writeFileSync(join(elementsDist, 'kpro-elements.meta.json'), JSON.stringify({ entry: entryChunk.file, chunks }, null, 2));

console.log('');
const width = Math.max(...chunks.map((c) => c.file.length));
for (const c of chunks) {
  const what = c.eager ? 'eager' : `lazy: ${c.packages.filter((p) => p !== '(src)').join(', ') || 'src'}`;
  console.log(`  dist/${c.file.padEnd(width)}  ${kB(c.bytes).padStart(10)}  gzip ${kB(c.gzip).padStart(9)}  ${what}`);
}
const sum = (list, key) => list.reduce((n, c) => n + c[key], 0);
const eagerChunks = chunks.filter((c) => c.eager);
console.log(`  ${'eager total'.padEnd(width + 5)}  ${kB(sum(eagerChunks, 'bytes')).padStart(10)}  gzip ${kB(sum(eagerChunks, 'gzip')).padStart(9)}`);
if (/\bprocess\.env\b/.test(readFileSync(join(elementsDist, entryChunk.file), 'utf8'))) {
  console.warn('⚠ the bundle still reads process.env, which browsers lack');
}
// Each component on its own (its define module with every dependency), as a host that embeds only that
// one would load it: the sizes in the README and the renderer's size target come from here.
const COMPONENTS = { 'kpro-questionnaire': 'packages/elements/src/questionnaire/kpro-questionnaire.ts', 'kpro-app': 'packages/elements/src/app/kpro-app.ts', 'kpro-answer-view': 'packages/elements/src/answer-view/kpro-answer-view.ts', 'kpro-action-guide': 'packages/elements/src/action-guide/kpro-action-guide.ts', 'kpro-plan-assigner': 'packages/elements/src/plan-assigner/kpro-plan-assigner.ts' };
const components = {};
for (const [name, file] of Object.entries(COMPONENTS)) {
  const out = await build({
    configFile: join(root, 'vite.config.ts'),
    mode: 'production',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: true,
      lib: { entry: join(root, file), formats: ['es'], fileName: () => `${name}.js` },
      rolldownOptions: { external: [], output: { codeSplitting: true, minify: true } },
    },
  });
  const files = (Array.isArray(out) ? out : [out]).flatMap((r) => r.output).filter((o) => o.type === 'chunk');
  const entryFile = files.find((f) => f.isEntry);
  const eagerFiles = new Set();
  const walk = (f) => {
    if (eagerFiles.has(f)) return;
    eagerFiles.add(f);
    files.find((x) => x.fileName === f)?.imports.forEach(walk);
  };
  walk(entryFile.fileName);
  const gz = (list) => list.reduce((n, f) => n + gzipSync(f.code, { level: 9 }).length, 0);
  components[name] = {
    eagerGzip: gz(files.filter((f) => eagerFiles.has(f.fileName))),
    lazyGzip: gz(files.filter((f) => !eagerFiles.has(f.fileName))),
  };
  console.log(`  ${name.padEnd(22)} alone: gzip ${kB(components[name].eagerGzip).padStart(9)} eager, ${kB(components[name].lazyGzip).padStart(9)} lazy (FHIRPath, markdown, sanitiser)`);
}
const meta = JSON.parse(readFileSync(join(elementsDist, 'kpro-elements.meta.json'), 'utf8'));
writeFileSync(join(elementsDist, 'kpro-elements.meta.json'), JSON.stringify({ ...meta, components }, null, 2));

console.log('\n✔ build done');

/** "lit-html", "@lit/context", "fhirpath" … or "(src)" for our own modules. */
function packageOf(id) {
  const m = id.replace(/\\/g, '/').match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (m) return m[1];
  const ws = id.replace(/\\/g, '/').match(/\/packages\/([^/]+)\//);
  return ws ? `@kpro/${ws[1]}` : '(src)';
}
