import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { inScope } from '../../db/scope.js';
import { type Actor, type AppContext, officeOf, recordedUserId } from '../../server/context.js';
import { AppError, type FieldError, forbidden, notFound } from '../../server/errors.js';
import {
  type ConsentKind,
  type ConsentMethod,
  type consentRecordCreateInput,
  type consentTextCreateInput,
  type consentTextPatchInput,
  GUIDE_CONSENT_KINDS,
  type PendingConfirmation,
} from '../../shared/consent.js';
import type { Locale } from '../../shared/enums.js';
import { recordAudit } from '../audit/recorder.js';
import { withdrawPendingForGuide, withdrawPendingForRequest } from '../offers/commands.js';
import { officeRepository } from '../offices/repository.js';
import { settingsRepository } from '../settings/repository.js';
import { renderConsentPdf } from './consentPdf.js';
import { consentPolicy as policy } from './policy.js';
import { presentRecord, presentText } from './presenter.js';
import { type ConsentTextRow, consentRepository as repo } from './repository.js';

type RecordInput = z.output<typeof consentRecordCreateInput>;
const WITHDRAWAL_REASON = 'Automatisch zurückgezogen: Einwilligung widerrufen';
const isGuideKind = (kind: string) => (GUIDE_CONSENT_KINDS as readonly string[]).includes(kind);

export class ConsentService {
  constructor(private readonly ctx: AppContext) {}

  private scope<T>(actor: Actor, work: (tx: Tx, officeId: string) => Promise<T>) {
    const officeId = officeOf(actor);
    return inScope(this.ctx.database.db, { officeId }, (tx) => work(tx, officeId));
  }

  private today(tx: Tx, officeId: string) {
    return settingsRepository.today(tx, officeId, this.ctx.now());
  }

  listTexts(actor: Actor, kind?: ConsentKind) {
    if (!policy.manageTexts(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const [rows, current] = [await repo.listTexts(tx, officeId, kind), await repo.currentTexts(tx, officeId)];
      return { items: rows.map((r) => presentText(r, current)), total: rows.length };
    });
  }

  /** A new version starts as a draft: it can be edited until it is published, never after. */
  createText(actor: Actor, input: z.output<typeof consentTextCreateInput>) {
    if (!policy.manageTexts(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const version = await repo.nextVersion(tx, officeId, input.kind);
      const row = await repo.insertText(tx, {
        officeId,
        kind: input.kind,
        version,
        texts: input.texts,
        changeNote: input.changeNote ?? null,
      });
      await recordAudit(tx, actor, {
        action: 'consent_text.created',
        entityType: 'consent_text',
        entityId: row.id,
        changes: { kind: row.kind, version },
      });
      return presentText(row, await repo.currentTexts(tx, officeId));
    });
  }

  private async loadText(tx: Tx, actor: Actor, id: string) {
    const row = await repo.findText(tx, id);
    if (!row || row.officeId !== actor.officeId) throw notFound();
    return row;
  }

  updateText(actor: Actor, id: string, input: z.output<typeof consentTextPatchInput>) {
    if (!policy.manageTexts(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const before = await this.loadText(tx, actor, id);
      // A published version is what people consented to: a change is a new version.
      if (before.publishedAt) throw new AppError(409, 'consent_text_published');
      const row = await repo.updateText(tx, id, {
        ...(input.texts ? { texts: input.texts } : {}),
        ...(input.changeNote !== undefined ? { changeNote: input.changeNote } : {}),
        updatedAt: this.ctx.now(),
      });
      await recordAudit(tx, actor, {
        action: 'consent_text.updated',
        entityType: 'consent_text',
        entityId: id,
        changes: { kind: row.kind, version: row.version },
      });
      return presentText(row, await repo.currentTexts(tx, officeId));
    });
  }

  publishText(actor: Actor, id: string) {
    if (!policy.manageTexts(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const before = await this.loadText(tx, actor, id);
      if (before.publishedAt) throw new AppError(409, 'consent_text_published');
      await repo.nextVersion(tx, officeId, before.kind as ConsentKind); // takes the kind's lock
      const inForce = (await repo.currentTexts(tx, officeId)).get(before.kind as ConsentKind);
      if (inForce && inForce.version > before.version) throw new AppError(409, 'conflict');
      const row = await repo.updateText(tx, id, { publishedAt: await this.today(tx, officeId) });
      await recordAudit(tx, actor, {
        action: 'consent_text.published',
        entityType: 'consent_text',
        entityId: id,
        changes: { kind: row.kind, version: row.version },
      });
      return presentText(row, await repo.currentTexts(tx, officeId));
    });
  }

