import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { inOrder } from '../../db/inOrder.js';
import { fieldsOfAction, specializations } from '../../db/schema/index.js';
import { inScope } from '../../db/scope.js';
import { DEFAULT_TIME_ZONE, isKnownTimeZone, todayIn } from '../../domain/dates.js';
import { checkInitialStatus, checkStatusChange } from '../../domain/guideStatus.js';
import { consentOnRecord } from '../../domain/matching/score.js';
import { type Actor, type AppContext, officeOf } from '../../server/context.js';
import { AppError, type FieldError, forbidden, notFound } from '../../server/errors.js';
import type { GuideStatus } from '../../shared/enums.js';
import type { GuideListQuery, guideCreateInput, guidePatchInput } from '../../shared/guides.js';
import { localizedLabel } from '../../shared/localized.js';
import { diffFields, recordAudit, recordAudits } from '../audit/recorder.js';
import { referenceRepository } from '../reference/repository.js';
import { settingsRepository } from '../settings/repository.js';
import { guidePolicy } from './policy.js';
import { guideExportRow, presentGuide, presentGuideListItem } from './presenter.js';
import { loadReferences, referenceErrors } from './references.js';
import { type GuideInsert, type GuideRow, guideRepository as repo } from './repository.js';

type CreateValues = z.output<typeof guideCreateInput>;
type PatchValues = z.output<typeof guidePatchInput>;

/**
 * Personal data is named in the audit log but its values are not copied: the log cannot be edited, and a guide
 * deleted under the DSGVO must not live on in it. Operational fields (status, districts, capacity …) keep values.
 */
const AUDIT_REDACTED = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'notes',
  'countries',
  'languages',
  'gender',
  'backgroundCheckedAt',
  'backgroundIssuedAt',
  'backgroundRelevantConviction',
  'consentVersion',
  'consentLanguage',
  'consentGivenAt',
  'consentWithdrawnAt',
  'confidentialityPledgeAt',
  'confidentialityPledgeVersion',
  'birthYear',
  'migrationBackground',
  'statisticsConsentAt',
];

/** Identity and contact data whose old value a correction (Art. 16 DS-GVO) keeps for the audit page. */
const CORRECTION_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'gender', 'countries', 'languages'] as const;

/** The old values of the corrected personal fields that had a value, or null when none did. */
function correctedValues(before: GuideRow, changes: Record<string, unknown>): Record<string, unknown> | null {
  const previous: Record<string, unknown> = {};
  for (const key of CORRECTION_FIELDS) {
    const old = before[key];
    if (key in changes && old !== null && !(Array.isArray(old) && old.length === 0)) previous[key] = old;
  }
  return Object.keys(previous).length ? previous : null;
}

function toColumns(input: Partial<CreateValues>): Partial<GuideInsert> {
  const out: Partial<GuideInsert> = {};
  const copy = [
    'firstName',
    'lastName',
    'email',
    'phone',
    'locale',
    'countries',
    'specializations',
    'fields',
    'homeDistrictId',
    'serviceDistrictIds',
    'availability',
    'maxActiveAssignments',
    'gender',
    'status',
    'certifiedAt',
    'confidentialityPledgeAt',
    'confidentialityPledgeVersion',
    'shareContact',
    'notes',
  ] as const;
  for (const key of copy) if (input[key] !== undefined) (out as Record<string, unknown>)[key] = input[key];
  if (input.languages !== undefined) {
    out.languages = input.languages;
    out.languageCodes = input.languages.map((l) => l.code);
  }
  if (input.availability !== undefined) {
    out.availability = [...input.availability].sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from));
  }
  if (input.backgroundCheck !== undefined) {
    out.backgroundCheckedAt = input.backgroundCheck?.checkedAt ?? null;
    out.backgroundIssuedAt = input.backgroundCheck?.issuedAt ?? null;
    out.backgroundRelevantConviction = input.backgroundCheck?.relevantConviction ?? null;
  }
  if (input.statistics !== undefined) {
    out.birthYear = input.statistics?.birthYear ?? null;
    out.migrationBackground = input.statistics?.migrationBackground ?? null;
    out.statisticsConsentAt = input.statistics?.consentGivenAt ?? null;
  }
  if (input.consent !== undefined) {
    out.consentVersion = input.consent?.version ?? null;
    out.consentLanguage = input.consent?.language ?? null;
    out.consentGivenAt = input.consent?.givenAt ?? null;
    out.consentWithdrawnAt = input.consent?.withdrawnAt ?? null;
  }
  return out;
}

