import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { guides } from '../../db/schema/index.js';
import { type ActivityEntry, checkActivity, durationMinutes } from '../../domain/activityRules.js';
import { localDateTime, todayIn } from '../../domain/dates.js';
import { type Actor, type AppContext, recordedUserId } from '../../server/context.js';
import { AppError, forbidden, notFound } from '../../server/errors.js';
import { inOfficeOf } from '../../server/officeScope.js';
import type { activityApproveInput, activityInput, activityPatchInput } from '../../shared/assignments.js';
import { diffFields, recordAudit } from '../audit/recorder.js';
import { settingsRepository } from '../settings/repository.js';
import { assignmentPolicy } from './policy.js';
import { assignmentRepository as repo } from './repository.js';

type ActivityRow = Awaited<ReturnType<typeof repo.activitiesOf>>[number];
type Deployment = NonNullable<Awaited<ReturnType<typeof repo.findById>>>['assignment'];

/**
 * The activity log (Tätigkeitsnachweis): insurance and funding evidence. Entries are checked against the
 * agreement's period, the guide's other entries of the day and the office's daily maximum; they can be corrected
 * or deleted (audited) until a coordinator approves them, and are locked afterwards (also by the database).
 */
export class ActivityService {
  constructor(private readonly ctx: AppContext) {}

  private scope<T>(actor: Actor, work: (tx: Tx, officeId: string) => Promise<T>) {
    return inOfficeOf(this.ctx, actor, work);
  }

  private async deployment(tx: Tx, actor: Actor, id: string) {
    const row = await repo.findById(tx, id);
    if (!row || !assignmentPolicy.view(actor, row.assignment)) throw notFound();
    return row.assignment;
  }

  private present(actor: Actor, a: Deployment, row: ActivityRow) {
    return {
      id: row.id,
      date: row.date,
      startTime: row.startTime,
      endTime: row.endTime,
      minutes: row.minutes,
      type: row.type as 'other',
      km: row.km,
      expensesCents: row.expensesCents,
      note: row.note,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      approvedAt: row.approvedAt?.toISOString() ?? null,
      abilities: assignmentPolicy.activityAbilities(actor, a, row),
    };
  }

  /** Serialises a guide's entries (row lock on the guide), then applies the rules to the entry as it would be. */
  private async check(tx: Tx, a: Deployment, entry: ActivityEntry, excludeId?: string) {
    await tx.select({ id: guides.id }).from(guides).where(eq(guides.id, a.guideId)).for('update');
    const settings = await settingsRepository.get(tx, a.officeId);
    const now = this.ctx.now();
    const agreement = await repo.agreementOf(tx, a.id);
    const sameDay = (await repo.guideDay(tx, a.guideId, entry.date)).filter((e) => e.id !== excludeId);
    const problems = checkActivity(entry, {
      today: todayIn(settings.timeZone, now),
      nowTime: localDateTime(now, settings.timeZone).time,
      period: agreement ? { startsOn: agreement.startsOn, endsOn: agreement.endsOn } : null,
      preparationDaysBefore: settings.activities.preparationDaysBefore,
      dailyMaxMinutes: settings.activities.dailyMaxMinutes,
      sameDay,
    });
    if (problems.length === 0) return;
    const errors = problems.map(({ path, code, params }) => ({ path, code, params }));
    throw new AppError(
      problems.some((p) => p.conflict) ? 409 : 400,
      problems.some((p) => p.conflict) ? 'conflict' : 'validation_failed',
      errors,
    );
  }

  list(actor: Actor, id: string) {
    return this.scope(actor, async (tx) => {
      const a = await this.deployment(tx, actor, id);
      const rows = await repo.activitiesOf(tx, id);
      return { items: rows.map((r) => this.present(actor, a, r)), total: rows.length };
    });
  }

  log(actor: Actor, id: string, input: z.output<typeof activityInput>) {
    return this.scope(actor, async (tx, officeId) => {
      const a = await this.deployment(tx, actor, id);
      if (!assignmentPolicy.logActivity(actor, a)) throw forbidden();
      await this.check(tx, a, input);
      const activity = await repo.insertActivity(tx, {
        officeId,
        assignmentId: id,
        guideId: a.guideId,
        date: input.date,
        startTime: input.startTime,
        endTime: input.endTime,
        minutes: durationMinutes(input),
        type: input.type,
        km: input.km,
        expensesCents: input.expensesCents,
        note: input.note ?? null,
        createdByUserId: recordedUserId(actor),
        createdAt: this.ctx.now(),
        updatedAt: this.ctx.now(),
      });
      await recordAudit(tx, actor, {
        action: 'activity.logged',
        entityType: 'assignment',
        entityId: id,
        changes: { activityId: activity.id, minutes: activity.minutes, km: activity.km },
      });
      return this.present(actor, a, activity);
    });
  }

  private async openEntry(tx: Tx, actor: Actor, id: string, activityId: string) {
    const a = await this.deployment(tx, actor, id);
    const row = await repo.activityById(tx, id, activityId);
    if (!row) throw notFound();
    if (row.approvedAt) throw new AppError(409, 'activity_locked');
    if (!assignmentPolicy.correctActivity(actor, a, row)) throw forbidden();
    return { a, row };
  }

  correct(actor: Actor, id: string, activityId: string, input: z.output<typeof activityPatchInput>) {
    return this.scope(actor, async (tx) => {
      const { a, row } = await this.openEntry(tx, actor, id, activityId);
      const merged = { ...row, ...input, note: input.note !== undefined ? input.note : row.note };
      if (merged.startTime >= merged.endTime)
        throw new AppError(400, 'validation_failed', [{ path: 'endTime', code: 'slotEndsBeforeStart' }]);
      await this.check(tx, a, merged, row.id);
      const updated = await repo.updateActivity(tx, row.id, {
        ...input,
        minutes: durationMinutes(merged),
        updatedAt: this.ctx.now(),
      });
      await recordAudit(tx, actor, {
        action: 'activity.corrected',
        entityType: 'assignment',
        entityId: id,
        changes: { activityId, ...diffFields(row as unknown as Record<string, unknown>, input, ['note']) },
      });
      return this.present(actor, a, updated);
    });
  }

  async delete(actor: Actor, id: string, activityId: string) {
    await this.scope(actor, async (tx) => {
      const { row } = await this.openEntry(tx, actor, id, activityId);
      await repo.deleteActivity(tx, row.id);
      await recordAudit(tx, actor, {
        action: 'activity.deleted',
        entityType: 'assignment',
        entityId: id,
        changes: { activityId, date: row.date, minutes: row.minutes },
      });
    });
  }

  /** A coordinator approves entries; approved entries are locked evidence. */
  approve(actor: Actor, id: string, input: z.output<typeof activityApproveInput>) {
    return this.scope(actor, async (tx, officeId) => {
      const a = await this.deployment(tx, actor, id);
      if (!assignmentPolicy.approveActivities(actor, a)) throw forbidden();
      const settings = await settingsRepository.get(tx, officeId);
      const now = this.ctx.now();
      const approved = await repo.approveActivities(
        tx,
        id,
        input.activityIds ?? null,
        todayIn(settings.timeZone, now),
        recordedUserId(actor),
        now,
      );
      await recordAudit(tx, actor, {
        action: 'activity.approved',
        entityType: 'assignment',
        entityId: id,
        changes: { activityIds: approved },
      });
      const rows = await repo.activitiesOf(tx, id);
      return { items: rows.map((r) => this.present(actor, a, r)), total: rows.length };
    });
  }
}