  pdf(actor: Actor, id: string, language: Locale) {
    if (!policy.printRole(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const row = await this.loadText(tx, actor, id);
      if (!policy.print(actor, row)) throw notFound();
      const text = row.texts[language];
      if (!text) throw new AppError(404, 'not_found', [{ path: 'language', code: 'consentLanguageMissing' }]);
      const [office, settings] = [
        await officeRepository.findById(tx, officeId),
        await settingsRepository.get(tx, officeId),
      ];
      const bytes = await renderConsentPdf({
        office: { name: office?.name ?? '', ...settings.contact },
        kind: row.kind as ConsentKind,
        version: row.version,
        publishedAt: row.publishedAt,
        language,
        title: text.title,
        body: text.body,
      });
      return { bytes, kind: row.kind as ConsentKind, version: row.version };
    });
  }

  /** Guides asked to confirm a current guide text who have not done so yet, per kind. */
  pendingConfirmations(actor: Actor) {
    if (!policy.manageTexts(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const items: PendingConfirmation[] = [];
      for (const text of (await repo.currentTexts(tx, officeId)).values()) {
        if (!isGuideKind(text.kind)) continue;
        for (const g of await repo.unconfirmed(tx, officeId, text))
          items.push({
            ...g,
            status: g.status as PendingConfirmation['status'],
            kind: text.kind as PendingConfirmation['kind'],
            currentVersion: text.version,
            currentTextId: text.id,
          });
      }
      return { items, total: items.length };
    });
  }

  listRecords(actor: Actor, filter: { guideId?: string; requestId?: string }) {
    if (!policy.listRecords(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      // A guide only ever sees their own records, whatever the filter asks for.
      if (actor.role === 'guide') {
        if (filter.requestId || (filter.guideId && filter.guideId !== actor.guideId)) return { items: [], total: 0 };
        filter = { guideId: actor.guideId as string };
      }
      const rows = await repo.listRecords(tx, officeId, filter);
      return { items: rows.map(presentRecord), total: rows.length };
    });
  }

  /** Consent given on paper (or recorded for the app), for a guide or for the person of a request. */
  createRecord(actor: Actor, input: RecordInput) {
    if (!policy.record(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const errors: FieldError[] = [];
      const text = await repo.findText(tx, input.textId);
      const subjectOk = input.guideId
        ? (await repo.findGuide(tx, input.guideId))?.officeId === officeId
        : (await repo.findRequest(tx, input.requestId as string))?.officeId === officeId;
      if (!text || text.officeId !== officeId) errors.push({ path: 'textId', code: 'consentTextUnknown' });
      else {
        if (!text.publishedAt) errors.push({ path: 'textId', code: 'consentTextDraft' });
        if (isGuideKind(text.kind) !== Boolean(input.guideId)) errors.push({ path: 'textId', code: 'consentTextKind' });
        if (!text.texts[input.language]) errors.push({ path: 'language', code: 'consentLanguageMissing' });
      }
      if (!subjectOk)
        errors.push(
          input.guideId ? { path: 'guideId', code: 'guideUnknown' } : { path: 'requestId', code: 'requestUnknown' },
        );
      if (input.givenAt > (await this.today(tx, officeId))) errors.push({ path: 'givenAt', code: 'inFuture' });
      if (errors.length || !text) throw new AppError(400, 'validation_failed', errors);
      return presentRecord(await this.insertRecord(tx, actor, text, input, input.method, input.givenAt));
    });
  }

  private async insertRecord(
    tx: Tx,
    actor: Actor,
    text: ConsentTextRow,
    subject: { guideId?: string; requestId?: string; language: Locale },
    method: ConsentMethod,
    givenAt: string,
  ) {
    const row = await repo.insertRecord(tx, {
      officeId: text.officeId,
      textId: text.id,
      kind: text.kind,
      guideId: subject.guideId ?? null,
      requestId: subject.requestId ?? null,
      language: subject.language,
      givenAt,
      method,
      recordedBy: recordedUserId(actor),
    });
    await this.mirror(tx, { guideId: row.guideId, requestId: row.requestId }, text.kind as ConsentKind);
    await recordAudit(tx, actor, {
      action: actor.role === 'guide' ? 'consent.confirmed' : 'consent.recorded',
      entityType: 'consent_record',
      entityId: row.id,
      changes: {
        kind: text.kind,
        version: text.version,
        method,
        language: subject.language,
        ...(row.guideId ? { guideId: row.guideId } : { requestId: row.requestId }),
      },
    });
    return (await repo.findRecord(tx, row.id)) as NonNullable<Awaited<ReturnType<typeof repo.findRecord>>>;
  }

