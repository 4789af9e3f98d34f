/**
 * A demo guide's own pause (issue 14 §2): a holiday in the coming weeks, so the guide's page shows it and matching
 * leaves the guide out for requests on those days. Not the demo guide account: her demo offers must stay acceptable.
 */
import { and, asc, eq, isNull, notExists, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { assignments, guidePauses, guides, users } from '../db/schema/index.js';
import { addDays } from '../domain/dates.js';

export async function seedDemoPauses(tx: Tx, input: { officeId: string; today: string }) {
  // An active guide without an account and without deployments: the pause changes no seeded deployment.
  const [guide] = await tx
    .select({ id: guides.id })
    .from(guides)
    .where(
      and(
        eq(guides.officeId, input.officeId),
        eq(guides.status, 'active'),
        isNull(guides.anonymisedAt),
        notExists(tx.select({ one: sql`1` }).from(users).where(eq(users.guideId, guides.id))),
        notExists(tx.select({ one: sql`1` }).from(assignments).where(eq(assignments.guideId, guides.id))),
      ),
    )
    .orderBy(asc(guides.lastName), asc(guides.id))
    .limit(1);
  if (!guide) return null;
  const [pause] = await tx
    .insert(guidePauses)
    .values({
      officeId: input.officeId,
      guideId: guide.id,
      startsOn: addDays(input.today, 14),
      endsOn: addDays(input.today, 27),
      reason: 'Urlaub bei der Familie',
    })
    .returning();
  return pause;
}
