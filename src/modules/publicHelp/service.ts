/**
 * The public "ask for help" form (issue 14 §3): a person or family asks an office for a guide, without an account.
 * The submission becomes a request in status "new" with origin 'public' and no partner; the person's name and
 * contact go to `request_contacts`, which only the office's coordinators read. Spam protection as on the volunteer
 * form, without a third party: honeypot, signed form token with a minimum fill time, throttle per client address.
 */

import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { consentRecords, fieldsOfAction } from '../../db/schema/index.js';
import { inScope } from '../../db/scope.js';
import { initialsOf } from '../../domain/initials.js';
import type { ThrottleRule } from '../../domain/loginThrottle.js';
import { type Actor, type AppContext, SYSTEM_ACTOR } from '../../server/context.js';
import { AppError, type FieldError, notFound } from '../../server/errors.js';
import { LOCALES, type Locale } from '../../shared/enums.js';
import { translate } from '../../shared/i18n/index.js';
import { LANGUAGE_ENDONYMS } from '../../shared/languageNames.js';
import { localizedLabel } from '../../shared/localized.js';
import { FORM_LANGUAGES, type HelpForm, type helpRequestInput } from '../../shared/publicHelp.js';
import { displayName } from '../../shared/reference-data.js';
import { recordAudit } from '../audit/recorder.js';
import { Throttle, throttleKey } from '../auth/throttle.js';
import { directoryRepository } from '../directory/repository.js';
import { resolveAppSecret } from '../mail/secrets.js';
import { FormTokens } from '../recruitment/formToken.js';
import { recruitmentRepository } from '../recruitment/repository.js';
import { requestRepository } from '../requests/repository.js';
import { settingsRepository } from '../settings/repository.js';
import { helpReceivedMail } from './mail.js';

/** Requests from one client address: 5 in 15 minutes, as for applications (a family at one address gets through). */
export const HELP_THROTTLE: ThrottleRule = { limit: 5, windowMs: 15 * 60_000 };
/** Placeholders the coordinator sets when reviewing: the person is not asked for frequency or hours. */
const REVIEW_DEFAULTS = { frequency: 'once', expectedHours: 2, urgency: 'normal', guidesNeeded: 1 } as const;

const publicActor = (officeId: string): Actor => ({ ...SYSTEM_ACTOR, officeId, via: 'email_link', accountless: true });

/** A language's name for the form: in itself first ("العربية"), then in the page's language where different. */
export function languageLabel(code: string, locale: Locale): string {
  const own = LANGUAGE_ENDONYMS[code as keyof typeof LANGUAGE_ENDONYMS] ?? displayName('language', code, code);
  const shown = displayName('language', code, locale);
  return own === shown || own === code ? shown : `${own} (${shown})`;
}

export type HelpOffice = { id: string; name: string; city: string; slug: string };

export class PublicHelpService {
  private readonly throttle: Throttle;
  private tokens: FormTokens | null = null;

  constructor(private readonly ctx: AppContext) {
    this.throttle = new Throttle(ctx.database.db, () => ctx.now());
  }

  private get formTokens() {
    this.tokens ??= new FormTokens(resolveAppSecret(this.ctx.config));
    return this.tokens;
  }

  async office(slug: string): Promise<HelpOffice> {
    const office = await inScope(this.ctx.database.db, 'system', (tx) => recruitmentRepository.officeBySlug(tx, slug));
    if (!office?.slug) throw notFound();
    return { id: office.id, name: office.name, city: office.city, slug: office.slug };
  }

  private currentPersonConsent = (tx: Tx, officeId: string) =>
    recruitmentRepository.currentConsent(tx, officeId, 'person_consent');

  private fields = (tx: Tx, officeId: string) =>
    tx
      .select({ key: fieldsOfAction.key, name: fieldsOfAction.name, translations: fieldsOfAction.translations })
      .from(fieldsOfAction)
      .where(eq(fieldsOfAction.officeId, officeId))
      .orderBy(asc(fieldsOfAction.position), asc(fieldsOfAction.name));

  /** The form: districts, fields of action, the person consent text in force (in the language, else German). */
  async form(slug: string, language: Locale): Promise<HelpForm> {
    const office = await this.office(slug);
    return inScope(this.ctx.database.db, { officeId: office.id }, async (tx) => {
      const districts = await recruitmentRepository.districts(tx, office.id);
      const fields = (await this.fields(tx, office.id)).map((f) => ({
        key: f.key,
        name: localizedLabel(f.name, f.translations, language),
      }));
      const text = await this.currentPersonConsent(tx, office.id);
      const shown = text?.texts[language] ? language : 'de';
      const content = text?.texts[shown];
      return {
        office: { name: office.name, city: office.city, slug: office.slug },
        languages: [...LOCALES],
        districts,
        fields,
        personLanguages: FORM_LANGUAGES.map((code) => ({ code, name: languageLabel(code, language) })),
        consent:
          text && content
            ? { textId: text.id, version: text.version, language: shown, title: content.title, body: content.body }
            : null,
        formToken: this.formTokens.issue(office.id, this.ctx.now()),
      };
    });
  }