/** A plain snapshot for the audit diff. */
const auditView = (row: GuideRow) => {
  const { createdAt, updatedAt, statusChangedAt, languageCodes, officeId, id, activeAssignments, ...rest } = row;
  return rest as Record<string, unknown>;
};

/** A pledge is on record with both its date and the version signed, or not at all. */
function checkPledgePair(g: Partial<Pick<GuideRow, 'confidentialityPledgeAt' | 'confidentialityPledgeVersion'>>) {
  const at = Boolean(g.confidentialityPledgeAt);
  const version = Boolean(g.confidentialityPledgeVersion);
  if (at && !version)
    throw new AppError(400, 'validation_failed', [{ path: 'confidentialityPledgeVersion', code: 'required' }]);
  if (version && !at)
    throw new AppError(400, 'validation_failed', [{ path: 'confidentialityPledgeAt', code: 'required' }]);
}

/** Why a change ends a guide's pending offers, or null when they can still be answered. */
function offerLossReason(before: GuideRow, after: GuideRow): string | null {
  const offerable = (g: GuideRow) =>
    g.status === 'active' &&
    consentOnRecord({
      consent: { version: g.consentVersion, givenAt: g.consentGivenAt, withdrawnAt: g.consentWithdrawnAt },
      pledge: { version: g.confidentialityPledgeVersion, at: g.confidentialityPledgeAt },
    });
  if (offerable(after)) return null;
  const relevant = [
    'status',
    'consentVersion',
    'consentGivenAt',
    'consentWithdrawnAt',
    'confidentialityPledgeAt',
    'confidentialityPledgeVersion',
  ] as const;
  if (!offerable(before) && relevant.every((k) => before[k] === after[k])) return null;
  if (after.status === 'paused') return 'Automatisch zurückgezogen: Lots:in pausiert';
  if (after.status !== 'active') return 'Automatisch zurückgezogen: Lots:in nicht mehr aktiv';
  return 'Automatisch zurückgezogen: Einwilligung oder Verschwiegenheitserklärung fehlt';
}

/** What the guides module needs from the offers module above it, injected by the composition root. */
export type GuideHooks = {
  /** The guide can no longer take offers (paused, left, consent withdrawn): their pending offers end. */
  cannotTakeOffers(tx: Tx, actor: Actor, guideId: string, reason: string, now: Date): Promise<unknown>;
  /** A withdrawal typed into the guide's form: the consent records above are marked withdrawn too. */
  consentWithdrawn(tx: Tx, guideId: string, withdrawnAt: string): Promise<unknown>;
};

export class GuideService {
  constructor(
    private readonly ctx: AppContext,
    private readonly hooks: GuideHooks,
  ) {}

  /** Today in the office's time zone (background-check states are computed against it). */
  private today(tx: Tx, officeId: string) {
    return settingsRepository.today(tx, officeId, this.ctx.now());
  }

  /** Rules that need the office's reference data: districts, fields and specialisations must be the office's own. */
  private async checkReferences(tx: Tx, officeId: string, input: Partial<CreateValues>) {
    const errors = referenceErrors(input, await loadReferences(tx, officeId, [input]));
    if (errors.length) throw new AppError(400, 'validation_failed', errors);
  }

  async list(actor: Actor, query: GuideListQuery) {
    if (!guidePolicy.list(actor)) throw forbidden();
    const officeId = officeOf(actor);
    return inScope(this.ctx.database.db, { officeId }, async (tx) => {
      const { items, total, timeZone } = await repo.list(tx, officeId, query);
      const today = todayIn(timeZone && isKnownTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE, this.ctx.now());
      return { items: items.map((row) => presentGuideListItem(row, actor, today)), total };
    });
  }

  /** Reading a guide's personal data is itself recorded (DSGVO access log). */
  async get(actor: Actor, id: string) {
    if (!actor.officeId) throw notFound();
    const officeId = actor.officeId;
    return inScope(this.ctx.database.db, { officeId }, async (tx) => {
      const row = await repo.findById(tx, id);
      if (!row || !guidePolicy.view(actor, row)) throw notFound();
      const [accounts, statusHistory] = await inOrder(
        () => repo.hasAccount(tx, [id]),
        () => repo.statusHistory(tx, id),
      );
      await recordAudit(tx, actor, { action: 'guide.viewed', entityType: 'guide', entityId: id });
      return {
        ...presentGuide(row, actor, await this.today(tx, officeId), accounts.has(id)),
        statusHistory: statusHistory.map((h) => ({ status: h.status as GuideStatus, at: h.at.toISOString() })),
      };
    });
  }

