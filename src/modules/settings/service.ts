import type { z } from 'zod';
import { inScope } from '../../db/scope.js';
import type { Actor, AppContext } from '../../server/context.js';
import { forbidden } from '../../server/errors.js';
import type { officeSettingsPatch } from '../../shared/settings.js';
import { diffFields, recordAudit } from '../audit/recorder.js';
import { settingsRepository } from './repository.js';

export class SettingsService {
  constructor(private readonly ctx: AppContext) {}

  get(actor: Actor) {
    if (!actor.officeId || actor.role !== 'coordinator') throw forbidden();
    return inScope(this.ctx.database.db, { officeId: actor.officeId }, (tx) =>
      settingsRepository.get(tx, actor.officeId as string),
    );
  }

  /** Settings live on the office row, which is writable in the system scope only; the role check above is the gate. */
  update(actor: Actor, input: z.output<typeof officeSettingsPatch>) {
    if (!actor.officeId || actor.role !== 'coordinator') throw forbidden();
    const officeId = actor.officeId;
    return inScope(this.ctx.database.db, 'system', async (tx) => {
      const before = await settingsRepository.get(tx, officeId);
      const after = { ...before, ...input };
      await settingsRepository.save(tx, officeId, after);
      await recordAudit(tx, actor, {
        action: 'settings.updated',
        entityType: 'office',
        entityId: officeId,
        changes: diffFields(before, input),
      });
      return after;
    });
  }
}
