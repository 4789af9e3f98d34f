import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { todayIn } from '../../domain/dates.js';
import { allowancesForYear, benefitsHint, checkTaxFree, taxFreeLimitCents } from '../../domain/hours/allowances.js';
import { capHoursFor, capStatus, checkPaidEntry, countsTowardCap } from '../../domain/hours/caps.js';
import type { GuideBenefits } from '../../domain/hours/kinds.js';
import {
  checkNewVersion,
  lastDayOfMonth,
  type VersionFacts,
  versionInUse,
} from '../../domain/hours/ruleSetVersions.js';
import { checkTeamEntry } from '../../domain/hours/teamBudget.js';
import {
  canDecide,
  canSubmit,
  entriesEditable,
  monthOf,
  type SheetState,
  sheetDueOn,
  versionAt,
} from '../../domain/hours/timesheet.js';
import { type Actor, type AppContext, recordedUserId } from '../../server/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../server/errors.js';
import { inOfficeOf } from '../../server/officeScope.js';
import type { Locale } from '../../shared/enums.js';
import { formatParam, translate } from '../../shared/i18n/index.js';
import { compactTranslations, completeTranslations, type TranslatedLocale } from '../../shared/localized.js';
import { intlLocaleOf } from '../../shared/numbers.js';
import { type ProgrammeOptions, readProgrammeOptions } from '../../shared/programmes.js';
import type {
  AllowanceOverview,
  HourCategory,
  HourEntry,
  HourTotals,
  hourCategoryInput,
  hourCategoryPatch,
  hourEntryCorrectionInput,
  hourEntryInput,
  hourEntryPatch,
  hourProfileInput,
  ProgrammeRuleSet,
  programmeRuleSetInput,
  programmeRuleSetPatch,
  TimeSheet,
} from '../../shared/timesheets.js';
import { recordAudit } from '../audit/recorder.js';
import { settingsRepository } from '../settings/repository.js';
import { formatMonth, sheetReturnedMail } from './mails.js';
import { timesheetPolicy as policy } from './policy.js';
import {
  type CategoryRow,
  type EntryRow,
  type RuleSetRow,
  timesheetRepository as repo,
  type SheetRow,
} from './repository.js';

const asState = (sheet: SheetRow | undefined): SheetState => sheet?.status ?? 'open';

/**
 * Hours outside deployments, the monthly time sheet (submit → approve or return with a comment), totals, the
 * programme rule sets and the caps and allowances they imply. Approved months are evidence: their entries and
 * deployment activities are locked (service and database, db/guards.ts); a correction is a reversal plus a new entry.
 */
export class TimesheetService {
  constructor(private readonly ctx: AppContext) {}

  private scope<T>(actor: Actor, work: (tx: Tx, officeId: string) => Promise<T>) {
    return inOfficeOf(this.ctx, actor, work);
  }

  // Categories ------------------------------------------------------------------------------------------------------
  private presentCategory(row: CategoryRow): HourCategory {
    return {
      id: row.id,
      key: row.key,
      label: row.label,
      translations: completeTranslations(row.translations),
      kind: row.kind,
      sortOrder: row.sortOrder,
      archived: row.archivedAt !== null,
    };
  }

  categories(actor: Actor) {
    if (!policy.read(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const rows = (await repo.categories(tx, officeId)).filter((r) => policy.manage(actor) || !r.archivedAt);
      return { items: rows.map((r) => this.presentCategory(r)), total: rows.length };
    });
  }

