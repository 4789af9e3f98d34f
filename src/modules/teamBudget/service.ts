import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { todayIn } from '../../domain/dates.js';
import { capHoursFor } from '../../domain/hours/caps.js';
import { moveTeamBudget, type TeamShare } from '../../domain/hours/teamBudget.js';
import { versionAt } from '../../domain/hours/timesheet.js';
import type { Actor, AppContext } from '../../server/context.js';
import { AppError, forbidden, invalidField } from '../../server/errors.js';
import { inOfficeOf } from '../../server/officeScope.js';
import { readProgrammeOptions } from '../../shared/programmes.js';
import type { TeamBudget, teamBudgetMoveInput } from '../../shared/teamBudget.js';
import { recordAudit } from '../audit/recorder.js';
import { settingsRepository } from '../settings/repository.js';
import { timesheetRepository } from '../timesheets/repository.js';
import { teamBudgetPolicy as policy } from './policy.js';
import { teamBudgetRepository as repo } from './repository.js';

/**
 * The team budget screen (Hessen WIR): per guide the cap, the paid hours used and the share of the team budget;
 * the coordinator moves hours between shares, refused (409 team_budget_move_refused) when a share would pass its
 * guide's cap, the shares the budget, or a share would fall below the hours its guide already used.
 */
export class TeamBudgetService {
  constructor(private readonly ctx: AppContext) {}

  private scope<T>(actor: Actor, work: (tx: Tx, officeId: string) => Promise<T>) {
    if (!policy.manage(actor)) throw forbidden();
    return inOfficeOf(this.ctx, actor, work);
  }

  private async state(tx: Tx, officeId: string, year: number) {
    const row = versionAt(await timesheetRepository.ruleSets(tx, officeId), `${year}-12-31`);
    const options = row ? readProgrammeOptions(row.options) : null;
    const guides = await timesheetRepository.activeGuides(tx, officeId);
    const profiles = new Map((await timesheetRepository.profiles(tx, officeId)).map((p) => [p.guideId, p]));
    const used = await repo.usedByGuide(tx, officeId, year, options?.capCategoryKeys ?? []);
    const allocated = new Map((await repo.shares(tx, officeId, year)).map((s) => [s.guideId, s.hours]));
    const items = guides.map((g) => {
      const coordinating = profiles.get(g.id)?.coordinating ?? false;
      return {
        guideId: g.id,
        guideName: `${g.lastName}, ${g.firstName}`,
        coordinating,
        capHours: options ? capHoursFor(options, coordinating) : null,
        usedMinutes: used.get(g.id) ?? 0,
        allocatedHours: allocated.get(g.id) ?? 0,
      };
    });
    // Shares of guides no longer active still take their part of the budget.
    const allocatedHours = [...allocated.values()].reduce((s, h) => s + h, 0);
    const budgetHours = options?.teamBudgetHours ?? null;
    const overview: TeamBudget = {
      year,
      ruleSet: row ? { name: row.name, validFrom: row.validFrom } : null,
      budgetHours,
      allocatedHours,
      unallocatedHours: budgetHours === null ? null : budgetHours - allocatedHours,
      guides: items,
    };
    return { overview, allocated };
  }

  private async currentYear(tx: Tx, officeId: string) {
    const settings = await settingsRepository.get(tx, officeId);
    return Number(todayIn(settings.timeZone, this.ctx.now()).slice(0, 4));
  }

  overview(actor: Actor, year: number | undefined) {
    return this.scope(
      actor,
      async (tx, officeId) => (await this.state(tx, officeId, year ?? (await this.currentYear(tx, officeId)))).overview,
    );
  }

  move(actor: Actor, input: z.output<typeof teamBudgetMoveInput>) {
    return this.scope(actor, async (tx, officeId) => {
      await repo.lockYear(tx, officeId, input.year);
      const { overview, allocated } = await this.state(tx, officeId, input.year);
      const known = new Set(overview.guides.map((i) => i.guideId));
      for (const path of ['fromGuideId', 'toGuideId'] as const) {
        const id = input[path];
        if (id !== null && !known.has(id)) throw invalidField(path, 'guideUnknown');
      }
      if (overview.budgetHours === null) throw new AppError(409, 'team_budget_not_configured');
      const shares: TeamShare[] = overview.guides.map((i) => ({
        guideId: i.guideId,
        hours: i.allocatedHours,
        capHours: i.capHours,
        usedMinutes: i.usedMinutes,
      }));
      // Inactive guides' shares count towards the budget too.
      for (const [guideId, hours] of allocated)
        if (!known.has(guideId)) shares.push({ guideId, hours, capHours: null, usedMinutes: 0 });
      const result = moveTeamBudget(overview.budgetHours, shares, input.fromGuideId, input.toGuideId, input.hours);
      if (!result.ok)
        throw new AppError(
          409,
          'team_budget_move_refused',
          result.problems.map((p) => ({
            path: p.code === 'aboveCap' ? 'toGuideId' : p.code === 'aboveBudget' ? 'hours' : 'fromGuideId',
            code: `teamBudget_${p.code}`,
            params:
              p.code === 'belowUsed'
                ? { usedHours: Math.round(p.usedMinutes / 6) / 10 }
                : p.code === 'negative'
                  ? {}
                  : Object.fromEntries(Object.entries(p).filter(([k]) => k !== 'code' && k !== 'guideId')),
          })),
        );
      const at = this.ctx.now();
      for (const s of result.shares)
        if (s.guideId === input.fromGuideId || s.guideId === input.toGuideId)
          await repo.setShare(tx, { officeId, guideId: s.guideId, year: input.year, hours: s.hours, at });
      await recordAudit(tx, actor, {
        action: 'team_budget.moved',
        entityType: 'office',
        entityId: officeId,
        changes: {
          from: input.fromGuideId ?? 'unallocated',
          to: input.toGuideId ?? 'unallocated',
          minutes: input.hours * 60,
          date: String(input.year),
        },
      });
      return (await this.state(tx, officeId, input.year)).overview;
    });
  }
}
