import type { Tx } from '../../db/client.js';
import { inScope } from '../../db/scope.js';
import type { ThrottleRule } from '../../domain/loginThrottle.js';
import type { Actor, AppContext } from '../../server/context.js';
import { AppError, type FieldError, forbidden, notFound } from '../../server/errors.js';
import type {
  DirectoryList,
  DirectoryOffice,
  DirectorySettings,
  DirectorySettingsInput,
  LocalizedText,
} from '../../shared/directory.js';
import { LOCALES, type Locale } from '../../shared/enums.js';
import { localizedLabel } from '../../shared/localized.js';
import { diffFields, recordAudit } from '../audit/recorder.js';
import { Throttle, throttleKey } from '../auth/throttle.js';
import { directoryPolicy as policy } from './policy.js';
import { type DirectoryEntryRow, directoryRepository as repo } from './repository.js';

/**
 * Unknown office addresses from one client address: 30 in 15 minutes, like the certificate check. The list names
 * every listed office anyway, so this only slows down probing for unlisted ones (which answer exactly like none).
 */
export const DIRECTORY_MISS_THROTTLE: ThrottleRule = { limit: 30, windowMs: 15 * 60_000 };

const EMPTY_TEXT = Object.fromEntries(LOCALES.map((l) => [l, ''])) as LocalizedText;

/** An office that never opened its directory settings: not listed, everything else empty or on. */
const defaults = (): Omit<DirectorySettings, 'slug'> => ({
  listed: false,
  provider: '',
  description: { ...EMPTY_TEXT },
  howToGetHelp: { ...EMPTY_TEXT },
  areas: [],
  lat: null,
  lon: null,
  contactEmail: null,
  contactPhone: null,
  website: null,
  showLanguages: true,
  fieldKeys: [],
  showVolunteerForm: true,
});

const settingsOf = (row: DirectoryEntryRow | undefined): Omit<DirectorySettings, 'slug'> =>
  row
    ? {
        listed: row.listed,
        provider: row.provider,
        description: { ...EMPTY_TEXT, ...row.description },
        howToGetHelp: { ...EMPTY_TEXT, ...row.howToGetHelp },
        areas: row.areas,
        lat: row.lat,
        lon: row.lon,
        contactEmail: row.contactEmail,
        contactPhone: row.contactPhone,
        website: row.website,
        showLanguages: row.showLanguages,
        fieldKeys: row.fieldKeys,
        showVolunteerForm: row.showVolunteerForm,
      }
    : defaults();

/** The text in the language asked for, else German, else any language the office wrote it in. */
function shown(text: Partial<LocalizedText> | null | undefined, language: Locale) {
  for (const l of [language, 'de', ...LOCALES] as Locale[]) {
    const value = text?.[l]?.trim();
    if (value) return { text: value, language: l };
  }
  return null;
}

/** The central information point: the office's settings (coordinators) and the public directory (anyone). */
export class DirectoryService {
  private readonly throttle: Throttle;

  constructor(private readonly ctx: AppContext) {
    this.throttle = new Throttle(ctx.database.db, () => ctx.now());
  }

  settings(actor: Actor): Promise<DirectorySettings> {
    if (!policy.manage(actor)) throw forbidden();
    const officeId = actor.officeId as string;
    return inScope(this.ctx.database.db, { officeId }, async (tx) => ({
      ...settingsOf(await repo.entry(tx, officeId)),
      slug: await repo.officeSlug(tx, officeId),
    }));
  }

  save(actor: Actor, input: DirectorySettingsInput): Promise<DirectorySettings> {
    if (!policy.manage(actor)) throw forbidden();
    const officeId = actor.officeId as string;
    return inScope(this.ctx.database.db, { officeId }, async (tx) => {
      const known = new Set((await repo.fields(tx, [officeId])).map((f) => f.key));
      const errors: FieldError[] = [];
      input.fieldKeys.forEach((key, i) => {
        if (!known.has(key)) errors.push({ path: `fieldKeys.${i}`, code: 'fieldUnknown' });
      });
      if (errors.length) throw new AppError(400, 'validation_failed', errors);
      const before = settingsOf(await repo.entry(tx, officeId));
      await repo.save(tx, { officeId, ...input });
      await recordAudit(tx, actor, {
        action:
          input.listed === before.listed
            ? 'directory.updated'
            : input.listed
              ? 'directory.listed'
              : 'directory.unlisted',
        entityType: 'office',
        entityId: officeId,
        changes: diffFields(before, input),
      });
      return { ...settingsOf(await repo.entry(tx, officeId)), slug: await repo.officeSlug(tx, officeId) };
    });
  }

  /** Every opted-in office, in the reader's language. */
  list(language: Locale): Promise<DirectoryList> {
    return inScope(this.ctx.database.db, 'system', async (tx) => {
      const items = await this.present(tx, await repo.listed(tx), language);
      return { items, total: items.length };
    });
  }

  /** One opted-in office; an unlisted, deactivated or unknown one answers the same 404. */
  async office(slug: string, language: Locale, clientIp: string): Promise<DirectoryOffice> {
    const key = throttleKey.directoryMiss(clientIp);
    const wait = await this.throttle.retryAfter([{ key, rule: DIRECTORY_MISS_THROTTLE }]);
    if (wait > 0) throw new AppError(429, 'rate_limited', undefined, { 'retry-after': String(wait) });
    const found = await inScope(this.ctx.database.db, 'system', async (tx) =>
      this.present(tx, await repo.listed(tx, slug), language),
    );
    if (!found[0]) {
      await this.throttle.record([key]);
      throw notFound();
    }
    return found[0];
  }

  private async present(
    tx: Tx,
    rows: Awaited<ReturnType<typeof repo.listed>>,
    language: Locale,
  ): Promise<DirectoryOffice[]> {
    const ids = rows.map((r) => r.officeId);
    const [counts, fields] = [await repo.languageCounts(tx, ids), await repo.fields(tx, ids)];
    return rows.map(({ officeId, slug, name, city, entry }) => {
      const chosen = new Set(entry.fieldKeys);
      return {
        slug: slug as string,
        name,
        city,
        provider: entry.provider.trim() || null,
        description: shown(entry.description, language),
        areas: entry.areas,
        location: entry.lat !== null && entry.lon !== null ? { lat: entry.lat, lon: entry.lon } : null,
        languages: entry.showLanguages
          ? counts
              .filter((c) => c.officeId === officeId)
              .map((c) => ({ code: c.code, approxGuides: Number(c.approxGuides) }))
          : null,
        fields: fields
          .filter((f) => f.officeId === officeId && chosen.has(f.key))
          .map(({ key, name, translations }) => ({ key, name: localizedLabel(name, translations, language) })),
        howToGetHelp: shown(entry.howToGetHelp, language),
        contact: { email: entry.contactEmail, phone: entry.contactPhone, website: entry.website },
        volunteerFormPath: entry.showVolunteerForm ? `/volunteer/${slug}` : null,
      };
    });
  }
}
