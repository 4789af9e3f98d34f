/**
 * The public front door as server-rendered HTML (issue 14 §3): the installation's home page, an office's home page,
 * the "ask for help" form with an ordinary `<form method="post">`, and the thank-you page. No JavaScript, no cookie,
 * language from `?lang=` then Accept-Language. The form posts url-encoded fields; they are mapped onto the same zod
 * contract as the JSON API (`shared/publicHelp.ts`), and the service does the rest.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, type FieldError } from '../../server/errors.js';
import { fieldErrorFromIssue, fieldMessage } from '../../server/plugins/errorHandler.js';
import { typed } from '../../server/routing.js';
import type { Locale } from '../../shared/enums.js';
import { isLocale, pickLocale, translate } from '../../shared/i18n/index.js';
import { CONTACT_CHANNELS, type HelpForm, helpRequestInput } from '../../shared/publicHelp.js';
import { slugParams } from '../../shared/recruitment.js';
import { AGE_GROUPS, REQUEST_TYPES } from '../../shared/requests.js';
import { type Html, html, page, raw } from './html.js';
import type { PublicHelpService } from './service.js';

/** `?lang=` wins; anything else (unknown values too) falls back to the browser's Accept-Language. */
const pageQuery = z.object({ lang: z.string().max(35).optional() });

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A server-rendered public page: no scripts at all, so its CSP allows none (plugins/securityHeaders.ts). */
    htmlPage?: boolean;
  }
}

export function localeOf(request: FastifyRequest, fromForm?: unknown): Locale {
  const q = (request.query as { lang?: string } | undefined)?.lang;
  if (typeof fromForm === 'string' && isLocale(fromForm)) return fromForm;
  if (q && isLocale(q)) return q;
  return pickLocale(request.headers['accept-language']);
}

const translator = (locale: Locale) => (key: string, params?: Record<string, unknown>) =>
  translate(locale, key, params);

function send(reply: FastifyReply, status: number, body: string) {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(body);
}

type FormValues = Record<string, string | string[]>;
type Errors = Map<string, string>;

const one = (v: FormValues, k: string) => {
  const x = v[k];
  return Array.isArray(x) ? x[0] : x;
};
const all = (v: FormValues, k: string): string[] => {
  const x = v[k];
  return x === undefined ? [] : Array.isArray(x) ? x : [x];
};

/** The url-encoded form onto the JSON contract: empty strings are missing values, numbers are numbers. */
export function formToInput(v: FormValues, locale: Locale) {
  const text = (k: string) => one(v, k) ?? '';
  const choice = (k: string) => one(v, k) || undefined;
  const size = one(v, 'householdSize');
  return {
    name: text('name'),
    ageGroup: choice('ageGroup'),
    householdSize: size ? Number(size) : undefined,
    minorsInvolved: one(v, 'minorsInvolved') === 'true',
    field: choice('field'),
    type: choice('type'),
    description: text('description'),
    languages: all(v, 'languages'),
    districtId: choice('districtId'),
    contactChannel: choice('contactChannel'),
    contactValue: text('contactValue'),
    language: locale,
    consentTextId: choice('consentTextId'),
    consentGiven: one(v, 'consentGiven') === 'true' ? true : undefined,
    formToken: text('formToken'),
    website: one(v, 'website') ?? '',
  };
}

/** zod issues → the same translated field messages as the API's problem details. */
function issuesToErrors(issues: z.core.$ZodIssue[], locale: Locale): Errors {
  const errors: Errors = new Map();
  for (const issue of issues) {
    const fe = fieldErrorFromIssue({
      keyword: issue.code,
      instancePath: `/${issue.path.join('/')}`,
      message: issue.message,
      params: { ...(issue as unknown as Record<string, unknown>) },
    });
    const key = fe.path.split('.')[0];
    if (!errors.has(key)) errors.set(key, fieldMessage(locale, fe));
  }
  return errors;
}

const fieldErrorsToMap = (fieldErrors: FieldError[], locale: Locale): Errors =>
  new Map(fieldErrors.map((e) => [e.path.split('.')[0], fieldMessage(locale, e)]));

const ORDER = [
  'name',
  'ageGroup',
  'householdSize',
  'field',
  'type',
  'description',
  'languages',
  'districtId',
  'contactChannel',
  'contactValue',
  'consentGiven',
  'consentTextId',
  'formToken',
];

