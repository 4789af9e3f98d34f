import type { Tx } from '../../db/client.js';
import { inScope } from '../../db/scope.js';
import type { Office } from '../../documents/index.js';
import { addDays, todayIn } from '../../domain/dates.js';
import {
  addToMonth,
  CARD_RULE_SETS,
  type CardRuleKey,
  cardExpiresOn,
  cardValidity,
  evaluateCard,
  lastCompleteMonth,
  yearThresholdMinutes,
} from '../../domain/recognition/card.js';
import { anniversariesBetween, hourMilestonesBetween } from '../../domain/recognition/milestones.js';
import { type Actor, type AppContext, officeOf } from '../../server/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../server/errors.js';
import type { Locale } from '../../shared/enums.js';
import type { CardConfirmation, CardEligibility, HoursSummary, MilestoneItem } from '../../shared/recognition.js';
import { recordAudit } from '../audit/recorder.js';
import { officeRepository } from '../offices/repository.js';
import { settingsRepository } from '../settings/repository.js';
import { renderConfirmationPdf, renderStatementPdf } from './pdf.js';
import { recognitionPolicy as policy } from './policy.js';
import { type ConfirmationRow, recognitionRepository as repo } from './repository.js';

/**
 * Statements and milestones count every logged hour (a guide's statement of this year includes the month being
 * logged). The Ehrenamtskarte counts approved hours only, of every category (domain/recognition/countedHours.ts):
 * the office confirms them on the application.
 */
const APPROVED_ONLY = false;
const CARD_APPROVED_ONLY = true;

type Period = { from: string; to: string };
type PeriodInput = { from?: string; to?: string };

/**
 * Recognition (issue 11 §4): hours statements for a guide and period, the Ehrenamtskarte eligibility list with the
 * office's confirmations and the cards' validity, and the milestones list for recognition events.
 */
export class RecognitionService {
  constructor(private readonly ctx: AppContext) {}

  private scope<T>(actor: Actor, work: (tx: Tx, officeId: string) => Promise<T>) {
    const officeId = officeOf(actor);
    return inScope(this.ctx.database.db, { officeId }, (tx) => work(tx, officeId));
  }

  private async letterhead(tx: Tx, officeId: string): Promise<{ office: Office; timeZone: string }> {
    const office = await officeRepository.findById(tx, officeId);
    const settings = await settingsRepository.get(tx, officeId);
    return { office: { name: office?.name ?? '', ...settings.contact }, timeZone: settings.timeZone };
  }

  /** The period asked for; a missing end is this calendar year in the office (to today, or to its last day). */
  private async period(tx: Tx, officeId: string, p: PeriodInput, end: 'today' | 'yearEnd'): Promise<Period> {
    const today = await this.asOf(tx, officeId);
    const from = p.from ?? `${(p.to ?? today).slice(0, 4)}-01-01`;
    const to = p.to ?? (end === 'today' && from <= today ? today : `${from.slice(0, 4)}-12-31`);
    if (from > to) throw invalidField('to', 'periodOrder');
    return { from, to };
  }

  private async guideIn(tx: Tx, officeId: string, guideId: string) {
    const guide = await repo.findGuide(tx, guideId);
    if (!guide || guide.officeId !== officeId || guide.anonymisedAt) throw notFound();
    return guide;
  }

  private async summaryOf(
    tx: Tx,
    officeId: string,
    guideId: string,
    p: Period,
    locale: Locale = 'de',
  ): Promise<HoursSummary> {
    const q = { officeId, guideId, from: p.from, to: p.to, approvedOnly: APPROVED_ONLY, locale };
    const byCategory = (await repo.hourTotals(tx, q, 'category'))
      .filter((r) => r.minutes !== 0)
      .map(({ key, label, minutes }) => ({ key, label, minutes }));
    const byField = (await repo.hourTotals(tx, q, 'field'))
      .filter((r) => r.minutes !== 0)
      .map(({ key, label, minutes, deployments }) => ({ key, label, minutes, deployments }));
    const totalMinutes = byCategory.reduce((s, c) => s + c.minutes, 0);
    return { from: p.from, to: p.to, totalMinutes, byCategory, byField };
  }