  async create(actor: Actor, input: CreateValues) {
    if (!guidePolicy.create(actor)) throw forbidden();
    const officeId = officeOf(actor);
    return inScope(this.ctx.database.db, { officeId }, (tx) => this.createIn(tx, actor, officeId, input));
  }

  /** Creates a guide in the caller's transaction (the import writes many guides all-or-nothing). */
  async createIn(tx: Tx, actor: Actor, officeId: string, input: CreateValues) {
    if (!guidePolicy.create(actor)) throw forbidden();
    const statusError = checkInitialStatus(input.status, { certifiedAt: input.certifiedAt });
    if (statusError)
      throw new AppError(
        400,
        statusError === 'certificate_required' ? 'certificate_required' : 'invalid_status_transition',
      );
    checkPledgePair(toColumns(input));
    await this.checkReferences(tx, officeId, input);
    // The capacity a coordinator sets is also the ceiling up to which the guide may change it.
    const row = await repo.insert(tx, {
      ...(toColumns(input) as GuideInsert),
      officeId,
      capacityCeiling: input.maxActiveAssignments,
    });
    await recordAudit(tx, actor, {
      action: 'guide.created',
      entityType: 'guide',
      entityId: row.id,
      changes: diffFields(null, auditView(row), AUDIT_REDACTED),
    });
    return presentGuide(row, actor, await this.today(tx, officeId), false);
  }

  /**
   * Creates many guides in the caller's transaction (the import): every input checked first, the reference data read
   * once, the rows written by multi-row inserts. Refused as a whole with each input's errors, their paths prefixed by
   * the input's index ("3.homeDistrictId"). Returns the new ids in input order.
   */
  async createManyIn(tx: Tx, actor: Actor, officeId: string, inputs: CreateValues[]): Promise<string[]> {
    if (!guidePolicy.create(actor)) throw forbidden();
    const known = await loadReferences(tx, officeId, inputs);
    const errors: FieldError[] = [];
    inputs.forEach((input, i) => {
      const statusError = checkInitialStatus(input.status, { certifiedAt: input.certifiedAt });
      if (statusError) errors.push({ path: `${i}.record`, code: statusError });
      try {
        checkPledgePair(toColumns(input));
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        errors.push(...(e.fieldErrors ?? []).map((f) => ({ ...f, path: `${i}.${f.path}` })));
      }
      errors.push(...referenceErrors(input, known).map((f) => ({ ...f, path: `${i}.${f.path}` })));
    });
    if (errors.length) throw new AppError(400, 'validation_failed', errors);
    const rows = await repo.insertMany(
      tx,
      inputs.map((input) => ({
        ...(toColumns(input) as GuideInsert),
        officeId,
        capacityCeiling: input.maxActiveAssignments,
      })),
    );
    await recordAudits(
      tx,
      actor,
      rows.map((row) => ({
        action: 'guide.created' as const,
        entityType: 'guide' as const,
        entityId: row.id,
        changes: diffFields(null, auditView(row), AUDIT_REDACTED),
      })),
    );
    return rows.map((row) => row.id);
  }

  async update(actor: Actor, id: string, input: PatchValues) {
    if (!actor.officeId) throw notFound();
    const officeId = actor.officeId;
    return inScope(this.ctx.database.db, { officeId }, (tx) => this.updateIn(tx, actor, officeId, id, input));
  }

