/**
 * Retention of applications (called by the daily retention job): an address never confirmed is deleted after
 * UNCONFIRMED_DAYS, a dropped-out applicant DROPPED_OUT_DAYS after dropping out. Accepted applicants stay linked to
 * their guide, whose own retention rules apply (anonymising the guide deletes the application).
 */
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { applicants } from '../../db/schema/index.js';
import { addDays } from '../../domain/dates.js';
import type { Actor } from '../../server/context.js';
import { recordAudit } from '../audit/recorder.js';

export const UNCONFIRMED_DAYS = 30;
export const DROPPED_OUT_DAYS = 180;

export async function purgeApplicants(tx: Tx, actor: Actor, officeId: string, today: string, now: Date) {
  const deleted = await tx
    .delete(applicants)
    .where(
      and(
        eq(applicants.officeId, officeId),
        isNull(applicants.guideId),
        or(
          and(
            isNull(applicants.emailConfirmedAt),
            lt(applicants.createdAt, new Date(now.getTime() - UNCONFIRMED_DAYS * 86_400_000)),
          ),
          and(eq(applicants.status, 'dropped_out'), lt(applicants.statusOn, addDays(today, -DROPPED_OUT_DAYS))),
        ),
      ),
    )
    .returning({ id: applicants.id });
  for (const row of deleted)
    await recordAudit(tx, actor, {
      action: 'applicant.deleted',
      entityType: 'applicant',
      entityId: row.id,
      changes: { trigger: 'retention' },
      at: now,
    });
  return deleted.length;
}