  private async statement(tx: Tx, actor: Actor, officeId: string, guideId: string, p: Period, language: Locale) {
    const guide = await this.guideIn(tx, officeId, guideId);
    const { office, timeZone } = await this.letterhead(tx, officeId);
    const summary = await this.summaryOf(tx, officeId, guideId, p, language);
    const name = `${guide.firstName} ${guide.lastName}`.trim();
    const bytes = await renderStatementPdf({
      office,
      language,
      guideName: name,
      engagedSince: guide.certifiedAt,
      ...summary,
      courses: await repo.completedCourses(tx, guideId, p.to),
      signedOn: todayIn(timeZone, this.ctx.now()),
      // A guide's own download is signed by the office, not by the guide: the signature line stays unnamed.
      coordinatorName: actor.role === 'coordinator' ? actor.displayName : '',
      createdAt: this.ctx.now(),
    });
    // A statement names the guide and their hours: each download is a read of their record (Art. 15 access log).
    await recordAudit(tx, actor, {
      action: 'recognition.statement_downloaded',
      entityType: 'guide',
      entityId: guideId,
      changes: { from: p.from, to: p.to, language },
    });
    return { bytes, name, period: p };
  }

  /** The hours a statement would show, for the guide's page. */
  mySummary(actor: Actor, p: PeriodInput) {
    if (!policy.own(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) =>
      this.summaryOf(tx, officeId, actor.guideId as string, await this.period(tx, officeId, p, 'today'), actor.locale),
    );
  }

  myStatementPdf(actor: Actor, p: PeriodInput, language: Locale) {
    if (!policy.own(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) =>
      this.statement(
        tx,
        actor,
        officeId,
        actor.guideId as string,
        await this.period(tx, officeId, p, 'today'),
        language,
      ),
    );
  }

