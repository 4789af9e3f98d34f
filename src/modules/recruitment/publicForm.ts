/**
 * The public "become a guide" form, without signing in: what the form shows, the submission (spam protection:
 * honeypot, minimum fill time, throttle per client address), and the double opt-in by mail.
 */
import type { z } from 'zod';
import { inScope } from '../../db/scope.js';
import type { ThrottleRule } from '../../domain/loginThrottle.js';
import { type Actor, type AppContext, SYSTEM_ACTOR } from '../../server/context.js';
import { AppError, type FieldError, notFound } from '../../server/errors.js';
import { LOCALES, type Locale } from '../../shared/enums.js';
import type { applicantCreateInput, VolunteerForm } from '../../shared/recruitment.js';
import { recordAudit } from '../audit/recorder.js';
import { Throttle, throttleKey } from '../auth/throttle.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { resolveAppSecret } from '../mail/secrets.js';
import { secret } from '../mail/templates.js';
import { settingsRepository } from '../settings/repository.js';
import { FormTokens } from './formToken.js';
import { applicantConfirmMail } from './mail.js';
import { recruitmentRepository as repo } from './repository.js';

export const CONFIRM_HOURS = 72;
/** Applications from one client address: 5 in 15 minutes (a family at one address still gets through). */
export const APPLICATION_THROTTLE: ThrottleRule = { limit: 5, windowMs: 15 * 60_000 };

/** The public form acts for nobody: the audit names the system, in the office's scope. */
const publicActor = (officeId: string): Actor => ({ ...SYSTEM_ACTOR, officeId, via: 'email_link', accountless: true });

export class PublicFormService {
  private readonly throttle: Throttle;
  private tokens: FormTokens | null = null;

  constructor(private readonly ctx: AppContext) {
    this.throttle = new Throttle(ctx.database.db, () => ctx.now());
  }

  private get formTokens() {
    this.tokens ??= new FormTokens(resolveAppSecret(this.ctx.config));
    return this.tokens;
  }

  private async office(slug: string) {
    const office = await inScope(this.ctx.database.db, 'system', (tx) => repo.officeBySlug(tx, slug));
    if (!office) throw notFound();
    return office;
  }

  /** The office, its districts, and the guide consent text in force in the requested language (else German). */
  async form(slug: string, language: Locale): Promise<VolunteerForm> {
    const office = await this.office(slug);
    return inScope(this.ctx.database.db, { officeId: office.id }, async (tx) => {
      const [districtRows, text] = [await repo.districts(tx, office.id), await repo.currentConsent(tx, office.id)];
      const shown = text?.texts[language] ? language : 'de';
      const content = text?.texts[shown];
      return {
        office: { name: office.name, city: office.city, slug: office.slug as string },
        languages: [...LOCALES],
        districts: districtRows,
        consent:
          text && content
            ? { textId: text.id, version: text.version, language: shown, title: content.title, body: content.body }
            : null,
        formToken: this.formTokens.issue(office.id, this.ctx.now()),
      };
    });
  }

