import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { inScope } from '../../db/scope.js';
import { addDays, todayIn } from '../../domain/dates.js';
import {
  auditCutoff,
  backgroundCheckDueOn,
  guideDataDueOn,
  guideLeftOn,
  isDue,
  personDataDueOn,
} from '../../domain/retention.js';
import { type Actor, type AppContext, SYSTEM_ACTOR } from '../../server/context.js';
import { AppError, forbidden, notFound } from '../../server/errors.js';
import type {
  RetentionDueItem,
  RetentionRule,
  RetentionRunResult,
  RetentionSchedule,
  retentionDueListSchema,
  retentionDueQuery,
  retentionHoldInput,
} from '../../shared/retention.js';
import { RULE_ENTITY } from '../../shared/retention.js';
import { recordAudit } from '../audit/recorder.js';
import { purgeApplicants } from '../recruitment/retention.js';
import { settingsRepository } from '../settings/repository.js';
import { anonymiseContact, anonymiseGuide, anonymisePerson } from './erasure.js';
import { retentionPolicy } from './policy.js';
import { type HoldRow, retentionRepository as repo } from './repository.js';

type Candidate = Omit<RetentionDueItem, 'hold'> & { hold: HoldRow | null };

/** Every record on a retention clock in one office, with its due day and any legal hold. */
async function candidates(tx: Tx, officeId: string, schedule: RetentionSchedule): Promise<Candidate[]> {
  const [guides, requests, holds] = [
    await repo.guideClocks(tx, officeId),
    await repo.requestClocks(tx, officeId),
    await repo.activeHolds(tx, officeId),
  ];
  const holdOf = (entityId: string, rule: RetentionRule) =>
    holds.find((h) => h.entityId === entityId && h.rule === rule) ?? null;
  const out: Candidate[] = [];
  for (const g of guides) {
    if (g.running > 0) continue;
    const leftOn = guideLeftOn({
      status: g.status,
      statusChangedOn: g.status_changed_on,
      consentWithdrawnAt: g.consent_withdrawn_at,
    });
    if (!leftOn) continue;
    const base = { entityType: 'guide' as const, entityId: g.id, label: g.name };
    if (g.has_background_check) {
      // The engagement ends with the later of leaving and the last day worked.
      const since = g.last_work_on && g.last_work_on > leftOn ? g.last_work_on : leftOn;
      const dueOn = backgroundCheckDueOn(since, schedule) as string;
      out.push({ ...base, rule: 'background_check', since, dueOn, hold: holdOf(g.id, 'background_check') });
    }
    const dueOn = guideDataDueOn(leftOn, schedule) as string;
    out.push({ ...base, rule: 'guide_personal_data', since: leftOn, dueOn, hold: holdOf(g.id, 'guide_personal_data') });
  }
  for (const r of requests) {
    if (r.running > 0) continue;
    const dueOn = personDataDueOn(r.ended_on, schedule) as string;
    out.push({
      rule: 'person_data',
      entityType: 'request',
      entityId: r.id,
      label: r.title,
      since: r.ended_on,
      dueOn,
      hold: holdOf(r.id, 'person_data'),
    });
  }
  return out.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.label.localeCompare(b.label));
}

/** The system acting for one office (the retention job): audited as "System", via "system". */
const systemFor = (officeId: string): Actor => ({ ...SYSTEM_ACTOR, officeId, via: 'system' });

export class RetentionService {
  constructor(private readonly ctx: AppContext) {}

  private office(actor: Actor): string {
    if (!retentionPolicy.manage(actor)) throw forbidden();
    return actor.officeId as string;
  }

  async anonymiseGuide(actor: Actor, guideId: string) {
    const officeId = this.office(actor);
    const at = await inScope(this.ctx.database.db, { officeId }, (tx) =>
      anonymiseGuide(tx, actor, guideId, this.ctx.now(), 'request'),
    );
    return { anonymisedAt: at.toISOString() };
  }

  async anonymiseContact(actor: Actor, partnerId: string, contactId: string) {
    const officeId = this.office(actor);
    const at = await inScope(this.ctx.database.db, { officeId }, (tx) =>
      anonymiseContact(tx, actor, partnerId, contactId, this.ctx.now()),
    );
    return { anonymisedAt: at.toISOString() };
  }

  async anonymisePerson(actor: Actor, requestId: string) {
    const officeId = this.office(actor);
    const at = await inScope(this.ctx.database.db, { officeId }, (tx) =>
      anonymisePerson(tx, actor, requestId, this.ctx.now(), 'request'),
    );
    return { anonymisedAt: at.toISOString() };
  }

  /** What falls due in the next `days` days, and what is overdue (held, or the job has not run yet). */
  due(actor: Actor, query: z.output<typeof retentionDueQuery>): Promise<z.infer<typeof retentionDueListSchema>> {
    const officeId = this.office(actor);
    return inScope(this.ctx.database.db, { officeId }, async (tx) => {
      const settings = await settingsRepository.get(tx, officeId);
      const today = todayIn(settings.timeZone, this.ctx.now());
      const horizon = addDays(today, query.days);
      const items = (await candidates(tx, officeId, settings.retention))
        .filter((c) => c.dueOn <= horizon)
        .map((c) => ({
          ...c,
          hold: c.hold
            ? { id: c.hold.id, reason: c.hold.reason, at: c.hold.createdAt.toISOString(), byName: c.hold.byName }
            : null,
        }));
      return { items, total: items.length, today, schedule: settings.retention };
    });
  }