  guideSummary(actor: Actor, guideId: string, p: PeriodInput) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      await this.guideIn(tx, officeId, guideId);
      return this.summaryOf(tx, officeId, guideId, await this.period(tx, officeId, p, 'today'), actor.locale);
    });
  }

  statementPdf(actor: Actor, guideId: string, p: PeriodInput, language: Locale) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      await this.guideIn(tx, officeId, guideId);
      return this.statement(tx, actor, officeId, guideId, await this.period(tx, officeId, p, 'today'), language);
    });
  }

  private async evaluations(tx: Tx, officeId: string, rule: CardRuleKey, asOf: string, guideId?: string) {
    const rules = CARD_RULE_SETS[rule];
    const end = lastCompleteMonth(asOf);
    const from = `${addToMonth(end, -(12 * rules.years - 1))}-01`;
    const to = addDays(`${addToMonth(end, 1)}-01`, -1); // the current month never counts
    const rows = await repo.hourTotals(tx, { officeId, guideId, from, to, approvedOnly: CARD_APPROVED_ONLY }, 'month');
    const byGuide = new Map<string, Map<string, number>>();
    for (const r of rows) {
      if (!byGuide.has(r.guideId)) byGuide.set(r.guideId, new Map());
      byGuide.get(r.guideId)?.set(r.key, r.minutes);
    }
    return { rules, end, byGuide };
  }

  /** Who qualifies for the card and who will soon, as of today in the office. */
  eligibility(actor: Actor, rule: CardRuleKey) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const { timeZone } = await this.letterhead(tx, officeId);
      const asOf = todayIn(timeZone, this.ctx.now());
      const { rules, end, byGuide } = await this.evaluations(tx, officeId, rule, asOf);
      const names = await repo.guideNames(tx, officeId);
      const cards = new Map<string, string>();
      for (const c of await repo.confirmations(tx, officeId))
        if (c.cardExpiresOn && c.ruleKey === rule && (cards.get(c.guideId) ?? '') < c.cardExpiresOn)
          cards.set(c.guideId, c.cardExpiresOn);
      const items: CardEligibility[] = [];
      for (const [guideId, monthly] of byGuide) {
        const name = names.get(guideId);
        if (name === undefined) continue;
        const r = evaluateCard(monthly, asOf, rules);
        if (r.status === 'notYet') continue;
        items.push({
          guideId,
          guideName: name,
          status: r.status,
          reason: r.reason,
          projectedMonth: r.projectedMonth,
          thresholdMinutes: r.thresholdMinutes,
          blocks: r.blocks.map((b) => ({ ...b, minutes: Math.round(b.minutes) })),
          totalMinutes: Math.round(r.totalMinutes),
          cardExpiresOn: cards.get(guideId) ?? null,
        });
      }
      items.sort(
        (a, b) =>
          (a.status === b.status ? 0 : a.status === 'eligible' ? -1 : 1) ||
          a.guideName.localeCompare(b.guideName, 'de'),
      );
      return {
        rule,
        asOf,
        endMonth: end,
        thresholdMinutes: yearThresholdMinutes(rules),
        years: rules.years,
        validityYears: rules.validityYears,
        items,
        total: items.length,
      };
    });
  }

  private present(row: ConfirmationRow, names: Map<string, string>, asOf: string): CardConfirmation {
    return {
      id: row.id,
      guideId: row.guideId,
      guideName: names.get(row.guideId) ?? '–',
      rule: row.ruleKey,
      confirmedOn: row.confirmedOn,
      periodFrom: row.periodFrom,
      periodTo: row.periodTo,
      confirmedMinutes: row.confirmedMinutes,
      validityYears: row.validityYears,
      cardIssuedOn: row.cardIssuedOn,
      cardExpiresOn: row.cardExpiresOn,
      cardState: row.cardExpiresOn ? cardValidity(row.cardExpiresOn, asOf) : 'pending',
      createdAt: row.createdAt.toISOString(),
    };
  }

  private async asOf(tx: Tx, officeId: string) {
    return todayIn((await this.letterhead(tx, officeId)).timeZone, this.ctx.now());
  }

  confirmations(actor: Actor) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const asOf = await this.asOf(tx, officeId);
      const names = await repo.guideNames(tx, officeId);
      const items = (await repo.confirmations(tx, officeId)).map((r) => this.present(r, names, asOf));
      return { items, total: items.length };
    });
  }

  /** The signed-in guide's own confirmations and cards, newest first. */
  myConfirmations(actor: Actor) {
    if (!policy.own(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const asOf = await this.asOf(tx, officeId);
      const names = await repo.guideNames(tx, officeId);
      const items = (await repo.confirmationsOfGuide(tx, actor.guideId as string)).map((r) =>
        this.present(r, names, asOf),
      );
      return { items, total: items.length };
    });
  }

  /** Confirms a guide's hours for the card application; only when the guide qualifies today (409 otherwise). */
  createConfirmation(actor: Actor, input: { guideId: string; rule: CardRuleKey }) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const guide = await repo.findGuide(tx, input.guideId);
      if (!guide || guide.officeId !== officeId || guide.anonymisedAt) throw invalidField('guideId', 'guideUnknown');
      const asOf = await this.asOf(tx, officeId);
      const { rules, byGuide } = await this.evaluations(tx, officeId, input.rule, asOf, input.guideId);
      const r = evaluateCard(byGuide.get(input.guideId) ?? new Map(), asOf, rules);
      if (r.status !== 'eligible') throw new AppError(409, 'recognition_not_eligible');
      const row = await repo.insertConfirmation(tx, {
        officeId,
        guideId: input.guideId,
        ruleKey: input.rule,
        confirmedOn: asOf,
        periodFrom: r.blocks[r.blocks.length - 1].from,
        periodTo: r.blocks[0].to,
        confirmedMinutes: Math.round(r.totalMinutes),
        yearMinutes: [...r.blocks].reverse().map((b) => Math.round(b.minutes)),
        validityYears: rules.validityYears,
        createdByUserId: actor.userId,
      });
      await recordAudit(tx, actor, {
        action: 'recognition.card_confirmed',
        entityType: 'guide',
        entityId: input.guideId,
        changes: { rule: input.rule, minutes: row.confirmedMinutes },
      });
      return this.present(row, await repo.guideNames(tx, officeId), asOf);
    });
  }

  /** Records that the card was issued; its expiry follows from the rule's validity. Once only (409). */
  recordCard(actor: Actor, id: string, issuedOn: string) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const row = await repo.findConfirmation(tx, id);
      if (!row || row.officeId !== officeId) throw notFound();
      if (row.cardIssuedOn) throw new AppError(409, 'recognition_card_already_recorded');
      if (issuedOn < row.confirmedOn) throw invalidField('issuedOn', 'cardBeforeConfirmation');
      const updated = await repo.recordCard(tx, id, issuedOn, cardExpiresOn(issuedOn, row.validityYears));
      if (!updated) throw new AppError(409, 'recognition_card_already_recorded');
      await recordAudit(tx, actor, {
        action: 'recognition.card_recorded',
        entityType: 'guide',
        entityId: row.guideId,
        changes: { rule: row.ruleKey, date: issuedOn },
      });
      return this.present(updated, await repo.guideNames(tx, officeId), await this.asOf(tx, officeId));
    });
  }

  confirmationPdf(actor: Actor, id: string, language: Locale) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const row = await repo.findConfirmation(tx, id);
      if (!row || row.officeId !== officeId) throw notFound();
      const guide = await this.guideIn(tx, officeId, row.guideId);
      const { office } = await this.letterhead(tx, officeId);
      const name = `${guide.firstName} ${guide.lastName}`.trim();
      const bytes = await renderConfirmationPdf({
        office,
        language,
        rule: row.ruleKey,
        guideName: name,
        periodFrom: row.periodFrom,
        periodTo: row.periodTo,
        confirmedMinutes: row.confirmedMinutes,
        years: row.yearMinutes.map((minutes, i) => ({
          from: addToMonth(row.periodFrom, 12 * i),
          to: addToMonth(row.periodFrom, 12 * i + 11),
          minutes,
        })),
        confirmedOn: row.confirmedOn,
        coordinatorName: actor.displayName,
        createdAt: row.createdAt,
      });
      return { bytes, name, on: row.confirmedOn };
    });
  }

  /** Anniversaries (1, 5, 10 years) and hour milestones (100, 500 h) within the period, by date. */
  milestones(actor: Actor, period: PeriodInput) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const p = await this.period(tx, officeId, period, 'yearEnd');
      const names = await repo.guideNames(tx, officeId);
      const items: MilestoneItem[] = [];
      for (const s of await repo.engagementStarts(tx, officeId)) {
        const guideName = names.get(s.guideId);
        if (guideName === undefined) continue;
        for (const m of anniversariesBetween(s.start, p.from, p.to))
          items.push({ guideId: s.guideId, guideName, ...m });
      }
      const reached = await repo.hourMilestones(tx, { officeId, approvedOnly: APPROVED_ONLY });
      const perGuide = new Map<string, { hours: number; date: string }[]>();
      for (const r of reached) perGuide.set(r.guideId, [...(perGuide.get(r.guideId) ?? []), r]);
      for (const [guideId, list] of perGuide) {
        const guideName = names.get(guideId);
        if (guideName === undefined) continue;
        for (const m of hourMilestonesBetween(list, p.from, p.to)) items.push({ guideId, guideName, ...m });
      }
      items.sort((a, b) => a.date.localeCompare(b.date) || a.guideName.localeCompare(b.guideName, 'de'));
      return { items, total: items.length };
    });
  }
}
