import { describe, expect, it } from 'vitest';
import { FIRST_RENDER_PATHS, pageWith, scriptJson } from './firstRender.js';

const TEMPLATE = `<!doctype html>
<html lang="de" dir="ltr">
  <head><title>Lotsennetz</title></head>
  <body>
    <div id="root"></div>
    <script type="module" src="/assets/index.js"></script>
  </body>
</html>`;

const rendered = (html: string, state: unknown = {}) => ({
  html,
  locale: 'ar',
  dir: 'rtl' as const,
  timeZone: 'Europe/Berlin',
  state,
});

describe('first render page', () => {
  it('puts the page into the root, inert, with the language, direction and state', () => {
    const page = pageWith(TEMPLATE, rendered('<main>عروضي</main>', { queries: [] }));
    expect(page).toContain('<html lang="ar" dir="rtl" data-ssr>');
    expect(page).toContain('<div id="root" inert aria-busy="true"><main>عروضي</main></div>');
    expect(page).toContain(
      '<script type="application/json" id="ssr-state">{"locale":"ar","timeZone":"Europe/Berlin","queries":{"queries":[]}}</script>',
    );
  });

  it('keeps data from closing the script element: a name with </script> stays inside the JSON', () => {
    const name = '</script><script>alert(1)</script>\u2028';
    const json = scriptJson({ name });
    expect(json).not.toContain('</script>');
    expect(json).not.toContain('\u2028');
    expect(JSON.parse(json)).toEqual({ name });
    const page = pageWith(TEMPLATE, rendered('<p></p>', { name })) ?? '';
    expect(page.match(/<\/script>/g)).toHaveLength(2); // the state's own and the module's, nothing from the data
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
