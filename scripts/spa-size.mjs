#!/usr/bin/env node
/**
 * The SPA's initial JavaScript: the entry script of index.html and every chunk it imports statically, i.e. what a
 * browser loads before the first render (lazy routes and language catalogues excluded). Gzip level 9 per file.
 * Usage: node scripts/spa-size.mjs [dist/web]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist/web';
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const entry = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const seen = new Set();
const visit = (file) => {
  if (seen.has(file)) return;
  seen.add(file);
  const code = readFileSync(join(dir, file), 'utf8');
  for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+\.js)["']/g))
    visit(`assets/${m[1]}`);
};
entry.forEach(visit);
let raw = 0,
  gz = 0;
for (const f of seen) {
  const b = readFileSync(join(dir, f));
  raw += b.length;
  const g = gzipSync(b, { level: 9 }).length;
  gz += g;
  console.log(f, (b.length / 1024).toFixed(1), (g / 1024).toFixed(1));
}
console.log(`initial JS: ${seen.size} files, ${(raw / 1024).toFixed(1)} kB, gzip ${(gz / 1024).toFixed(1)} kB`);
