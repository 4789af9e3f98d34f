import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from './session.js';

/**
 * The server's first render of the pages a guide opens on a phone and a coordinator opens every morning (ADR 0013):
 * their HTML arrives with the data in it, so the page paints before the scripts have loaded, and the browser hydrates
 * it. Every other page, a visitor without a session, and any render that gives up get the plain app shell, as before.
 */
export const FIRST_RENDER_PATHS: readonly RegExp[] = [/^\/my\/offers$/, /^\/guides$/];

type Transport = (url: string, init: RequestInit) => Promise<Response>;
type Screen = 'phone' | 'desktop';
type Rendered = {
  html: string;
  locale: string;
  dir: 'ltr' | 'rtl';
  timeZone: string;
  screen: Screen;
  pages: string[];
  state: unknown;
};
type RenderFirst = (url: string, transport: Transport, screen: Screen) => Promise<Rendered | null>;

/** The built renderer sits beside the built app: dist/web → dist/web-ssr/entry-server.js. */
export async function loadFirstRender(webRoot: string): Promise<RenderFirst | null> {
  const entry = join(`${webRoot.replace(/[\\/]+$/, '')}-ssr`, 'entry-server.js');
  if (!existsSync(entry)) return null;
  const module = (await import(pathToFileURL(entry).href)) as { renderFirst: RenderFirst };
  return module.renderFirst;
}

/** JSON inside a <script> element: nothing in it may close the element or end a line in old parsers. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const HTML_TAG = /<html lang="[^"]*" dir="[^"]*">/;
const ROOT = '<div id="root"></div>';

/** The app's module script and the modules it preloads, as Vite writes them into the template's head. */
const APP_ENTRY = /<script type="module" crossorigin src="([^"]+)"><\/script>/;
const APP_PRELOAD = /\s*<link rel="modulepreload" crossorigin href="[^"]+">/g;

/**
 * The page's content is in the HTML already; its scripts only make it live. They load once the page has painted
 * (public/first-paint.js): on a slow phone connection some 30 modules would otherwise share the line with the
 * stylesheet that the first paint waits for.
 */
function scriptsAfterFirstPaint(template: string): string {
  const entry = template.match(APP_ENTRY)?.[1];
  if (!entry) return template;
  return template
    .replace(APP_PRELOAD, '')
    .replace(APP_ENTRY, () => `<script defer src="/first-paint.js" data-entry="${entry}"></script>`);
}

export function pageWith(template: string, rendered: Rendered): string | null {
  if (!HTML_TAG.test(template) || !template.includes(ROOT)) return null;
  const state = scriptJson({
    locale: rendered.locale,
    timeZone: rendered.timeZone,
    screen: rendered.screen,
    pages: rendered.pages,
    queries: rendered.state,
  });
  return scriptsAfterFirstPaint(template)
    .replace(HTML_TAG, `<html lang="${rendered.locale}" dir="${rendered.dir}" data-ssr>`)
    .replace(
      ROOT,
      // Inert and busy until the browser has taken the page over (main.tsx): a tap before that would be lost.
      () =>
        `<div id="root" inert aria-busy="true">${rendered.html}</div><script type="application/json" id="ssr-state">${state}</script>`,
    );
}

/**
 * The server cannot see the window's width, so a page whose layout depends on it (a table on a desktop, cards on a
 * phone) is rendered for a guess: the browser's mobile hint where it sends one (Chromium), else its user agent.
 */
export function screenOf(headers: { 'sec-ch-ua-mobile'?: string | string[]; 'user-agent'?: string }): Screen {
  const hint = headers['sec-ch-ua-mobile'];
  if (hint === '?1') return 'phone';
  if (hint === '?0') return 'desktop';
  return /Mobi|Android|iPhone|iPod/i.test(headers['user-agent'] ?? '') ? 'phone' : 'desktop';
}

/**
 * The compression plugin only sees registered routes, and this page is answered by the not-found handler: brotli
 * (quality 5, as the plugin) or gzip here, as the browser accepts. The HTML carries the page's data, so it is larger
 * than the shell (about 50 kB raw, 10 kB compressed).
 */
function compressed(html: string, accepted: string | undefined, reply: FastifyReply): string | Buffer {
  const encodings = (accepted ?? '').toLowerCase();
  if (/\bbr\b/.test(encodings)) {
    reply.header('content-encoding', 'br');
    return brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
  }
  if (/\bgzip\b/.test(encodings)) {
    reply.header('content-encoding', 'gzip');
    return gzipSync(html);
  }
  return html;
}

/**
 * Answers a page request with its first render, or returns false (the caller sends the app shell). The page's API
 * calls go through `app.inject` with the visitor's cookie and language only: the same handlers, permissions and
 * office separation as the browser's own calls.
 */
export function firstRenderResponder(app: FastifyInstance, renderFirst: RenderFirst, webRoot: string) {
  const template = readFileSync(join(webRoot, 'index.html'), 'utf8');
  return async (request: FastifyRequest, reply: FastifyReply): Promise<boolean> => {
    const cookie = request.cookies[SESSION_COOKIE];
    const path = request.url.split('?')[0] ?? '';
    if (!cookie || !FIRST_RENDER_PATHS.some((p) => p.test(path))) return false;
    const transport: Transport = async (url, init) => {
      if ((init.method ?? 'GET') !== 'GET') throw new Error('a first render only reads');
      const headers = (init.headers ?? {}) as Record<string, string>;
      const answer = await app.inject({
        method: 'GET',
        url,
        headers: {
          accept: 'application/json',
          'accept-language': headers['accept-language'] ?? 'de',
          cookie: `${SESSION_COOKIE}=${cookie}`,
        },
      });
      const empty = answer.statusCode === 204 || answer.statusCode === 304;
      return new Response(empty ? null : answer.body, {
        status: answer.statusCode,
        headers: { 'content-type': String(answer.headers['content-type'] ?? 'application/json') },
      });
    };
    try {
      if (request.method !== 'GET') return false;
      const rendered = await renderFirst(request.url, transport, screenOf(request.headers));
      const html = rendered && pageWith(template, rendered);
      if (!html) return false;
      // Personal: never kept by a shared cache, and only for this session; laid out for the screen the browser named.
      reply
        .header('cache-control', 'no-store')
        .header('vary', 'cookie, accept-encoding, sec-ch-ua-mobile, user-agent')
        .type('text/html; charset=utf-8');
      await reply.send(compressed(html, request.headers['accept-encoding'], reply));
      return true;
    } catch (error) {
      request.log.warn({ err: error }, 'first render failed; the app shell is sent');
      return false;
    }
  };
}