  async setHold(actor: Actor, input: z.output<typeof retentionHoldInput>) {
    const officeId = this.office(actor);
    return inScope(this.ctx.database.db, { officeId }, async (tx) => {
      // Like any reference in a body: a record the office does not have is a field error, never a hint it exists.
      if (!(await repo.entityExists(tx, input.entityType, input.entityId)))
        throw new AppError(400, 'validation_failed', [{ path: 'entityId', code: 'recordUnknown' }]);
      if (RULE_ENTITY[input.rule] !== input.entityType)
        throw new AppError(400, 'validation_failed', [{ path: 'rule', code: 'ruleNotForRecord' }]);
      if (await repo.findActiveHold(tx, input.entityId, input.rule))
        throw new AppError(409, 'conflict', [{ path: 'rule', code: 'holdExists' }]);
      const hold = await repo.insertHold(tx, {
        officeId,
        ...input,
        createdByUserId: actor.accountless ? null : actor.userId,
        createdAt: this.ctx.now(),
      });
      // The reason is the office's justification for keeping data: it belongs in the audit log in full.
      await recordAudit(tx, actor, {
        action: 'retention.hold_set',
        entityType: 'retention_hold',
        entityId: hold.id,
        changes: { entityType: input.entityType, entityId: input.entityId, rule: input.rule, reason: input.reason },
      });
      return { id: hold.id, reason: hold.reason, at: hold.createdAt.toISOString(), byName: actor.displayName };
    });
  }

  async releaseHold(actor: Actor, id: string) {
    const officeId = this.office(actor);
    await inScope(this.ctx.database.db, { officeId }, async (tx) => {
      const hold = await repo.findHold(tx, id);
      if (!hold || hold.releasedAt) throw notFound();
      await repo.releaseHold(tx, id, actor.userId, this.ctx.now());
      await recordAudit(tx, actor, {
        action: 'retention.hold_released',
        entityType: 'retention_hold',
        entityId: id,
        changes: { entityType: hold.entityType, entityId: hold.entityId, rule: hold.rule },
      });
    });
  }

  /**
   * The daily retention job: applies every office's schedule as of `now` (injected, so tests choose the day).
   * Idempotent: what it did leaves the records off the clocks (anonymised, check deleted), so a second run finds
   * nothing; held records are skipped. Each office runs in its own transaction, and every action is audited.
   */
  /**
   * Applies every office's schedule as of `now`. `only` limits the run to some offices: tests use it so that a run
   * on a shared PostgreSQL database touches only their own office.
   */
  async applySchedule(now: Date, only?: { officeIds: string[] }): Promise<RetentionRunResult> {
    const db = this.ctx.database.db;
    const total: RetentionRunResult = {
      backgroundChecksDeleted: 0,
      guidesAnonymised: 0,
      personsAnonymised: 0,
      auditEntriesDeleted: 0,
      skippedOnHold: 0,
    };
    const all = await inScope(db, 'system', (tx) => repo.officeIds(tx));
    const officeIds = only ? all.filter((id) => only.officeIds.includes(id)) : all;
    for (const officeId of officeIds) {
      await inScope(db, { officeId }, async (tx) => {
        const actor = systemFor(officeId);
        const settings = await settingsRepository.get(tx, officeId);
        const today = todayIn(settings.timeZone, now);
        for (const c of await candidates(tx, officeId, settings.retention)) {
          if (!isDue(c.dueOn, today)) continue;
          if (c.hold) {
            total.skippedOnHold += 1;
            continue;
          }
          if (c.rule === 'background_check') {
            await repo.clearBackgroundCheck(tx, c.entityId, now);
            await recordAudit(tx, actor, {
              action: 'guide.background_check_deleted',
              entityType: 'guide',
              entityId: c.entityId,
              changes: { rule: c.rule, trigger: 'retention' },
              at: now,
            });
            total.backgroundChecksDeleted += 1;
          } else if (c.rule === 'guide_personal_data') {
            await anonymiseGuide(tx, actor, c.entityId, now, 'retention');
            total.guidesAnonymised += 1;
          } else {
            await anonymisePerson(tx, actor, c.entityId, now, 'retention');
            total.personsAnonymised += 1;
          }
        }
        // Applications never confirmed, or dropped out long ago (recruitment).
        await purgeApplicants(tx, actor, officeId, today, now);
        const before = auditCutoff(today, settings.retention);
        const deleted = await repo.purgeAudit(tx, officeId, before);
        if (deleted > 0) {
          await recordAudit(tx, actor, {
            action: 'retention.audit_purged',
            entityType: 'office',
            entityId: officeId,
            changes: { before, deleted },
            at: now,
          });
          total.auditEntriesDeleted += deleted;
        }
      });
    }
    return total;
  }
}
