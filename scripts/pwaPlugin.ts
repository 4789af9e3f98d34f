import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import type { Plugin } from 'vite';
import { LOCALES, RTL_LOCALES } from '../src/shared/enums.js';

const root = new URL('..', import.meta.url).pathname;

function publicFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? publicFiles(path) : [`/${relative(join(root, 'src/web/public'), path)}`];
  });
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The page a navigation gets when there is neither a network nor a cached app: plain HTML, in every UI language. */
export function offlinePage(): string {
  const sections = LOCALES.map((locale) => {
    const catalogue = JSON.parse(readFileSync(join(root, `src/shared/i18n/${locale}.json`), 'utf8'));
    const texts = catalogue.pwa.offlinePage as { title: string; text: string; retry: string };
    const dir = RTL_LOCALES.includes(locale) ? 'rtl' : 'ltr';
    return `<section lang="${locale}" dir="${dir}"><h2>${escapeHtml(texts.title)}</h2><p>${escapeHtml(texts.text)}</p><p><a href="/">${escapeHtml(texts.retry)}</a></p></section>`;
  }).join('\n');
  return `<!doctype html>
<html lang="de" dir="ltr">
<head>
<meta charset="UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<meta name="theme-color" content="#0f5b66" />
<link rel="icon" href="/favicon.svg" type="image/svg+xml" />
<title>Lotsennetz – offline</title>
<style>
body { font-family: system-ui, sans-serif; margin: 0; padding: 1.5rem; color: #1a1b1e; background: #fff; line-height: 1.5; }
main { max-width: 36rem; margin: 0 auto; }
h1 { color: #0f5b66; font-size: 1.5rem; }
h2 { font-size: 1.2rem; margin-bottom: 0.25rem; }
section { border-top: 1px solid #dee2e6; padding-top: 0.5rem; }
a { color: #0f5b66; font-weight: 600; }
a:focus-visible { outline: 2px solid #0f5b66; outline-offset: 2px; }
</style>
</head>
<body>
<main>
<h1>Lotsennetz</h1>
${sections}
</main>
</body>
</html>
`;
}

/**
 * Builds the service worker (src/web/pwa/serviceWorker.ts) into /sw.js with the list of this build's files to cache
 * at install, and writes /offline.html. A hand-written worker instead of vite-plugin-pwa/Workbox: ADR 12.
 */
export function serviceWorker(): Plugin {
  return {
    name: 'lotsennetz-service-worker',
    apply: 'build',
    // The SPA registers the worker only in a build (vite's PROD is false when NODE_ENV is "test", as in the e2e run).
    config: () => ({ define: { __SERVICE_WORKER__: 'true' } }),
    async generateBundle(_options, bundle) {
      this.emitFile({ type: 'asset', fileName: 'offline.html', source: offlinePage() });
      const built = Object.keys(bundle)
        .filter((name) => !name.endsWith('.map') && name !== 'index.html')
        .map((name) => `/${name}`);
      const precache = [
        '/index.html',
        '/offline.html',
        ...publicFiles(join(root, 'src/web/public')),
        ...built.filter((n) => n !== '/offline.html'),
      ].sort();
      const buildId = createHash('sha256')
        .update(precache.join('\n'))
        .update(readFileSync(join(root, 'src/web/pwa/serviceWorker.ts')))
        .update(readFileSync(join(root, 'src/web/pwa/cachePolicy.ts')))
        .digest('hex')
        .slice(0, 16);
      const result = await build({
        entryPoints: [join(root, 'src/web/pwa/serviceWorker.ts')],
        bundle: true,
        write: false,
        format: 'iife',
        minify: true,
        target: 'es2022',
        legalComments: 'none',
        define: { __BUILD_ID__: JSON.stringify(buildId), __PRECACHE__: JSON.stringify(precache) },
      });
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: result.outputFiles[0].text });
    },
  };
}