function errorSummary(errors: Errors, t: (k: string) => string, general: string | null): Html {
  if (errors.size === 0 && !general) return raw('');
  const items = [...errors.entries()]
    .sort(([a], [b]) => ORDER.indexOf(a) - ORDER.indexOf(b))
    .map(([k, m]) => html`<li><a href="#f-${k}">${m}</a></li>`);
  return html`<div class="summary" role="alert" aria-labelledby="summary-title" tabindex="-1" id="summary">
<h2 id="summary-title">${t('publicHelp.form.errorsTitle')}</h2>
${general ? html`<p>${general}</p>` : ''}
${items.length ? html`<ul>${items}</ul>` : ''}
</div>`;
}

function renderForm(
  form: HelpForm,
  locale: Locale,
  values: FormValues,
  errors: Errors,
  general: string | null,
): { title: string; body: Html } {
  const t = translator(locale);
  const title = t('publicHelp.form.title', { office: form.office.name });
  const err = (k: string) => (errors.has(k) ? html`<p class="error" id="e-${k}">${errors.get(k)}</p>` : '');
  const invalid = (k: string) => raw(errors.has(k) ? ` aria-invalid="true" aria-describedby="e-${k}"` : '');
  const describedFieldset = (k: string) => raw(errors.has(k) ? ` aria-describedby="e-${k}"` : '');
  const checked = (k: string, value: string) => raw(all(values, k).includes(value) ? ' checked' : '');
  const selected = (k: string, value: string) => raw(one(values, k) === value ? ' selected' : '');
  const radios = (k: string, options: { value: string; label: string }[]) =>
    options.map(
      (o, i) =>
        html`<label class="choice"><input type="radio" name="${k}" value="${o.value}"${raw(i === 0 ? ` id="f-${k}"` : '')}${checked(k, o.value)} required> <span>${o.label}</span></label>`,
    );
  if (!form.consent) {
    return {
      title,
      body: html`<h1>${title}</h1><p class="card">${t('publicHelp.form.noConsent')}</p>
<p><a href="/public/${form.office.slug}?lang=${locale}">${t('publicHelp.sent.back', { office: form.office.name })}</a></p>`,
    };
  }
  const body = html`<h1>${title}</h1>
<p>${t('publicHelp.form.intro')}</p>
${errorSummary(errors, t, general)}
<form method="post" action="/public/${form.office.slug}/help?lang=${locale}" novalidate>
<input type="hidden" name="formToken" value="${form.formToken}">
<input type="hidden" name="consentTextId" value="${form.consent.textId}">
<div class="hp" aria-hidden="true"><label for="f-website">${t('publicHelp.form.honeypot')}</label>
<input type="text" id="f-website" name="website" tabindex="-1" autocomplete="off" value=""></div>

<fieldset><legend>${t('publicHelp.form.who')}</legend>
<label for="f-name">${t('publicHelp.form.name')}</label>
<p class="hint" id="h-name">${t('publicHelp.form.nameHint')}</p>
${err('name')}
<input type="text" id="f-name" name="name" maxlength="100" autocomplete="name" required value="${one(values, 'name') ?? ''}"${errors.has('name') ? raw(' aria-invalid="true" aria-describedby="h-name e-name"') : raw(' aria-describedby="h-name"')}>
<fieldset${describedFieldset('ageGroup')}><legend>${t('publicHelp.form.ageGroup')}</legend>
${err('ageGroup')}
${radios(
  'ageGroup',
  AGE_GROUPS.map((a) => ({ value: a, label: t(`requests.ageGroup.${a}`) })),
)}
</fieldset>
<label for="f-householdSize">${t('publicHelp.form.householdSize')}</label>
${err('householdSize')}
<input type="number" id="f-householdSize" name="householdSize" min="1" max="20" inputmode="numeric" required value="${one(values, 'householdSize') ?? '1'}"${invalid('householdSize')}>
<label class="choice"><input type="checkbox" name="minorsInvolved" value="true"${checked('minorsInvolved', 'true')}> <span>${t('publicHelp.form.minors')}</span></label>
</fieldset>

<fieldset><legend>${t('publicHelp.form.what')}</legend>
<label for="f-field">${t('publicHelp.form.field')}</label>
${err('field')}
<select id="f-field" name="field" required${invalid('field')}>
<option value="">${t('publicHelp.form.choose')}</option>
${form.fields.map((f) => html`<option value="${f.key}"${selected('field', f.key)} lang="de">${f.name}</option>`)}
</select>
<fieldset${describedFieldset('type')}><legend>${t('publicHelp.form.type')}</legend>
${err('type')}
${radios(
  'type',
  REQUEST_TYPES.map((x) => ({ value: x, label: t(`requests.type.${x}`) })),
)}
</fieldset>
<label for="f-description">${t('publicHelp.form.description')}</label>
<p class="hint" id="h-description">${t('publicHelp.form.descriptionHint')}</p>
${err('description')}
<textarea id="f-description" name="description" maxlength="2000" required${errors.has('description') ? raw(' aria-invalid="true" aria-describedby="h-description e-description"') : raw(' aria-describedby="h-description"')}>${one(values, 'description') ?? ''}</textarea>
</fieldset>

<fieldset${describedFieldset('languages')}><legend>${t('publicHelp.form.languages')}</legend>
<p class="hint">${t('publicHelp.form.languagesHint')}</p>
${err('languages')}
${form.personLanguages.map(
  (l, i) =>
    html`<label class="choice"><input type="checkbox" name="languages" value="${l.code}"${raw(i === 0 ? ' id="f-languages"' : '')}${checked('languages', l.code)}> <span dir="auto">${l.name}</span></label>`,
)}
</fieldset>

<fieldset><legend>${t('publicHelp.form.where')}</legend>
<label for="f-districtId">${t('publicHelp.form.district')}</label>
${err('districtId')}
<select id="f-districtId" name="districtId" required${invalid('districtId')}>
<option value="">${t('publicHelp.form.choose')}</option>
${form.districts.map((d) => html`<option value="${d.id}"${selected('districtId', d.id)}>${d.name}</option>`)}
</select>
</fieldset>

<fieldset${describedFieldset('contactChannel')}><legend>${t('publicHelp.form.contact')}</legend>
${err('contactChannel')}
${radios(
  'contactChannel',
  CONTACT_CHANNELS.map((c) => ({ value: c, label: t(`publicHelp.form.channel.${c}`) })),
)}
<label for="f-contactValue">${t('publicHelp.form.contactValue')}</label>
${err('contactValue')}
<input type="text" id="f-contactValue" name="contactValue" maxlength="200" required dir="auto" value="${one(values, 'contactValue') ?? ''}"${invalid('contactValue')}>
</fieldset>

<fieldset${describedFieldset('consentGiven')}><legend>${t('publicHelp.form.consentTitle')}</legend>
<h2 lang="${form.consent.language}">${form.consent.title} <small>(${t('publicHelp.form.consentVersion', { version: form.consent.version })})</small></h2>
<div class="consent" lang="${form.consent.language}" tabindex="0" role="region" aria-label="${form.consent.title}">${form.consent.body}</div>
${err('consentGiven')}
${err('consentTextId')}
<label class="choice"><input type="checkbox" id="f-consentGiven" name="consentGiven" value="true" required${checked('consentGiven', 'true')}${invalid('consentGiven')}> <span>${t('publicHelp.form.consentLabel')}</span></label>
</fieldset>
<p><button type="submit">${t('publicHelp.form.submit')}</button></p>
</form>`;
  return { title, body };
}

