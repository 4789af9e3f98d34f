import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { inScope } from '../../db/scope.js';
import { todayIn } from '../../domain/dates.js';
import { endPause, pauseProblems, pauseState } from '../../domain/guidePause.js';
import type { Actor, AppContext } from '../../server/context.js';
import { AppError, conflict, forbidden, notFound } from '../../server/errors.js';
import type { guidePauseInput } from '../../shared/guidePauses.js';
import { recordAudit } from '../audit/recorder.js';
import { guideRepository } from '../guides/repository.js';
import { settingsRepository } from '../settings/repository.js';
import { guidePausePolicy } from './policy.js';
import { type GuidePauseRow, guidePauseRepository as repo } from './repository.js';

const view = (row: GuidePauseRow, today: string) => ({
  id: row.id,
  guideId: row.guideId,
  startsOn: row.startsOn,
  endsOn: row.endsOn,
  reason: row.reason,
  state: pauseState(row, today),
  createdAt: row.createdAt.toISOString(),
});

/**
 * A guide's own pauses by date range (issue 14 §2). Matching reads them directly (the `notPaused` gate); this service
 * is the guide's "my profile and availability" and the coordinators' read-only view. Another office's guide, or a
 * guide that is not the caller, is a 404.
 */
export class GuidePauseService {
  constructor(private readonly ctx: AppContext) {}

  private run<T>(actor: Actor, work: (tx: Tx, officeId: string) => Promise<T>) {
    const officeId = actor.officeId;
    if (!officeId || actor.accountless) throw notFound();
    return inScope(this.ctx.database.db, { officeId }, (tx) => work(tx, officeId));
  }

  private async guide(tx: Tx, actor: Actor, guideId: string) {
    const guide = await guideRepository.findById(tx, guideId);
    if (!guide || !guidePausePolicy.view(actor, guide)) throw notFound();
    return guide;
  }

  private async today(tx: Tx, officeId: string) {
    const { timeZone } = await settingsRepository.get(tx, officeId);
    return todayIn(timeZone, this.ctx.now());
  }

  list(actor: Actor, guideId: string) {
    return this.run(actor, async (tx, officeId) => {
      const guide = await this.guide(tx, actor, guideId);
      const today = await this.today(tx, officeId);
      const rows = await repo.list(tx, guideId, today);
      return {
        items: rows.map((r) => view(r, today)),
        total: rows.length,
        today,
        canEdit: guidePausePolicy.edit(actor, guide),
      };
    });
  }

  create(actor: Actor, guideId: string, input: z.output<typeof guidePauseInput>) {
    return this.run(actor, async (tx, officeId) => {
      const guide = await this.guide(tx, actor, guideId);
      if (!guidePausePolicy.edit(actor, guide)) throw forbidden();
      const today = await this.today(tx, officeId);
      const problems = pauseProblems(input, today);
      if (problems.length) throw new AppError(400, 'validation_failed', problems);
      if (await repo.overlapping(tx, guideId, input))
        throw new AppError(409, 'pause_overlaps', [{ path: 'startsOn', code: 'pauseOverlaps' }]);
      const row = await repo.insert(tx, {
        officeId,
        guideId,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        reason: input.reason?.trim() || null,
      });
      // The reason may name an illness: the audit trail records the dates only.
      await recordAudit(tx, actor, {
        action: 'guide.pause_added',
        entityType: 'guide',
        entityId: guideId,
        changes: { startsOn: row.startsOn, endsOn: row.endsOn },
      });
      return view(row, today);
    });
  }

  /** Ends a pause early: one that has not begun (or began today) is deleted, a running one ends yesterday. */
  end(actor: Actor, guideId: string, pauseId: string) {
    return this.run(actor, async (tx, officeId) => {
      const guide = await this.guide(tx, actor, guideId);
      const pause = await repo.find(tx, guideId, pauseId);
      if (!pause) throw notFound();
      if (!guidePausePolicy.edit(actor, guide)) throw forbidden();
      const today = await this.today(tx, officeId);
      if (pauseState(pause, today) === 'past') throw conflict();
      const outcome = endPause(pause, today);
      if (outcome.delete) await repo.delete(tx, pause.id);
      const row = outcome.delete ? null : await repo.setEnd(tx, pause.id, outcome.endsOn);
      await recordAudit(tx, actor, {
        action: outcome.delete ? 'guide.pause_deleted' : 'guide.pause_ended',
        entityType: 'guide',
        entityId: guideId,
        changes: { startsOn: pause.startsOn, endsOn: { from: pause.endsOn, to: row?.endsOn ?? null } },
      });
      return { deleted: outcome.delete, pause: row ? view(row, today) : null };
    });
  }

  delete(actor: Actor, guideId: string, pauseId: string) {
    return this.run(actor, async (tx) => {
      const guide = await this.guide(tx, actor, guideId);
      const pause = await repo.find(tx, guideId, pauseId);
      if (!pause) throw notFound();
      if (!guidePausePolicy.edit(actor, guide)) throw forbidden();
      await repo.delete(tx, pause.id);
      await recordAudit(tx, actor, {
        action: 'guide.pause_deleted',
        entityType: 'guide',
        entityId: guideId,
        changes: { startsOn: pause.startsOn, endsOn: pause.endsOn },
      });
    });
  }
}