  /** Spam checks before any database work: honeypot, token age, then the throttle per address (429). */
  private async guard(officeId: string, input: { website?: string; formToken: string }, clientIp: string) {
    if (input.website) throw new AppError(400, 'spam_rejected');
    const check = this.formTokens.check(input.formToken, officeId, this.ctx.now());
    if (check === 'too_fast') throw new AppError(400, 'form_too_fast');
    if (check !== 'ok') throw new AppError(400, 'form_expired', [{ path: 'formToken', code: 'formExpired' }]);
    const key = throttleKey.helpRequest(clientIp);
    const wait = await this.throttle.retryAfter([{ key, rule: HELP_THROTTLE }]);
    if (wait > 0) throw new AppError(429, 'rate_limited', undefined, { 'retry-after': String(wait) });
    await this.throttle.record([key]);
  }

  /** Records the request (status "new", origin 'public'), its contact and consent; mails a receipt if e-mail given. */
  async submit(
    slug: string,
    input: z.output<typeof helpRequestInput>,
    clientIp: string,
  ): Promise<{ office: HelpOffice }> {
    const office = await this.office(slug);
    await this.guard(office.id, input, clientIp);
    const mailId = await inScope(this.ctx.database.db, { officeId: office.id }, (tx) =>
      this.recordIn(tx, office, input),
    );
    if (mailId) await this.ctx.mailer.deliver(this.ctx.database.db, [mailId]);
    return { office };
  }

  /**
   * The request, its contact, the consent record, the timeline and the audit, in the caller's transaction (office
   * scope); the receipt mail is queued. Also used by the demo seed, which has no client to check for spam.
   */
  async recordIn(tx: Tx, office: HelpOffice, input: z.output<typeof helpRequestInput>): Promise<string | null> {
    const now = this.ctx.now();
    const errors: FieldError[] = [];
    const text = await this.currentPersonConsent(tx, office.id);
    if (!text || text.id !== input.consentTextId) errors.push({ path: 'consentTextId', code: 'consentTextOutdated' });
    const districts = await recruitmentRepository.districts(tx, office.id);
    if (!districts.some((d) => d.id === input.districtId)) errors.push({ path: 'districtId', code: 'districtUnknown' });
    const fields = await this.fields(tx, office.id);
    const field = fields.find((f) => f.key === input.field);
    if (!field) errors.push({ path: 'field', code: 'fieldUnknown' });
    if (errors.length || !text || !field) throw new AppError(400, 'validation_failed', errors);

    const today = await settingsRepository.today(tx, office.id, now);
    const consentLanguage = text.texts[input.language] ? input.language : 'de';
    // The office works in German: the title names the kind of help and the field, never the person.
    const title = `${translate('de', `requests.type.${input.type}`)}: ${field.name}`.slice(0, 120);
    const row = await requestRepository.insert(tx, {
      officeId: office.id,
      origin: 'public',
      partnerId: null,
      createdByUserId: null,
      field: input.field,
      type: input.type,
      title,
      description: input.description,
      districtId: input.districtId,
      startsOn: today,
      ...REVIEW_DEFAULTS,
      languages: input.languages,
      minorsInvolved: input.minorsInvolved || input.ageGroup === 'child' || input.ageGroup === 'youth',
      personInitials: initialsOf(input.name),
      personAgeGroup: input.ageGroup,
      personLanguages: input.languages,
      personHousehold: input.householdSize > 1 ? 'family' : 'individual',
      personHouseholdSize: input.householdSize,
      personConsentGiven: true,
      personConsentVersion: String(text.version),
      personConsentLanguage: consentLanguage,
      status: 'new',
      createdAt: now,
      updatedAt: now,
      statusChangedAt: now,
    });
    await requestRepository.insertContact(tx, {
      officeId: office.id,
      requestId: row.id,
      name: input.name,
      channel: input.contactChannel,
      value: input.contactValue,
      locale: input.language,
      createdAt: now,
    });
    await tx.insert(consentRecords).values({
      officeId: office.id,
      textId: text.id,
      kind: 'person_consent',
      requestId: row.id,
      language: consentLanguage,
      givenAt: today,
      method: 'app',
      recordedBy: null,
    });
    await requestRepository.addEvent(tx, {
      at: now,
      officeId: office.id,
      requestId: row.id,
      kind: 'created',
      toStatus: 'new',
      actorUserId: null,
      actorName: null,
    });
    // The audit names what came in, never who asked or how to reach them.
    await recordAudit(tx, publicActor(office.id), {
      action: 'request.submitted_public',
      entityType: 'request',
      entityId: row.id,
      changes: { field: row.field, type: row.type, channel: input.contactChannel, consentVersion: text.version },
    });
    if (input.contactChannel !== 'email') return null;
    const mail = helpReceivedMail(input.language, { name: input.name, office: office.name });
    return this.ctx.mailer.enqueue(tx, { officeId: office.id, to: input.contactValue, ...mail });
  }

  /** The offices on the installation's public home page: those listed in the public directory (their opt-in). */
  listedOffices(): Promise<(HelpOffice & { listed: true })[]> {
    return inScope(this.ctx.database.db, 'system', async (tx) =>
      (await directoryRepository.listed(tx)).map((o) => ({
        id: o.officeId,
        name: o.name,
        city: o.city,
        slug: o.slug as string,
        listed: true as const,
      })),
    );
  }

  /** Whether the office appears in the public directory (its home page links its directory entry then). */
  isListed(slug: string): Promise<boolean> {
    return inScope(
      this.ctx.database.db,
      'system',
      async (tx) => (await directoryRepository.listed(tx, slug)).length > 0,
    );
  }
}
