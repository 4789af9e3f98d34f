#!/usr/bin/env node
/**
 * Compiles the server to JavaScript: `dist/main.js` (the CLI and server) and `dist/pgliteWorker.js` (the embedded
 * database's thread, ADR 0008), so production runs `node dist/main.js start` without tsx or dev dependencies.
 * Our sources are bundled (JSON catalogues inlined); packages stay imports of node_modules, because PGlite and the
 * fonts find their files next to their own code. The migrations' SQL is copied next to main.js, where
 * `src/db/migrate.ts` looks for it (`migrations/` beside the running module). Takes about a second.
 */
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const outdir = join(root, 'dist');
const started = Date.now();

const result = await build({
  absWorkingDir: root,
  entryPoints: { main: 'src/main.ts', pgliteWorker: 'src/db/pgliteWorker.ts' },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  metafile: true,
});

rmSync(join(outdir, 'migrations'), { recursive: true, force: true });
cpSync(join(root, 'src', 'db', 'migrations'), join(outdir, 'migrations'), {
  recursive: true,
  filter: (path) => !path.includes(`${join('migrations', 'meta')}`),
});

// A package the server imports must be a runtime dependency: `npm prune --omit=dev` removes the others.
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const runtime = new Set(Object.keys(pkg.dependencies ?? {}));
const packageOf = (path) => (path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0]);
const missing = new Set();
for (const output of Object.values(result.metafile.outputs)) {
  for (const imported of output.imports) {
    if (!imported.external || imported.path.startsWith('node:')) continue;
    const name = packageOf(imported.path);
    if (!runtime.has(name)) missing.add(name);
  }
}
if (missing.size) {
  console.error(`The server imports dev dependencies, which production does not install: ${[...missing].join(', ')}`);
  process.exit(1);
}
console.log(`Server built to dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
