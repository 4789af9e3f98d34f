import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { assignments, guides } from '../../db/schema/index.js';
import { draftAgreementPeriod } from '../../domain/agreementPeriod.js';
import { DEFAULT_BOUNDARIES_TEXT, DEFAULT_CONFIDENTIALITY_TEXT } from '../../shared/assignments.js';
import { insuranceTextFor, type OfficeSettings } from '../../shared/settings.js';
import type { RequestRow } from '../requests/repository.js';
import { autoNote } from './presenter.js';
import { assignmentRepository as repo } from './repository.js';

/**
 * An accepted offer becomes a deployment with a first agreement draft (version 1, unconfirmed). The caller holds
 * the request's and the guide's row locks, so the capacity counter and the number of guides per request stay exact.
 */
export async function startDeployment(
  tx: Tx,
  input: {
    request: RequestRow;
    offerId: string;
    guideId: string;
    partnerType: string;
    settings: OfficeSettings;
    today: string;
    now: Date;
  },
) {
  const { request, settings, now } = input;
  await tx
    .update(guides)
    .set({ activeAssignments: sql`${guides.activeAssignments} + 1` })
    .where(sql`${guides.id} = ${input.guideId}`);
  const [assignment] = await tx
    .insert(assignments)
    .values({
      officeId: request.officeId,
      requestId: request.id,
      guideId: input.guideId,
      partnerId: request.partnerId,
      offerId: input.offerId,
      startedAt: now,
    })
    .returning();
  const period = draftAgreementPeriod(request, input.today, settings.reviewAfterDays);
  await repo.insertAgreement(tx, {
    officeId: request.officeId,
    assignmentId: assignment.id,
    version: 1,
    goal: request.title,
    steps: [{ title: 'Erstes Treffen vereinbaren', status: 'open' }],
    ...period,
    frequency: request.frequency,
    contactChannels: '',
    boundaries: DEFAULT_BOUNDARIES_TEXT,
    confidentiality: DEFAULT_CONFIDENTIALITY_TEXT,
    insurance: insuranceTextFor(settings, input.partnerType),
    changeNote: autoNote('draft'),
    // Drafted by the system when the offer was accepted, not by the person who accepted.
    createdByName: null,
    createdAt: now,
    updatedAt: now,
  });
  return assignment;
}