  /** Updates a guide in the caller's transaction (the import writes many guides all-or-nothing). */
  async updateIn(tx: Tx, actor: Actor, officeId: string, id: string, input: PatchValues) {
    const before = await repo.findById(tx, id);
    if (!before || !guidePolicy.view(actor, before)) throw notFound();
    const allowed = guidePolicy.updatableFields(actor, before);
    if (allowed !== 'all' && Object.keys(input).some((k) => !allowed.includes(k))) throw forbidden();
    const merged = { certifiedAt: input.certifiedAt !== undefined ? input.certifiedAt : before.certifiedAt };
    const nextStatus = (input.status ?? before.status) as GuideStatus;
    const statusChanged = nextStatus !== before.status;
    if (statusChanged) {
      const problem = checkStatusChange(before.status as GuideStatus, nextStatus, merged);
      if (problem) throw new AppError(409, problem);
    } else if (nextStatus === 'active' && !merged.certifiedAt) {
      throw new AppError(409, 'certificate_required');
    }
    await this.checkReferences(tx, officeId, input as Partial<CreateValues>);
    const now = this.ctx.now();
    const values: Partial<GuideInsert> = { ...toColumns(input as Partial<CreateValues>), updatedAt: now };
    if (input.maxActiveAssignments !== undefined) {
      const ceiling = guidePolicy.selfCapacityCeiling(before);
      if (allowed === 'all') values.capacityCeiling = input.maxActiveAssignments;
      else if (input.maxActiveAssignments > ceiling)
        throw new AppError(400, 'validation_failed', [
          { path: 'maxActiveAssignments', code: 'capacityAboveCeiling', params: { maximum: ceiling } },
        ]);
    }
    checkPledgePair({ ...before, ...values });
    // A guide who can no longer take offers (paused, left, consent withdrawn) loses the pending ones at once,
    // before the guide's row is written: offers are always locked request first, guide last.
    const lost = offerLossReason(before, { ...before, ...values } as GuideRow);
    if (lost) await this.hooks.cannotTakeOffers(tx, actor, id, lost, now);
    if (statusChanged) values.statusChangedAt = now;
    const after = await repo.update(tx, id, values, statusChanged);
    if (after.consentWithdrawnAt && after.consentWithdrawnAt !== before.consentWithdrawnAt)
      await this.hooks.consentWithdrawn(tx, id, after.consentWithdrawnAt);
    const changes = diffFields(auditView(before), auditView(after), AUDIT_REDACTED);
    const eventId = await recordAudit(tx, actor, {
      action: 'guide.updated',
      entityType: 'guide',
      entityId: id,
      changes,
    });
    // Art. 16: a correction keeps the old values, readable on the audit page only (see db/schema/privacy.ts).
    const previous = correctedValues(before, changes);
    if (previous) await repo.recordCorrection(tx, { officeId, guideId: id, auditEventId: eventId, previous, actor });
    const accounts = await repo.hasAccount(tx, [id]);
    return presentGuide(after, actor, await this.today(tx, officeId), accounts.has(id));
  }

  /** Deleting removes the personal data for good (DSGVO erasure); the audit keeps only that it happened. */
  async delete(actor: Actor, id: string) {
    if (!actor.officeId) throw notFound();
    const officeId = actor.officeId;
    await inScope(this.ctx.database.db, { officeId }, async (tx) => {
      const row = await repo.findById(tx, id);
      if (!row || !guidePolicy.view(actor, row)) throw notFound();
      if (!guidePolicy.delete(actor, row)) throw forbidden();
      // Deployments are insurance evidence and keep their guide: such a guide is retired (status "left"), not deleted.
      if (await repo.hasDeployments(tx, id))
        throw new AppError(409, 'conflict', [{ path: 'id', code: 'guideHasDeployments' }]);
      if (await repo.hasCertificates(tx, id))
        throw new AppError(409, 'conflict', [{ path: 'id', code: 'guideHasCertificates' }]);
      if (await repo.hasHours(tx, id)) throw new AppError(409, 'conflict', [{ path: 'id', code: 'guideHasHours' }]);
      if (await repo.hasExpenseClaims(tx, id))
        throw new AppError(409, 'conflict', [{ path: 'id', code: 'guideHasExpenseClaims' }]);
      await repo.delete(tx, id);
      await recordAudit(tx, actor, { action: 'guide.deleted', entityType: 'guide', entityId: id });
    });
  }

  /** Rows for XLSX/CSV export, with the same filters as the list. */
  async exportRows(actor: Actor, query: Partial<GuideListQuery>) {
    if (!guidePolicy.export(actor)) throw forbidden();
    const officeId = officeOf(actor);
    return inScope(this.ctx.database.db, { officeId }, async (tx) => {
      const [rows, districtRows, fieldRows, specRows] = await inOrder(
        () => repo.listAll(tx, officeId, query),
        () => referenceRepository.listDistricts(tx, officeId),
        () => referenceRepository.listItems(tx, fieldsOfAction, officeId),
        () => referenceRepository.listItems(tx, specializations, officeId),
      );
      const names = {
        locale: actor.locale,
        districts: new Map(districtRows.map((d) => [d.id, d.name])),
        fields: new Map(fieldRows.map((f) => [f.key, localizedLabel(f.name, f.translations, actor.locale)])),
        specializations: new Map(specRows.map((f) => [f.key, localizedLabel(f.name, f.translations, actor.locale)])),
      };
      // One event names every guide in the file, so "who looked at this guide" finds the export too.
      await recordAudit(tx, actor, {
        action: 'guide.exported',
        entityType: 'guide',
        changes: { count: rows.length, guideIds: rows.map((r) => r.id) },
      });
      const today = await this.today(tx, officeId);
      return rows.map((row) => guideExportRow(row, today, names));
    });
  }
}
