import { describe, expect, it } from 'vitest';
import { FIRST_RENDER_PATHS, pageWith, screenOf, scriptJson } from './firstRender.js';

const TEMPLATE = `<!doctype html>
<html lang="de" dir="ltr">
  <head>
    <title>Lotsennetz</title>
    <script type="module" crossorigin src="/assets/index.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/vendor-react.js">
    <link rel="stylesheet" crossorigin href="/assets/index.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;

const rendered = (html: string, state: unknown = {}) => ({
  html,
  locale: 'ar',
  dir: 'rtl' as const,
  timeZone: 'Europe/Berlin',
  screen: 'phone' as const,
  pages: ['MyOffersPage'],
  state,
});

describe('first render page', () => {
  it('puts the page into the root, inert, with the language, direction and state', () => {
    const page = pageWith(TEMPLATE, rendered('<main>عروضي</main>', { queries: [] }));
    expect(page).toContain('<html lang="ar" dir="rtl" data-ssr>');
    expect(page).toContain('<div id="root" inert aria-busy="true"><main>عروضي</main></div>');
    expect(page).toContain(
      '<script type="application/json" id="ssr-state">{"locale":"ar","timeZone":"Europe/Berlin","screen":"phone","pages":["MyOffersPage"],"queries":{"queries":[]}}</script>',
    );
  });

  it('loads the app once the page has painted: first-paint.js gets the entry, the preloads go', () => {
    const page = pageWith(TEMPLATE, rendered('<main></main>')) ?? '';
    expect(page).toContain('<script defer src="/first-paint.js" data-entry="/assets/index.js"></script>');
    expect(page).not.toContain('type="module"');
    expect(page).not.toContain('modulepreload');
    expect(page).toContain('<link rel="stylesheet" crossorigin href="/assets/index.css">');
  });

  it("guesses a phone from the browser's mobile hint, else from its user agent", () => {
    const android = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36';
    const desktop = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36';
    expect(screenOf({ 'sec-ch-ua-mobile': '?1', 'user-agent': desktop })).toBe('phone');
    expect(screenOf({ 'sec-ch-ua-mobile': '?0', 'user-agent': android })).toBe('desktop');
    expect(screenOf({ 'user-agent': android })).toBe('phone');
    expect(screenOf({ 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148' })).toBe(
      'phone',
    );
    expect(screenOf({ 'user-agent': desktop })).toBe('desktop');
    expect(screenOf({})).toBe('desktop');
  });

  it('keeps data from closing the script element: a name with </script> stays inside the JSON', () => {
    const name = '</script><script>alert(1)</script>\u2028';
    const json = scriptJson({ name });
    expect(json).not.toContain('</script>');
    expect(json).not.toContain('\u2028');
    expect(JSON.parse(json)).toEqual({ name });
    const page = pageWith(TEMPLATE, rendered('<p></p>', { name })) ?? '';
    expect(page.match(/<\/script>/g)).toHaveLength(2); // the loader's and the state's own, nothing from the data
  });

  it('does not mistake $-patterns in the page for replacement patterns', () => {
    const page = pageWith(TEMPLATE, rendered("<p>$& $' 12 $</p>"));
    expect(page).toContain("<p>$& $' 12 $</p>");
  });

  it('gives up (null) on a template without the expected root or html tag', () => {
    expect(pageWith('<html><body></body></html>', rendered('<p></p>'))).toBeNull();
    expect(pageWith(TEMPLATE.replace('<div id="root"></div>', '<div id="app"></div>'), rendered('<p></p>'))).toBeNull();
  });

  it('renders only the pages it is meant for', () => {
    const matches = (path: string) => FIRST_RENDER_PATHS.some((p) => p.test(path));
    expect(matches('/my/offers')).toBe(true);
    expect(matches('/guides')).toBe(true);
    expect(matches('/guides/new')).toBe(false);
    expect(matches('/my/offers/123')).toBe(false);
    expect(matches('/login')).toBe(false);
  });
});
