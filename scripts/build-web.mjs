#!/usr/bin/env node
/**
 * Builds the web app only when its sources changed since the last build, so that `npm start` restarts in seconds.
 * The fingerprint covers every input of the build (paths, sizes, modification times); it is stored in the output.
 * Plain JavaScript, so it runs before anything is compiled.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const outDir = process.env.WEB_DIR ?? join(root, 'dist', 'web');
const stampFile = join(outDir, '.build-fingerprint');
const inputs = [
  'src/web',
  'src/shared',
  'src/domain',
  'vite.config.ts',
  'scripts/pwaPlugin.ts',
  'package-lock.json',
  'tsconfig.json',
];

function walk(path, out) {
  const stat = statSync(path);
  if (stat.isDirectory()) {
    for (const name of readdirSync(path).sort()) walk(join(path, name), out);
  } else if (!/\.test\.tsx?$/.test(path)) {
    out.push(`${relative(root, path)}:${stat.size}:${Math.floor(stat.mtimeMs)}`);
  }
  return out;
}

const entries = inputs
  .map((p) => join(root, p))
  .filter(existsSync)
  .flatMap((p) => walk(p, []));
const fingerprint = createHash('sha256').update(entries.join('\n')).digest('hex');
const previous = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';

if (
  previous === fingerprint &&
  existsSync(join(outDir, 'index.html')) &&
  existsSync(join(`${outDir}-ssr`, 'entry-server.js'))
) {
  console.log('Web app is up to date.');
} else {
  console.log('Building the web app (about 10 seconds) …');
  const started = Date.now();
  const vite = (args) =>
    execFileSync(
      process.execPath,
      [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn', ...args],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
  vite(['--outDir', outDir, '--emptyOutDir']);
  // The server's first render of some pages (src/web/entry-server.tsx), beside the app, never inside it (not served).
  vite(['--ssr', 'entry-server.tsx', '--outDir', `${outDir}-ssr`, '--emptyOutDir']);
  writeFileSync(stampFile, `${fingerprint}\n`);
  console.log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