  createCategory(actor: Actor, input: z.output<typeof hourCategoryInput>) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const existing = await repo.categories(tx, officeId);
      const base =
        input.label
          .normalize('NFKD')
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '_')
          .replace(/^_+|_+$/g, '')
          .slice(0, 30) || input.kind.toLowerCase();
      let key = base;
      for (let n = 2; existing.some((c) => c.key === key); n++) key = `${base}_${n}`;
      const row = await repo.insertCategory(tx, {
        officeId,
        key,
        label: input.label,
        translations: compactTranslations(input.translations),
        kind: input.kind,
        sortOrder: Math.max(0, ...existing.map((c) => c.sortOrder + 1)),
      });
      if (!row) throw new AppError(409, 'conflict');
      await recordAudit(tx, actor, {
        action: 'hour_category.created',
        entityType: 'office',
        entityId: officeId,
        changes: { key, kind: input.kind },
      });
      return this.presentCategory(row);
    });
  }

  updateCategory(actor: Actor, id: string, input: z.output<typeof hourCategoryPatch>) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const row = await repo.category(tx, id);
      if (!row) throw notFound();
      if (input.archived && row.kind === 'deployment') throw invalidField('archived', 'deploymentCategory');
      const updated = await repo.updateCategory(tx, id, {
        ...(input.label !== undefined ? { label: input.label } : {}),
        ...(input.translations !== undefined ? { translations: compactTranslations(input.translations) } : {}),
        ...(input.sortOrder !== undefined ? { sortOrder: input.sortOrder } : {}),
        ...(input.archived !== undefined
          ? { archivedAt: input.archived ? (row.archivedAt ?? this.ctx.now()) : null }
          : {}),
      });
      await recordAudit(tx, actor, {
        action: 'hour_category.updated',
        entityType: 'office',
        entityId: officeId,
        changes: { key: row.key, fields: Object.keys(input) },
      });
      return this.presentCategory(updated);
    });
  }

  // Rule sets -------------------------------------------------------------------------------------------------------
  private options(row: RuleSetRow): ProgrammeOptions {
    return readProgrammeOptions(row.options);
  }

  /** Categories that count towards the cap must be the office's own (archived ones included: older versions). */
  private async checkCapKeys(tx: Tx, officeId: string, keys: readonly string[]) {
    if (keys.length === 0) return;
    const known = new Set((await repo.categories(tx, officeId)).map((c) => c.key));
    if (keys.some((k) => !known.has(k))) throw invalidField('options.capCategoryKeys', 'categoryUnknown');
  }

  private async ruleAt(tx: Tx, officeId: string, date: string) {
    const row = versionAt(await repo.ruleSets(tx, officeId), date);
    return row ? { row, options: this.options(row) } : null;
  }

  private presentRuleSet(row: RuleSetRow, current: RuleSetRow | undefined, facts: VersionFacts): ProgrammeRuleSet {
    return {
      id: row.id,
      name: row.name,
      programme: row.programme,
      validFrom: row.validFrom,
      options: this.options(row),
      current: current?.id === row.id,
      inUse: versionInUse(row.validFrom, facts),
    };
  }

  private async versionFacts(tx: Tx, officeId: string): Promise<VersionFacts> {
    const settings = await settingsRepository.get(tx, officeId);
    return {
      today: todayIn(settings.timeZone, this.ctx.now()),
      latestApprovedMonth: await repo.latestApprovedMonth(tx, officeId),
    };
  }

  private async presentIn(tx: Tx, officeId: string, row: RuleSetRow) {
    const rows = await repo.ruleSets(tx, officeId);
    const facts = await this.versionFacts(tx, officeId);
    return this.presentRuleSet(row, versionAt(rows, facts.today), facts);
  }

  ruleSets(actor: Actor) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const rows = await repo.ruleSets(tx, officeId);
      const facts = await this.versionFacts(tx, officeId);
      const current = versionAt(rows, facts.today);
      return { items: rows.map((r) => this.presentRuleSet(r, current, facts)), total: rows.length };
    });
  }

  /** 409 programme_rule_set_backdated when a version would change the rules of an approved month or of the past. */
  private async checkVersionDate(tx: Tx, officeId: string, name: string, validFrom: string, exceptId?: string) {
    const facts = await this.versionFacts(tx, officeId);
    const sameName = (await repo.ruleSets(tx, officeId))
      .filter((r) => r.name === name && r.id !== exceptId)
      .map((r) => r.validFrom);
    const problem = checkNewVersion(validFrom, sameName, facts);
    if (problem) {
      // A month reads as its last day ("bis einschließlich 31.03.2025"): dates are formatted per locale, months not.
      const params =
        problem.code === 'beforeApprovedMonth'
          ? { until: lastDayOfMonth(problem.month) }
          : { validFrom: problem.validFrom };
      throw new AppError(409, 'programme_rule_set_backdated', [{ path: 'validFrom', code: problem.code, params }]);
    }
  }

  /** A planned version, or 409 programme_rule_set_in_use: a version in use is evidence. */
  private async plannedVersion(tx: Tx, officeId: string, id: string) {
    const row = await repo.ruleSet(tx, id);
    if (!row || row.officeId !== officeId) throw notFound();
    if (versionInUse(row.validFrom, await this.versionFacts(tx, officeId)))
      throw new AppError(409, 'programme_rule_set_in_use', [
        { path: 'id', code: 'versionInUse', params: { validFrom: row.validFrom } },
      ]);
    return row;
  }

  /** A rule set, or a new version of one (same name, a later valid-from date); versions in use are never edited. */
  createRuleSet(actor: Actor, input: z.output<typeof programmeRuleSetInput>) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      await this.checkCapKeys(tx, officeId, input.options.capCategoryKeys);
      await this.checkVersionDate(tx, officeId, input.name, input.validFrom);
      const row = await repo.insertRuleSet(tx, {
        officeId,
        name: input.name,
        programme: input.programme,
        validFrom: input.validFrom,
        options: input.options,
      });
      if (!row) throw new AppError(409, 'programme_rule_set_exists');
      await recordAudit(tx, actor, {
        action: 'programme_rule_set.created',
        entityType: 'office',
        entityId: officeId,
        changes: { name: input.name, kind: input.programme, startsOn: input.validFrom },
      });
      return this.presentIn(tx, officeId, row);
    });
  }

  /** Moves or changes a planned version; 409 programme_rule_set_in_use once it is in use. */
  updateRuleSet(actor: Actor, id: string, input: z.output<typeof programmeRuleSetPatch>) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const row = await this.plannedVersion(tx, officeId, id);
      if (input.options) await this.checkCapKeys(tx, officeId, input.options.capCategoryKeys);
      if (input.validFrom !== undefined && input.validFrom !== row.validFrom)
        await this.checkVersionDate(tx, officeId, row.name, input.validFrom, row.id);
      const updated = await repo
        .updateRuleSet(tx, id, {
          ...(input.validFrom !== undefined ? { validFrom: input.validFrom } : {}),
          ...(input.options !== undefined ? { options: input.options } : {}),
          updatedAt: this.ctx.now(),
        })
        .catch((e: unknown) => {
          if (isUniqueViolation(e)) throw new AppError(409, 'programme_rule_set_exists');
          throw e;
        });
      await recordAudit(tx, actor, {
        action: 'programme_rule_set.updated',
        entityType: 'office',
        entityId: officeId,
        changes: { name: row.name, startsOn: updated.validFrom, fields: Object.keys(input), before: row.validFrom },
      });
      return this.presentIn(tx, officeId, updated);
    });
  }

  /** Deletes a planned version; 409 programme_rule_set_in_use once it is in use. */
  deleteRuleSet(actor: Actor, id: string) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const row = await this.plannedVersion(tx, officeId, id);
      await repo.deleteRuleSet(tx, id);
      await recordAudit(tx, actor, {
        action: 'programme_rule_set.deleted',
        entityType: 'office',
        entityId: officeId,
        changes: { name: row.name, startsOn: row.validFrom },
      });
    });
  }

  // Caps ------------------------------------------------------------------------------------------------------------
  private async capContext(tx: Tx, officeId: string, guideId: string, date: string) {
    const rule = await this.ruleAt(tx, officeId, date);
    const profile = await repo.profile(tx, guideId);
    const capHours = rule ? capHoursFor(rule.options, profile?.coordinating ?? false) : null;
    return { rule, profile, capHours, capKeys: rule?.options.capCategoryKeys ?? [] };
  }

  private async usedMinutes(tx: Tx, guideId: string, year: number, capKeys: readonly string[]) {
    return (await repo.countedByMonth(tx, guideId, year, capKeys)).reduce((s, m) => s + m.minutes, 0);
  }

  /** Paid hours are blocked at the cap (409 hours_cap_reached); the guide may log them as unpaid instead. */
  private async checkCap(
    tx: Tx,
    officeId: string,
    entry: { guideId: string; date: string; minutes: number; unpaid: boolean; categoryKey: string },
    replacing?: EntryRow & { categoryKey: string },
  ) {
    if (entry.unpaid) return;
    const { rule, capHours, capKeys } = await this.capContext(tx, officeId, entry.guideId, entry.date);
    if (!countsTowardCap(entry.categoryKey, capKeys)) return;
    const year = Number(entry.date.slice(0, 4));
    const replaced =
      replacing &&
      !replacing.unpaid &&
      Number(replacing.date.slice(0, 4)) === year &&
      countsTowardCap(replacing.categoryKey, capKeys)
        ? replacing.minutes
        : 0;
    // The team budget: hours move freely between guides, but the team's paid hours stay within it.
    const budget = rule?.options.teamBudgetHours ?? null;
    if (budget !== null) {
      const team = checkTeamEntry(
        (await repo.teamCounted(tx, officeId, year, capKeys)) - replaced,
        entry.minutes,
        budget,
      );
      if (!team.allowed)
        throw new AppError(409, 'hours_cap_reached', [
          {
            path: 'minutes',
            code: 'teamBudgetReached',
            params: { remainingMinutes: team.remainingMinutes, budgetHours: budget },
          },
        ]);
    }
    if (capHours === null) return;
    const used = (await this.usedMinutes(tx, entry.guideId, year, capKeys)) - replaced;
    const check = checkPaidEntry(used, entry.minutes, capHours);
    if (!check.allowed)
      throw new AppError(409, 'hours_cap_reached', [
        { path: 'minutes', code: 'capReached', params: { remainingMinutes: check.remainingMinutes, capHours } },
      ]);
  }

  // Entries ---------------------------------------------------------------------------------------------------------
  private async guideOf(tx: Tx, actor: Actor, officeId: string, guideId: string | undefined) {
    const id = policy.own(actor) ? (actor.guideId as string) : guideId;
    if (!id) throw invalidField('guideId', 'required');
    const guide = await repo.guide(tx, id);
    if (!guide || guide.officeId !== officeId || guide.anonymisedAt) {
      if (policy.own(actor)) throw notFound();
      throw invalidField('guideId', 'guideUnknown');
    }
    return guide;
  }

  private async categoryFor(tx: Tx, officeId: string, id: string) {
    const c = await repo.category(tx, id);
    if (!c || c.officeId !== officeId || c.archivedAt || c.kind === 'deployment')
      throw invalidField('categoryId', 'categoryUnknown');
    return c;
  }

  /** Hours are logged once given: a date after today (in the office's time zone) is a typing slip. */
  private async notInFuture(tx: Tx, officeId: string, date: string) {
    const settings = await settingsRepository.get(tx, officeId);
    if (date > todayIn(settings.timeZone, this.ctx.now())) throw invalidField('date', 'hoursInFuture');
  }

  private by(actor: Actor): 'guide' | 'coordinator' {
    return policy.manage(actor) ? 'coordinator' : 'guide';
  }

  private async ensureEditable(tx: Tx, actor: Actor, guideId: string, date: string) {
    const sheet = await repo.sheet(tx, guideId, monthOf(date));
    if (!entriesEditable(asState(sheet), this.by(actor)))
      throw new AppError(409, 'time_sheet_locked', [
        { path: 'date', code: 'monthLocked', params: { month: monthOf(date) } },
      ]);
  }

  private present(
    actor: Actor,
    row: EntryRow,
    category: { key: string; label: string; translations: unknown },
    reversed: boolean,
    state: SheetState,
  ): HourEntry {
    const editable =
      entriesEditable(state, this.by(actor)) &&
      row.reversesEntryId === null &&
      row.replacesEntryId === null &&
      !reversed;
    return {
      id: row.id,
      guideId: row.guideId,
      categoryId: row.categoryId,
      categoryKey: category.key,
      categoryLabel: category.label,
      categoryTranslations: completeTranslations(category.translations),
      date: row.date,
      minutes: row.minutes,
      note: row.note,
      unpaid: row.unpaid,
      reversesEntryId: row.reversesEntryId,
      replacesEntryId: row.replacesEntryId,
      reversed,
      createdAt: row.createdAt.toISOString(),
      abilities: {
        update: editable,
        delete: editable,
        correct: policy.manage(actor) && state === 'approved' && row.minutes > 0 && !reversed,
      },
    };
  }

  logEntry(actor: Actor, input: z.output<typeof hourEntryInput>) {
    if (!policy.manage(actor) && !policy.own(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const guide = await this.guideOf(tx, actor, officeId, input.guideId);
      const category = await this.categoryFor(tx, officeId, input.categoryId);
      await repo.lockGuide(tx, guide.id);
      await this.notInFuture(tx, officeId, input.date);
      await this.ensureEditable(tx, actor, guide.id, input.date);
      await this.checkCap(tx, officeId, { ...input, guideId: guide.id, categoryKey: category.key });
      const row = await repo.insertEntry(tx, {
        officeId,
        guideId: guide.id,
        categoryId: category.id,
        date: input.date,
        minutes: input.minutes,
        note: input.note ?? null,
        unpaid: input.unpaid,
        createdByUserId: recordedUserId(actor),
        createdAt: this.ctx.now(),
      });
      await recordAudit(tx, actor, {
        action: 'hour_entry.logged',
        entityType: 'guide',
        entityId: guide.id,
        changes: { hourEntryId: row.id, date: row.date, minutes: row.minutes, key: category.key, unpaid: row.unpaid },
      });
      return this.present(actor, row, category, false, 'open');
    });
  }

  private async openEntry(tx: Tx, actor: Actor, officeId: string, id: string) {
    const row = await repo.entry(tx, id);
    if (!row || row.officeId !== officeId) throw notFound();
    if (policy.own(actor) && row.guideId !== actor.guideId) throw notFound();
    if (!policy.manage(actor) && !policy.own(actor)) throw forbidden();
    await repo.lockGuide(tx, row.guideId);
    await this.ensureEditable(tx, actor, row.guideId, row.date);
    if (row.reversesEntryId || row.replacesEntryId || (await repo.isReversed(tx, row.id)))
      throw new AppError(409, 'time_sheet_locked');
    return row;
  }

  updateEntry(actor: Actor, id: string, input: z.output<typeof hourEntryPatch>) {
    if (!policy.manage(actor) && !policy.own(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const row = await this.openEntry(tx, actor, officeId, id);
      const category = await this.categoryFor(tx, officeId, input.categoryId ?? row.categoryId);
      const oldCategory = await repo.category(tx, row.categoryId);
      const merged = {
        date: input.date ?? row.date,
        minutes: input.minutes ?? row.minutes,
        unpaid: input.unpaid ?? row.unpaid,
        note: input.note !== undefined ? input.note : row.note,
      };
      if (merged.date !== row.date) {
        await this.notInFuture(tx, officeId, merged.date);
        await this.ensureEditable(tx, actor, row.guideId, merged.date);
      }
      await this.checkCap(
        tx,
        officeId,
        { ...merged, guideId: row.guideId, categoryKey: category.key },
        { ...row, categoryKey: oldCategory?.key ?? '' },
      );
      const updated = await repo.updateEntry(tx, id, { ...merged, categoryId: category.id });
      await recordAudit(tx, actor, {
        action: 'hour_entry.updated',
        entityType: 'guide',
        entityId: row.guideId,
        changes: {
          hourEntryId: id,
          before: { date: row.date, minutes: row.minutes, unpaid: row.unpaid, categoryId: row.categoryId },
          date: updated.date,
          minutes: updated.minutes,
          unpaid: updated.unpaid,
          categoryId: updated.categoryId,
        },
      });
      return this.present(actor, updated, category, false, 'open');
    });
  }

  async deleteEntry(actor: Actor, id: string) {
    if (!policy.manage(actor) && !policy.own(actor)) throw forbidden();
    await this.scope(actor, async (tx, officeId) => {
      const row = await this.openEntry(tx, actor, officeId, id);
      await repo.deleteEntry(tx, id);
      await recordAudit(tx, actor, {
        action: 'hour_entry.deleted',
        entityType: 'guide',
        entityId: row.guideId,
        changes: { hourEntryId: id, date: row.date, minutes: row.minutes },
      });
    });
  }

  /**
   * A correction in an approved month (coordinator): a reversal entry (negative minutes) and, unless the hours
   * are withdrawn altogether, a new entry with the corrected values. Both carry their link; the audit names both.
   */
  correctEntry(actor: Actor, id: string, input: z.output<typeof hourEntryCorrectionInput>) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const row = await repo.entry(tx, id);
      if (!row || row.officeId !== officeId) throw notFound();
      await repo.lockGuide(tx, row.guideId);
      const sheet = await repo.sheet(tx, row.guideId, monthOf(row.date));
      if (asState(sheet) !== 'approved') throw new AppError(409, 'hour_entry_not_correctable');
      if (row.minutes < 0 || (await repo.isReversed(tx, row.id))) throw new AppError(409, 'hour_entry_not_correctable');
      const category = await this.categoryFor(tx, officeId, input.categoryId ?? row.categoryId);
      const now = this.ctx.now();
      const reversal = await repo.insertEntry(tx, {
        officeId,
        guideId: row.guideId,
        categoryId: row.categoryId,
        date: row.date,
        minutes: -row.minutes,
        note: null,
        unpaid: row.unpaid,
        reversesEntryId: row.id,
        createdByUserId: recordedUserId(actor),
        createdAt: now,
      });
      let replacement: EntryRow | null = null;
      if (input.minutes !== null) {
        await this.checkCap(tx, officeId, {
          guideId: row.guideId,
          date: row.date,
          minutes: input.minutes,
          unpaid: row.unpaid,
          categoryKey: category.key,
        });
        replacement = await repo.insertEntry(tx, {
          officeId,
          guideId: row.guideId,
          categoryId: category.id,
          date: row.date,
          minutes: input.minutes,
          note: input.note !== undefined ? input.note : row.note,
          unpaid: row.unpaid,
          replacesEntryId: row.id,
          createdByUserId: recordedUserId(actor),
          createdAt: now,
        });
      }
      await recordAudit(tx, actor, {
        action: 'hour_entry.reversed',
        entityType: 'guide',
        entityId: row.guideId,
        changes: {
          hourEntryId: row.id,
          reason: input.reason,
          minutes: input.minutes,
          before: { minutes: row.minutes, categoryId: row.categoryId },
          entityId: replacement?.id ?? reversal.id,
        },
      });
      return this.sheetIn(tx, actor, officeId, row.guideId, monthOf(row.date));
    });
  }

  // Sheets ----------------------------------------------------------------------------------------------------------
  private async sheetIn(tx: Tx, actor: Actor, officeId: string, guideId: string, month: string): Promise<TimeSheet> {
    const guide = await repo.guide(tx, guideId);
    if (!guide || guide.officeId !== officeId) throw notFound();
    const sheet = await repo.sheet(tx, guideId, month);
    const state = asState(sheet);
    const entries = await repo.monthEntries(tx, guideId, month);
    const acts = await repo.monthActivities(tx, guideId, month);
    const categories = await repo.categories(tx, officeId);
    type Total = {
      key: string;
      label: string;
      translations: Record<TranslatedLocale, string>;
      kind: CategoryRow['kind'];
      minutes: number;
    };
    const totals = new Map<string, Total>();
    const add = (key: string, label: string, stored: unknown, kind: CategoryRow['kind'], minutes: number) => {
      const t = totals.get(key) ?? { key, label, translations: completeTranslations(stored), kind, minutes: 0 };
      t.minutes += minutes;
      totals.set(key, t);
    };
    const deployment = categories.find((c) => c.key === 'deployment');
    for (const a of acts)
      add('deployment', deployment?.label ?? 'Einsatz', deployment?.translations, 'deployment', a.minutes);
    let unpaidMinutes = 0;
    for (const e of entries) {
      add(e.categoryKey, e.categoryLabel, e.categoryTranslations, e.categoryKind, e.entry.minutes);
      if (e.entry.unpaid) unpaidMinutes += e.entry.minutes;
    }
    const ordered = [...totals.values()]
      .filter((t) => t.minutes !== 0)
      .sort(
        (a, b) =>
          (categories.find((c) => c.key === a.key)?.sortOrder ?? 0) -
          (categories.find((c) => c.key === b.key)?.sortOrder ?? 0),
      );
    const totalMinutes = ordered.reduce((s, t) => s + t.minutes, 0);
    const { rule, capHours, capKeys } = await this.capContext(tx, officeId, guideId, `${month}-01`);
    const used = await this.usedMinutes(tx, guideId, Number(month.slice(0, 4)), capKeys);
    const cap = capStatus(used, capHours);
    const own = policy.own(actor) && actor.guideId === guideId;
    return {
      id: sheet?.id ?? null,
      guideId,
      guideName: `${guide.firstName} ${guide.lastName}`.trim(),
      month,
      state,
      submittedAt: sheet?.submittedAt?.toISOString() ?? null,
      decidedAt: sheet?.decidedAt?.toISOString() ?? null,
      returnComment: state === 'returned' ? (sheet?.returnComment ?? null) : null,
      approvedMinutes: sheet?.approvedMinutes ?? null,
      dueOn: sheetDueOn(month, rule?.options.timesheetDeadlineDay ?? 10),
      totalMinutes,
      unpaidMinutes,
      totals: ordered,
      entries: entries.map((e) =>
        this.present(
          actor,
          e.entry,
          { key: e.categoryKey, label: e.categoryLabel, translations: e.categoryTranslations },
          e.reversed,
          state,
        ),
      ),
      activities: acts.map((a) => ({
        id: a.id,
        assignmentId: a.assignmentId,
        date: a.date,
        minutes: a.minutes,
        approved: a.approvedAt !== null,
      })),
      cap: { state: cap.state, capHours, usedMinutes: cap.usedMinutes, remainingMinutes: cap.remainingMinutes },
      abilities: {
        log: entriesEditable(state, this.by(actor)),
        submit: own && canSubmit(state),
        approve: policy.manage(actor) && canDecide(state),
        return: policy.manage(actor) && canDecide(state),
      },
    };
  }

  mySheet(actor: Actor, month: string) {
    if (!policy.own(actor)) throw forbidden();
    return this.scope(actor, (tx, officeId) => this.sheetIn(tx, actor, officeId, actor.guideId as string, month));
  }

  guideSheet(actor: Actor, guideId: string, month: string) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, (tx, officeId) => this.sheetIn(tx, actor, officeId, guideId, month));
  }

  /** The guide submits a month (open or returned); a month that has not begun cannot be submitted. */
  submitMine(actor: Actor, month: string) {
    if (!policy.own(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const guideId = actor.guideId as string;
      await repo.lockGuide(tx, guideId);
      const settings = await settingsRepository.get(tx, officeId);
      if (month > monthOf(todayIn(settings.timeZone, this.ctx.now())))
        throw new AppError(409, 'time_sheet_not_submittable');
      const sheet = await repo.sheet(tx, guideId, month);
      if (!canSubmit(asState(sheet))) throw new AppError(409, 'time_sheet_not_submittable');
      const now = this.ctx.now();
      const row = await repo.upsertSubmitted(tx, {
        officeId,
        guideId,
        month,
        status: 'submitted',
        submittedAt: now,
        submittedByUserId: recordedUserId(actor),
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(tx, actor, {
        action: 'time_sheet.submitted',
        entityType: 'guide',
        entityId: guideId,
        changes: { month, entityId: row.id },
      });
      return this.sheetIn(tx, actor, officeId, guideId, month);
    });
  }

  /** The year's allowances of a guide from approved months (plus, optionally, a month about to be approved). */
  private async allowances(tx: Tx, officeId: string, guideId: string, year: number, extraMonth?: string) {
    const { capHours, capKeys, profile } = await this.capContext(tx, officeId, guideId, `${year}-12-31`);
    const counted = await repo.countedByMonth(tx, guideId, year, capKeys);
    const approved = new Set(await repo.approvedMonths(tx, guideId, year));
    if (extraMonth) approved.add(extraMonth);
    const months = [];
    for (const m of counted.filter((c) => approved.has(c.month))) {
      const rule = await this.ruleAt(tx, officeId, `${m.month}-01`);
      months.push({
        month: m.month,
        paidMinutes: m.minutes,
        centsPerHour: rule?.options.allowanceCentsPerHour ?? 0,
        allowancesEnabled: rule?.options.allowancesEnabled ?? false,
      });
    }
    const perMonth = allowancesForYear(months, capHours);
    const total = perMonth.reduce((s, m) => s + m.cents, 0);
    return { perMonth, total, capHours, profile };
  }

  queue(actor: Actor, status: SheetRow['status']) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const rows = await repo.sheetsByStatus(tx, officeId, status);
      const items = [];
      for (const r of rows) {
        const sheet = await this.sheetIn(tx, actor, officeId, r.sheet.guideId, r.sheet.month);
        const year = Number(r.sheet.month.slice(0, 4));
        const before = await this.allowances(tx, officeId, r.sheet.guideId, year);
        const after = await this.allowances(tx, officeId, r.sheet.guideId, year, r.sheet.month);
        const payment = after.perMonth.find((m) => m.month === r.sheet.month)?.cents ?? 0;
        const paidBefore = status === 'approved' ? before.total - payment : before.total;
        const taxFree = checkTaxFree(
          paidBefore,
          payment,
          taxFreeLimitCents(year, after.profile?.taxFreeKind ?? 'ehrenamtspauschale'),
        );
        items.push({
          id: r.sheet.id,
          guideId: r.sheet.guideId,
          guideName: `${r.lastName}, ${r.firstName}`,
          month: r.sheet.month,
          state: sheet.state,
          submittedAt: sheet.submittedAt,
          totalMinutes: sheet.totalMinutes,
          totals: sheet.totals,
          allowanceCents: payment,
          taxFree: taxFree.state,
          cap: sheet.cap,
        });
      }
      return { items, total: items.length };
    });
  }

  private async decidable(tx: Tx, officeId: string, id: string) {
    const sheet = await repo.sheetById(tx, id);
    if (!sheet || sheet.officeId !== officeId) throw notFound();
    await repo.lockGuide(tx, sheet.guideId);
    if (!canDecide(asState(await repo.sheetById(tx, id)))) throw new AppError(409, 'time_sheet_not_submitted');
    return sheet;
  }

  /** Approves a submitted month: stores its minutes, approves (locks) the month's deployment activities. */
  approve(actor: Actor, id: string) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const sheet = await this.decidable(tx, officeId, id);
      const view = await this.sheetIn(tx, actor, officeId, sheet.guideId, sheet.month);
      const now = this.ctx.now();
      await repo.approveActivities(tx, sheet.guideId, sheet.month, recordedUserId(actor), now);
      await repo.updateSheet(tx, id, {
        status: 'approved',
        decidedAt: now,
        decidedByUserId: recordedUserId(actor),
        approvedMinutes: view.totalMinutes,
        returnComment: null,
        updatedAt: now,
      });
      await recordAudit(tx, actor, {
        action: 'time_sheet.approved',
        entityType: 'guide',
        entityId: sheet.guideId,
        changes: { month: sheet.month, minutes: view.totalMinutes, entityId: id },
      });
      return this.sheetIn(tx, actor, officeId, sheet.guideId, sheet.month);
    });
  }

  /** Returns a submitted month with a comment; the guide is told by mail in their language. */
  async returnSheet(actor: Actor, id: string, comment: string) {
    if (!policy.manage(actor)) throw forbidden();
    const { result, mailIds } = await this.scope(actor, async (tx, officeId) => {
      const sheet = await this.decidable(tx, officeId, id);
      const now = this.ctx.now();
      await repo.updateSheet(tx, id, {
        status: 'returned',
        decidedAt: now,
        decidedByUserId: recordedUserId(actor),
        returnComment: comment,
        updatedAt: now,
      });
      await recordAudit(tx, actor, {
        action: 'time_sheet.returned',
        entityType: 'guide',
        entityId: sheet.guideId,
        changes: { month: sheet.month, entityId: id },
      });
      const guide = await repo.guide(tx, sheet.guideId);
      const mailIds: string[] = [];
      if (guide?.email && !guide.anonymisedAt) {
        const locale = guide.locale as Locale;
        const content = sheetReturnedMail(locale, {
          name: guide.firstName,
          month: formatMonth(locale, sheet.month),
          comment,
          url: `${this.ctx.config.publicUrl}/my/hours/${sheet.month}`,
        });
        mailIds.push(await this.ctx.mailer.enqueue(tx, { officeId, to: guide.email, ...content }));
      }
      return { result: await this.sheetIn(tx, actor, officeId, sheet.guideId, sheet.month), mailIds };
    });
    await this.ctx.mailer.deliver(this.ctx.database.db, mailIds);
    return result;
  }

  // Totals ----------------------------------------------------------------------------------------------------------
  totals(actor: Actor, requestedYear: number | undefined, guideId: string | undefined): Promise<HourTotals> {
    if (!policy.manage(actor) && !policy.own(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const year = requestedYear ?? (await this.currentYear(tx, officeId));
      const who = policy.own(actor) ? (actor.guideId as string) : (guideId ?? null);
      const t = await repo.totals(tx, officeId, year, who);
      // Archived categories included: their hours still count in the year.
      const stored = new Map((await repo.categories(tx, officeId)).map((c) => [c.key, c.translations]));
      const byCategory = t.byCategory.map((r) => ({ ...r, translations: completeTranslations(stored.get(r.key)) }));
      return { year, totalMinutes: t.byMonth.reduce((s, r) => s + r.minutes, 0), ...t, byCategory };
    });
  }

  // Caps and allowances per guide -----------------------------------------------------------------------------------
  setProfile(actor: Actor, guideId: string, input: z.output<typeof hourProfileInput>) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const guide = await repo.guide(tx, guideId);
      if (!guide || guide.officeId !== officeId) throw notFound();
      const before = await repo.profile(tx, guideId);
      const row = await repo.upsertProfile(tx, {
        officeId,
        guideId,
        coordinating: input.coordinating,
        benefits: input.benefits,
        taxFreeKind: input.taxFreeKind,
        updatedAt: this.ctx.now(),
      });
      await recordAudit(tx, actor, {
        action: 'guide.hour_profile_updated',
        entityType: 'guide',
        entityId: guideId,
        changes: {
          coordinating: row.coordinating,
          benefits: row.benefits,
          kind: row.taxFreeKind,
          before: { coordinating: before?.coordinating ?? false, benefits: before?.benefits ?? 'none' },
        },
      });
      return { coordinating: row.coordinating, benefits: row.benefits, taxFreeKind: row.taxFreeKind };
    });
  }

  private async overviewIn(tx: Tx, officeId: string, year: number, onlyGuideId?: string): Promise<AllowanceOverview> {
    const { rule, items } = await this.allowanceRows(tx, officeId, year, onlyGuideId);
    return {
      year,
      ruleSet: rule ? { name: rule.row.name, programme: rule.row.programme, validFrom: rule.row.validFrom } : null,
      items: items.map(({ perMonth: _, ...rest }) => rest),
      total: items.length,
    };
  }

  /** Each active guide's caps and allowances of a year, with the months behind them. */
  private async allowanceRows(
    tx: Tx,
    officeId: string,
    year: number,
    onlyGuideId?: string,
    who: 'active' | 'paid' = 'active',
  ) {
    const all =
      who === 'paid' ? await repo.guidesWithApprovedSheets(tx, officeId, year) : await repo.activeGuides(tx, officeId);
    const guides = all.filter((g) => !onlyGuideId || g.id === onlyGuideId);
    const profiles = new Map((await repo.profiles(tx, officeId)).map((p) => [p.guideId, p]));
    const rule = await this.ruleAt(tx, officeId, `${year}-12-31`);
    const items = [];
    for (const g of guides) {
      const profile = profiles.get(g.id);
      const benefits: GuideBenefits = profile?.benefits ?? 'none';
      const { perMonth, total, capHours } = await this.allowances(tx, officeId, g.id, year);
      const used = await this.usedMinutes(tx, g.id, year, rule?.options.capCategoryKeys ?? []);
      const cap = capStatus(used, capHours);
      const taxFreeKind = profile?.taxFreeKind ?? 'ehrenamtspauschale';
      const tf = checkTaxFree(total, 0, taxFreeLimitCents(year, taxFreeKind));
      items.push({
        guideId: g.id,
        guideName: `${g.lastName}, ${g.firstName}`,
        coordinating: profile?.coordinating ?? false,
        benefits,
        taxFreeKind,
        cap: { state: cap.state, capHours, usedMinutes: used, remainingMinutes: cap.remainingMinutes },
        approvedMinutes: perMonth.reduce((s, m) => s + m.paidMinutes, 0),
        allowanceCents: total,
        taxFree: { state: tf.state, limitCents: tf.limitCents, remainingCents: tf.remainingCents },
        monthsAboveBenefitsFree: perMonth
          .filter((m) => benefitsHint(benefits, m.cents).aboveFreeCents > 0)
          .map((m) => m.month),
        perMonth,
      });
    }
    return { rule, items };
  }

  /**
   * Hessen's per-guide hours and payout sheet in the shape of Formblatt 2b: one row per guide with paid hours in
   * each approved month, the year's hours and allowance, and room to sign. The official template was not at hand,
   * so the columns follow what the form asks for, not its exact layout.
   */
  form2bXlsx(actor: Actor, requestedYear: number | undefined, locale: Locale) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const year = requestedYear ?? (await this.currentYear(tx, officeId));
      const { rule, items } = await this.allowanceRows(tx, officeId, year, undefined, 'paid');
      const office = await repo.officeName(tx, officeId);
      const t = (key: string, params?: Record<string, unknown>) =>
        translate(locale, `timesheets.form2b.${key}`, params);
      const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
      const monthName = new Intl.DateTimeFormat(intlLocaleOf(locale), { month: 'long', timeZone: 'UTC' });
      const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet(t('sheet'));
      sheet.addRow([t('title', { year: String(year) })]).font = { bold: true, size: 14 };
      sheet.addRow([t('office'), office]);
      sheet.addRow([
        t('ruleSet'),
        rule ? `${rule.row.name} (${formatParam(locale, rule.row.validFrom)})` : t('noRuleSet'),
      ]);
      sheet.addRow([]);
      const header = sheet.addRow([
        t('guide'),
        ...months.map((m) => monthName.format(new Date(`${m}-01T00:00:00Z`))),
        t('hours'),
        t('allowance'),
        t('signature'),
      ]);
      header.font = { bold: true };
      const withHours = items.filter((i) => i.perMonth.some((m) => m.paidMinutes > 0));
      for (const item of withHours) {
        const byMonth = new Map(item.perMonth.map((m) => [m.month, m.paidMinutes]));
        sheet.addRow([
          item.guideName,
          ...months.map((m) => hours(byMonth.get(m) ?? 0)),
          hours(item.approvedMinutes),
          item.allowanceCents / 100,
          '',
        ]);
      }
      const totalRow = sheet.addRow([
        t('total'),
        ...months.map((m) =>
          hours(withHours.reduce((s, i) => s + (i.perMonth.find((p) => p.month === m)?.paidMinutes ?? 0), 0)),
        ),
        hours(withHours.reduce((s, i) => s + i.approvedMinutes, 0)),
        withHours.reduce((s, i) => s + i.allowanceCents, 0) / 100,
      ]);
      totalRow.font = { bold: true };
      sheet.addRow([]);
      sheet.addRow([t('note')]);
      sheet.getColumn(1).width = 28;
      for (let c = 2; c <= 15; c++) sheet.getColumn(c).numFmt = '#,##0.00';
      sheet.getColumn(16).width = 24;
      await recordAudit(tx, actor, {
        action: 'hour_allowances.exported',
        entityType: 'office',
        entityId: officeId,
        changes: { format: 'xlsx', date: `${year}` },
      });
      return { bytes: Buffer.from(await book.xlsx.writeBuffer()), year };
    });
  }

  overview(actor: Actor, year: number | undefined) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) =>
      this.overviewIn(tx, officeId, year ?? (await this.currentYear(tx, officeId))),
    );
  }

  private async currentYear(tx: Tx, officeId: string) {
    const settings = await settingsRepository.get(tx, officeId);
    return Number(todayIn(settings.timeZone, this.ctx.now()).slice(0, 4));
  }

  /** A guide's allowances of a year per approved month, for the guide to report to the Jobcenter or social office. */
  allowancesXlsx(actor: Actor, guideId: string, requestedYear: number | undefined, locale: Locale) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const guide = await repo.guide(tx, guideId);
      if (!guide || guide.officeId !== officeId) throw notFound();
      const year = requestedYear ?? (await this.currentYear(tx, officeId));
      const { perMonth, total, profile } = await this.allowances(tx, officeId, guideId, year);
      const benefits: GuideBenefits = profile?.benefits ?? 'none';
      const t = (key: string, params?: Record<string, unknown>) =>
        translate(locale, `timesheets.export.${key}`, params);
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet(t('sheet'));
      sheet.addRow([t('title', { year: String(year) })]);
      sheet.addRow([t('guide'), `${guide.firstName} ${guide.lastName}`.trim()]);
      sheet.addRow([]);
      sheet.addRow([t('month'), t('hours'), t('allowance'), t('aboveFree')]);
      for (const m of perMonth) {
        const hint = benefitsHint(benefits, m.cents);
        sheet.addRow([m.month, Math.round((m.paidMinutes / 60) * 100) / 100, m.cents / 100, hint.aboveFreeCents / 100]);
      }
      sheet.addRow([
        t('total'),
        Math.round((perMonth.reduce((s, m) => s + m.paidMinutes, 0) / 60) * 100) / 100,
        total / 100,
      ]);
      sheet.addRow([]);
      sheet.addRow([t(`hint_${benefits}`)]);
      sheet.getColumn(1).width = 24;
      for (const c of [2, 3, 4]) sheet.getColumn(c).numFmt = '#,##0.00';
      await recordAudit(tx, actor, {
        action: 'guide.allowances_exported',
        entityType: 'guide',
        entityId: guideId,
        changes: { format: 'xlsx', date: `${year}` },
      });
      return { bytes: Buffer.from(await book.xlsx.writeBuffer()), name: `${guide.lastName}-${year}` };
    });
  }
}