/** Problem codes of the spam checks and the throttle, as a sentence above the form. */
function generalMessage(error: AppError, locale: Locale): string {
  return translate(locale, `errors.${error.code}`);
}

export function registerPublicPages(app: FastifyInstance, service: PublicHelpService) {
  app.register(async (scope) => {
    // The browser's own format without JavaScript (url-encoded); a JSON body is read as the same fields (the JSON
    // API under /api/v1/public/… is the one for scripts).
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_req, body, done) => {
        const out: FormValues = {};
        for (const [k, v] of new URLSearchParams(body as string)) {
          const prev = out[k];
          out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
        }
        done(null, out);
      },
    );
    // An unknown or unlisted address is a page too, in the reader's language; other errors go to the app's handler.
    scope.setErrorHandler((error, request, reply) => {
      if (!(error instanceof AppError) || error.status !== 404) throw error;
      const locale = localeOf(request);
      const t = translator(locale);
      const title = t('publicHelp.error.notFound');
      const body = html`<h1>${title}</h1><p><a href="/public?lang=${locale}">${t('publicHelp.home.allOffices')}</a></p>`;
      return send(reply, 404, page({ locale, title, body, path: '/public', t }));
    });
    const api = typed(scope);
    const config = { public: true, htmlPage: true };
    const hide = true;

    api.get('/public', { config, schema: { hide, querystring: pageQuery } }, async (req, reply) => {
      const locale = localeOf(req);
      const t = translator(locale);
      const offices = await service.listedOffices();
      const list = offices.length
        ? html`<ul class="plain">${offices.map(
            (o) =>
              html`<li class="card"><h3><a href="/public/${o.slug}?lang=${locale}">${o.name}</a></h3><p>${o.city}</p>
<p><a href="/public/${o.slug}/help?lang=${locale}">${t('publicHelp.home.askHelp')}</a> · <a href="/volunteer/${o.slug}">${t('publicHelp.home.becomeGuide')}</a></p></li>`,
          )}</ul>`
        : html`<p>${t('publicHelp.home.noOffices')}</p>`;
      const title = t('publicHelp.home.title');
      const body = html`<h1>${title}</h1><p>${t('publicHelp.home.intro')}</p>
<p><a class="button" href="/directory">${t('publicHelp.home.directory')}</a></p>
<h2>${t('publicHelp.home.offices')}</h2>${list}`;
      return send(reply, 200, page({ locale, title, body, path: '/public', t }));
    });

    api.get(
      '/public/:slug',
      { config, schema: { hide, params: slugParams, querystring: pageQuery } },
      async (req, reply) => {
        const locale = localeOf(req);
        const t = translator(locale);
        const office = await service.office(req.params.slug);
        const listed = await service.isListed(office.slug);
        const title = office.name;
        const body = html`<h1>${office.name}</h1><p>${office.city}</p><p>${t('publicHelp.home.intro')}</p>
<div class="actions">
<section class="card" aria-labelledby="ask"><h2 id="ask">${t('publicHelp.home.askHelp')}</h2><p>${t('publicHelp.home.askHelpText')}</p>
<p><a class="button" href="/public/${office.slug}/help?lang=${locale}">${t('publicHelp.home.askHelp')}</a></p></section>
<section class="card" aria-labelledby="guide"><h2 id="guide">${t('publicHelp.home.becomeGuide')}</h2><p>${t('publicHelp.home.becomeGuideText')}</p>
<p><a class="button secondary" href="/volunteer/${office.slug}">${t('publicHelp.home.becomeGuide')}</a></p></section>
</div>
<ul>
${listed ? html`<li><a href="/directory/${office.slug}">${t('publicHelp.home.directoryEntry')}</a></li>` : ''}
<li><a href="/directory">${t('publicHelp.home.directory')}</a></li>
<li><a href="/public?lang=${locale}">${t('publicHelp.home.allOffices')}</a></li>
</ul>`;
        return send(reply, 200, page({ locale, title, body, path: `/public/${office.slug}`, t }));
      },
    );

    api.get(
      '/public/:slug/help',
      { config, schema: { hide, params: slugParams, querystring: pageQuery } },
      async (req, reply) => {
        const locale = localeOf(req);
        const form = await service.form(req.params.slug, locale);
        const { title, body } = renderForm(form, locale, {}, new Map(), null);
        return send(
          reply,
          200,
          page({ locale, title, body, path: `/public/${form.office.slug}/help`, t: translator(locale) }),
        );
      },
    );

    api.post(
      '/public/:slug/help',
      { config, schema: { hide, params: slugParams, querystring: pageQuery } },
      async (req, reply) => {
        const values = (req.body ?? {}) as FormValues;
        const locale = localeOf(req);
        const slug = req.params.slug;
        const rerender = async (status: number, errors: Errors, general: string | null, headers = {}) => {
          // A fresh token: the person may send again once they fixed the form (the fill time counts anew).
          const form = await service.form(slug, locale);
          const { title, body } = renderForm(form, locale, values, errors, general);
          reply.headers(headers);
          return send(
            reply,
            status,
            page({
              locale,
              title: `${translate(locale, 'publicHelp.error.title')}: ${title}`,
              body,
              path: `/public/${slug}/help`,
              t: translator(locale),
            }),
          );
        };
        const parsed = helpRequestInput.safeParse(formToInput(values, locale));
        if (!parsed.success) {
          await service.office(slug); // an unknown office is a 404, not a form with errors
          return rerender(400, issuesToErrors(parsed.error.issues, locale), null);
        }
        try {
          await service.submit(slug, parsed.data, req.ip);
        } catch (error) {
          if (!(error instanceof AppError) || error.status === 404) throw error;
          const general = error.fieldErrors?.length ? null : generalMessage(error, locale);
          return rerender(
            error.status,
            fieldErrorsToMap(error.fieldErrors ?? [], locale),
            general,
            error.headers ?? {},
          );
        }
        return reply.code(303).header('location', `/public/${slug}/help/sent?lang=${locale}`).send();
      },
    );

    api.get(
      '/public/:slug/help/sent',
      { config, schema: { hide, params: slugParams, querystring: pageQuery } },
      async (req, reply) => {
        const locale = localeOf(req);
        const t = translator(locale);
        const office = await service.office(req.params.slug);
        const title = t('publicHelp.sent.title');
        const body = html`<h1>${title}</h1><div class="card" role="status"><p>${t('publicHelp.sent.text', { office: office.name })}</p>
<p>${t('publicHelp.sent.mailed')}</p></div>
<p><a href="/public/${office.slug}?lang=${locale}">${t('publicHelp.sent.back', { office: office.name })}</a></p>`;
        return send(reply, 200, page({ locale, title, body, path: `/public/${office.slug}/help/sent`, t }));
      },
    );
  });
}
