#!/usr/bin/env node
/**
 * Compiles the server to JavaScript: `dist/main.js` (the CLI and server) and `dist/pgliteWorker.js` (the embedded
 * database's thread, ADR 0008), so production runs `node dist/main.js start` without tsx or dev dependencies.
 * Our sources are bundled (JSON catalogues inlined); packages stay imports of node_modules, because PGlite and the
 * fonts find their files next to their own code. The migrations' SQL is copied next to main.js, where
 * `src/db/migrate.ts` looks for it (`migrations/` beside the running module). Takes about a second.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const outdir = join(root, 'dist');
const stampFile = join(outdir, '.server-fingerprint');
const started = Date.now();

// Like build-web.mjs: nothing to do when no input changed since the last build, so `npm start` restarts quickly.
function walk(path, out) {
  const stat = statSync(path);
  if (stat.isDirectory()) {
    for (const name of readdirSync(path).sort()) if (name !== 'web') walk(join(path, name), out);
  } else if (!/\.test\.tsx?$/.test(path)) {
    out.push(`${relative(root, path)}:${stat.size}:${Math.floor(stat.mtimeMs)}`);
  }
  return out;
}
const inputs = ['src', 'package-lock.json', 'tsconfig.json', 'scripts/build-server.mjs'].map((p) => join(root, p));
const fingerprint = createHash('sha256')
  .update(inputs.flatMap((p) => walk(p, [])).join('\n'))
  .digest('hex');
const outputs = ['main.js', 'pgliteWorker.js', 'migrations'].map((f) => join(outdir, f));
if (
  existsSync(stampFile) &&
  readFileSync(stampFile, 'utf8').trim() === fingerprint &&
  outputs.every((f) => existsSync(f))
) {
  console.log('Server is up to date.');
  process.exit(0);
}
const { build } = await import('esbuild');

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
writeFileSync(stampFile, `${fingerprint}\n`);
console.log(`Server built to dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