  /**
   * The guide's consent and pledge columns (read by matching, the guide's page and the retention clock, which
   * starts at `consent_withdrawn_at`) and the request's person-consent columns mirror the newest record.
   */
  private async mirror(tx: Tx, subject: { guideId: string | null; requestId: string | null }, kind: ConsentKind) {
    const latest = await repo.latestRecord(
      tx,
      subject.guideId ? { guideId: subject.guideId } : { requestId: subject.requestId as string },
      kind,
    );
    if (!latest) return;
    const now = this.ctx.now();
    if (kind === 'guide_consent' && subject.guideId)
      await repo.updateGuide(tx, subject.guideId, {
        consentVersion: String(latest.version),
        consentLanguage: latest.language,
        consentGivenAt: latest.givenAt,
        consentWithdrawnAt: latest.withdrawnAt,
        updatedAt: now,
      });
    else if (kind === 'confidentiality_pledge' && subject.guideId)
      await repo.updateGuide(tx, subject.guideId, {
        confidentialityPledgeAt: latest.givenAt,
        confidentialityPledgeVersion: String(latest.version),
        updatedAt: now,
      });
    else if (kind === 'person_consent' && subject.requestId)
      await repo.updateRequest(tx, subject.requestId, {
        personConsentGiven: latest.withdrawnAt === null,
        personConsentVersion: String(latest.version),
        personConsentLanguage: latest.language,
        updatedAt: now,
      });
  }

  /**
   * Withdrawal ends consent for the future: the guide leaves matching and loses pending offers at once, and the
   * withdrawal date (guides.consent_withdrawn_at) starts the retention clock. The pledge cannot be withdrawn.
   */
  withdraw(actor: Actor, id: string, input: { withdrawnAt: string; method: ConsentMethod }) {
    if (!policy.withdrawRole(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const record = await repo.findRecord(tx, id);
      if (!record || !policy.withdraw(actor, record)) throw notFound();
      if (record.kind === 'confidentiality_pledge') throw new AppError(409, 'consent_not_withdrawable');
      if (record.withdrawnAt) throw new AppError(409, 'consent_already_withdrawn');
      const today = await this.today(tx, officeId);
      if (input.withdrawnAt > today)
        throw new AppError(400, 'validation_failed', [{ path: 'withdrawnAt', code: 'inFuture' }]);
      if (input.withdrawnAt < record.givenAt)
        throw new AppError(400, 'validation_failed', [{ path: 'withdrawnAt', code: 'beforeGiven' }]);
      // A guide withdrawing in the app does so in the app, whatever the client says.
      const method = actor.role === 'guide' ? 'app' : input.method;
      const now = this.ctx.now();
      // Offers first: their lock order is request, offer, then the guide's row (offers/commands.ts).
      if (record.guideId) await withdrawPendingForGuide(tx, actor, record.guideId, WITHDRAWAL_REASON, now);
      // The accompanied person withdrew: nobody may be offered their request any more.
      else if (record.requestId && record.kind === 'person_consent')
        await withdrawPendingForRequest(tx, actor, record.requestId, WITHDRAWAL_REASON, now);
      const subject = { guideId: record.guideId, requestId: record.requestId };
      await repo.withdrawOpen(tx, subject, record.kind as ConsentKind, input.withdrawnAt, method);
      await this.mirror(tx, subject, record.kind as ConsentKind);
      await recordAudit(tx, actor, {
        action: 'consent.withdrawn',
        entityType: 'consent_record',
        entityId: id,
        changes: { kind: record.kind, version: record.version, method, withdrawnAt: input.withdrawnAt },
      });
      return presentRecord((await repo.findRecord(tx, id)) as NonNullable<typeof record>);
    });
  }

  private async pendingFor(tx: Tx, officeId: string, guideId: string) {
    const pending: ConsentTextRow[] = [];
    for (const text of (await repo.currentTexts(tx, officeId)).values())
      if (isGuideKind(text.kind) && (await repo.unconfirmed(tx, officeId, text, [guideId])).length) pending.push(text);
    return pending;
  }

  /** The signed-in guide's texts to confirm and their records. */
  mine(actor: Actor) {
    if (!policy.confirmOwn(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const guideId = actor.guideId as string;
      const current = await repo.currentTexts(tx, officeId);
      const [pending, records] = [
        await this.pendingFor(tx, officeId, guideId),
        await repo.listRecords(tx, officeId, { guideId }),
      ];
      return { pending: pending.map((t) => presentText(t, current)), records: records.map(presentRecord) };
    });
  }

  /** The guide confirms a new version in the app: a record with method "app", given today. */
  confirmMine(actor: Actor, input: { textId: string; language: Locale }) {
    if (!policy.confirmOwn(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const guideId = actor.guideId as string;
      const text = (await this.pendingFor(tx, officeId, guideId)).find((t) => t.id === input.textId);
      if (!text) {
        const row = await repo.findText(tx, input.textId);
        if (!row || row.officeId !== officeId || !row.publishedAt || !isGuideKind(row.kind)) throw notFound();
        throw new AppError(409, 'conflict'); // not (or no longer) waiting for this guide's confirmation
      }
      if (!text.texts[input.language])
        throw new AppError(400, 'validation_failed', [{ path: 'language', code: 'consentLanguageMissing' }]);
      const today = await this.today(tx, officeId);
      return presentRecord(
        await this.insertRecord(tx, actor, text, { guideId, language: input.language }, 'app', today),
      );
    });
  }
}
