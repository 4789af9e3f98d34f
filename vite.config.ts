import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { serviceWorker } from './scripts/pwaPlugin.js';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The SPA lives in src/web and is built to dist/web, which the Fastify server serves in production. */
export default defineConfig(({ isSsrBuild }) => ({
  root: 'src/web',
  // The catalogues (about 200 kB each) as JSON.parse of a string: parsed much faster than the same object as code, on
  // every page load.
  json: { stringify: true, namedExports: false },
  plugins: isSsrBuild ? [react()] : [react(), serviceWorker()],
  // The server's first render (entry-server.tsx) is one self-contained bundle: the e2e suite builds it into a temporary
  // folder, where node_modules could not be found.
  ssr: { noExternal: true },
  build: isSsrBuild
    ? {
        sourcemap: false,
        minify: false,
        copyPublicDir: false,
        rolldownOptions: { output: { entryFileNames: '[name].js' } },
      }
    : {
        outDir: '../../dist/web',
        emptyOutDir: true,
        sourcemap: false,
        chunkSizeWarningLimit: 1500,
        rolldownOptions: {
          // The minimal service worker for Web Push is served at a fixed, unhashed path (/push-sw.js).
          input: { index: fromRoot('./src/web/index.html'), 'push-sw': fromRoot('./src/web/push/sw.ts') },
          output: {
            entryFileNames: (chunk) => (chunk.name === 'push-sw' ? 'push-sw.js' : 'assets/[name]-[hash].js'),
            // Libraries every page needs get chunks of their own: they change with dependency updates only, so a
            // release of our code leaves them in the browser's cache. Mantine stays split per component, so the
            // pages that are loaded later bring the components they use.
            codeSplitting: {
              groups: [
                {
                  name: 'vendor-react',
                  test: /node_modules[\\/](react|react-dom|scheduler|react-router|use-sync-external-store)[\\/]/,
                  priority: 3,
                },
                { name: 'vendor-i18n', test: /node_modules[\\/](i18next|react-i18next)[\\/]/, priority: 2 },
                { name: 'vendor-query', test: /node_modules[\\/]@tanstack[\\/]/, priority: 2 },
              ],
            },
          },
        },
      },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
}));
