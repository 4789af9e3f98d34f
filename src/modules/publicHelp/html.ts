/**
 * A small HTML template layer for the public pages (issue 14 §3): plain, server-rendered, accessible markup that
 * works without JavaScript and ships none. Every interpolated value goes through `esc` (the `html` tag escapes
 * by default; `raw` marks markup built here). Styles are inline in the page (no request for a stylesheet).
 */
import { LOCALES, type Locale, RTL_LOCALES } from '../../shared/enums.js';
import { displayName } from '../../shared/reference-data.js';

export type Html = { readonly html: string };
export const raw = (html: string): Html => ({ html });

export function esc(value: unknown): string {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const part = (v: unknown): string => {
  if (v === null || v === undefined || v === false) return '';
  if (Array.isArray(v)) return v.map(part).join('');
  if (typeof v === 'object' && 'html' in (v as object)) return (v as Html).html;
  return esc(v);
};

/** Tagged template: values are escaped unless they are `Html` (or arrays of it). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0];
  values.forEach((v, i) => {
    out += part(v) + strings[i + 1];
  });
  return raw(out);
}

/** The page's own-language name of each UI language ("Deutsch", "English", "العربية"), for the switcher. */
export const localeName = (locale: Locale) => displayName('language', locale, locale);

const STYLE = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",sans-serif;line-height:1.5;color:#1a1b1e;background:#f8f9fa}
body{margin:0}
main{max-width:40rem;margin:0 auto;padding:1rem}
header{background:#1864ab;color:#fff}
header .bar{max-width:40rem;margin:0 auto;padding:.75rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between}
header a{color:#fff}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
a{color:#1864ab}
a:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,button:focus-visible{outline:2px solid #1864ab;outline-offset:2px}
header a:focus-visible{outline-color:#fff}
.card{background:#fff;border:1px solid #ced4da;border-radius:8px;padding:1rem;margin:0 0 1rem}
.actions{display:grid;gap:.75rem}
.button,button{display:inline-block;font:inherit;font-weight:600;background:#1864ab;color:#fff;border:0;border-radius:6px;padding:.75rem 1.25rem;text-decoration:none;cursor:pointer;min-height:44px}
.button.secondary{background:#fff;color:#1864ab;border:2px solid #1864ab}
fieldset{border:1px solid #ced4da;border-radius:8px;margin:0 0 1rem;padding:.75rem 1rem;background:#fff}
legend{font-weight:700;padding:0 .25rem}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
.choice{display:flex;gap:.5rem;align-items:flex-start;font-weight:400;margin:.4rem 0}
.choice input{margin-top:.3rem;width:1.25rem;height:1.25rem;flex:none}
input[type=text],input[type=number],input[type=email],select,textarea{display:block;width:100%;font:inherit;padding:.6rem;border:1px solid #868e96;border-radius:6px;background:#fff;color:inherit;min-height:44px}
textarea{min-height:7rem}
.hint{color:#495057;font-size:.9rem;margin:.25rem 0}
.error{color:#c92a2a;font-weight:600;margin:.25rem 0}
[aria-invalid=true]{border-color:#c92a2a;border-width:2px}
.summary{border:3px solid #c92a2a;background:#fff;border-radius:8px;padding:1rem;margin:0 0 1rem}
.summary h2{margin-top:0}
.consent{white-space:pre-line;max-height:14rem;overflow:auto;border:1px solid #ced4da;border-radius:6px;padding:.5rem;background:#f8f9fa}
.hp{position:absolute;inset-inline-start:-10000px;width:1px;height:1px;overflow:hidden}
.langs{display:flex;flex-wrap:wrap;gap:.25rem .75rem;margin:0;padding:0;list-style:none}
.langs a[aria-current]{font-weight:700;text-decoration:none}
ul.plain{list-style:none;padding:0;margin:0}
footer{max-width:40rem;margin:1rem auto;padding:0 1rem 2rem;font-size:.9rem}
`;

/** The whole document, in the reader's language and direction; the switcher keeps the current address. */
export function page(options: {
  locale: Locale;
  title: string;
  body: Html;
  /** The current path without `lang` (the language links add it). */
  path: string;
  t: (key: string, params?: Record<string, unknown>) => string;
}): string {
  const { locale, title, body, path, t } = options;
  const dir = RTL_LOCALES.includes(locale) ? 'rtl' : 'ltr';
  const languages = LOCALES.map(
    (l) =>
      html`<li><a href="${path}?lang=${l}" lang="${l}" hreflang="${l}"${raw(l === locale ? ' aria-current="page"' : '')}>${localeName(l)}</a></li>`,
  );
  const doc = html`<!doctype html>
<html lang="${locale}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${raw(STYLE)}</style>
</head>
<body>
<header><div class="bar"><a href="/public?lang=${locale}">Lotsennetz</a>
<nav aria-label="${t('publicHelp.home.language')}"><ul class="langs">${languages}</ul></nav></div></header>
<main id="main">
${body}
</main>
<footer><a href="/privacy">${t('privacyNotice.title')}</a> · <a href="/login">${t('publicHelp.home.signIn')}</a></footer>
</body>
</html>`;
  return doc.html;
}