  /**
   * Records an application and mails the confirmation link. The answer is the same whether or not the address applied
   * before (an open application gets a fresh link instead of a second record), so the form reveals nothing.
   */
  async submit(slug: string, input: z.output<typeof applicantCreateInput>, clientIp: string) {
    const office = await this.office(slug);
    if (input.website) throw new AppError(400, 'spam_rejected');
    const check = this.formTokens.check(input.formToken, office.id, this.ctx.now());
    if (check === 'too_fast') throw new AppError(400, 'form_too_fast');
    if (check !== 'ok') throw new AppError(400, 'form_expired', [{ path: 'formToken', code: 'formExpired' }]);
    const key = throttleKey.applicant(clientIp);
    const wait = await this.throttle.retryAfter([{ key, rule: APPLICATION_THROTTLE }]);
    if (wait > 0) throw new AppError(429, 'rate_limited', undefined, { 'retry-after': String(wait) });
    await this.throttle.record([key]);

    const now = this.ctx.now();
    const token = newToken();
    const mailId = await inScope(this.ctx.database.db, { officeId: office.id }, async (tx) => {
      const errors: FieldError[] = [];
      const text = await repo.currentConsent(tx, office.id);
      if (!text || text.id !== input.consentTextId) errors.push({ path: 'consentTextId', code: 'consentTextOutdated' });
      const known = new Set((await repo.districts(tx, office.id)).map((d) => d.id));
      input.districtIds.forEach((id, i) => {
        if (!known.has(id)) errors.push({ path: `districtIds.${i}`, code: 'districtUnknown' });
      });
      if (errors.length || !text) throw new AppError(400, 'validation_failed', errors);
      const consentLanguage = text.texts[input.language] ? input.language : 'de';
      const confirm = {
        confirmTokenHash: hashToken(token),
        confirmExpiresAt: new Date(now.getTime() + CONFIRM_HOURS * 3_600_000),
      };
      const earlier = await repo.openByEmail(tx, office.id, input.email);
      if (earlier?.emailConfirmedAt) return null; // already confirmed: nothing to do, and nothing to tell
      const actor = publicActor(office.id);
      const today = await settingsRepository.today(tx, office.id, now);
      if (earlier) await repo.update(tx, earlier.id, { ...confirm, updatedAt: now });
      else {
        const row = await repo.insert(tx, {
          officeId: office.id,
          firstName: input.firstName,
          lastName: input.lastName,
          email: input.email,
          phone: input.phone ?? null,
          locale: input.language,
          languages: input.languages,
          districtIds: input.districtIds,
          availability: [...input.availability].sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from)),
          motivation: input.motivation ?? null,
          consentTextId: text.id,
          consentVersion: text.version,
          consentLanguage,
          consentGivenAt: now,
          status: 'interested',
          statusOn: today,
          ...confirm,
        });
        await repo.insertStep(tx, {
          officeId: office.id,
          applicantId: row.id,
          status: 'interested',
          on: row.statusOn,
          note: null,
          recordedBy: null,
        });
        await recordAudit(tx, actor, {
          action: 'applicant.applied',
          entityType: 'applicant',
          entityId: row.id,
          changes: { consentVersion: text.version, consentLanguage },
        });
      }
      const link = `${this.ctx.config.publicUrl}/volunteer/confirm/${token}`;
      const mail = applicantConfirmMail(input.language, {
        name: `${input.firstName} ${input.lastName}`,
        office: office.name,
        hours: CONFIRM_HOURS,
        link: secret(link),
      });
      return this.ctx.mailer.enqueue(tx, { officeId: office.id, to: input.email, ...mail });
    });
    await this.ctx.mailer.deliver(this.ctx.database.db, [mailId]);
  }

  /** The double opt-in: a valid, unexpired link confirms the address once; the token is forgotten. */
  async confirm(token: string) {
    const now = this.ctx.now();
    const found = await inScope(this.ctx.database.db, 'system', (tx) => repo.byTokenHash(tx, hashToken(token)));
    if (!found?.confirmExpiresAt || found.confirmExpiresAt <= now) throw new AppError(404, 'token_invalid');
    await inScope(this.ctx.database.db, { officeId: found.officeId }, async (tx) => {
      const row = await repo.findForUpdate(tx, found.id);
      if (!row || row.confirmTokenHash !== hashToken(token)) throw new AppError(404, 'token_invalid');
      await repo.update(tx, row.id, {
        emailConfirmedAt: row.emailConfirmedAt ?? now,
        confirmTokenHash: null,
        confirmExpiresAt: null,
        updatedAt: now,
      });
      await recordAudit(tx, publicActor(row.officeId), {
        action: 'applicant.email_confirmed',
        entityType: 'applicant',
        entityId: row.id,
      });
    });
  }
}
