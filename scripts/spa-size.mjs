#!/usr/bin/env node
/**
 * The SPA's initial JavaScript: the entry script of index.html, every chunk index.html modulepreloads and every chunk
 * those import statically, i.e. what a browser loads before the first render. Lazy routes, menus and language
 * catalogues are excluded from the total; the catalogues are listed below it, since the first render waits for the
 * reader's one. Gzip level 9 per file.
 * Usage: node scripts/spa-size.mjs [dist/web] [--max-gzip=150]   (exits 1 when the total is over the budget)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? 'dist/web';
const budget = Number(args.find((a) => a.startsWith('--max-gzip='))?.split('=')[1] ?? Number.NaN);
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const scripts = [...html.matchAll(/<script[^>]*\ssrc="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
// Static `import … from "./x.js"`, `import "./x.js"` and `export … from "./x.js"`; not `import("./x.js")`.
const STATIC_IMPORT = /(?:^|[;\n}])\s*(?:import|export)\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+\.js)["']/g;
const seen = new Set();
const visit = (file) => {
  if (seen.has(file)) return;
  seen.add(file);
  for (const m of readFileSync(join(dir, file), 'utf8').matchAll(STATIC_IMPORT)) visit(`assets/${m[1]}`);
};
scripts.forEach(visit);
const imported = new Set(seen);
preloads.forEach(visit);
// Both views must agree; if they do not, the total still counts the union, and the difference is named.
for (const f of imported)
  if (!scripts.includes(f) && !preloads.includes(f)) console.warn(`imported, not preloaded: ${f}`);
for (const f of preloads) if (!imported.has(f)) console.warn(`preloaded, not imported by the entry: ${f}`);

const size = (file) => {
  const bytes = readFileSync(join(dir, file));
  return { raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
};
const kB = (n) => (n / 1024).toFixed(1);
let raw = 0;
let gz = 0;
for (const f of seen) {
  const s = size(f);
  raw += s.raw;
  gz += s.gz;
  console.log(f, kB(s.raw), kB(s.gz));
}
console.log(`initial JS: ${seen.size} files, ${kB(raw)} kB, gzip ${kB(gz)} kB`);
for (const f of readdirSync(join(dir, 'assets')).filter((n) => /^(de|en|ar)-[\w-]+\.js$/.test(n))) {
  const s = size(`assets/${f}`);
  console.log(`  + catalogue loaded before the first render (reader's language only): ${f} ${kB(s.raw)} ${kB(s.gz)}`);
}
if (gz / 1024 > budget) {
  console.error(`over budget: ${kB(gz)} kB gzip > ${budget} kB`);
  process.exitCode = 1;
}
