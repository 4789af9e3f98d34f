import { z } from 'zod';

/** The coordinator's day on one screen; each list is capped (the pages behind it have the full lists). */
export const dashboardSchema = z.object({
  openRequests: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      /** Null for a request from the public form. */
      partnerName: z.string().nullable(),
      urgency: z.string(),
      status: z.string(),
      createdAt: z.iso.datetime(),
      waitingDays: z.number(),
    }),
  ),
  unansweredOffers: z.array(
    z.object({
      id: z.uuid(),
      requestId: z.uuid(),
      requestTitle: z.string(),
      guideName: z.string(),
      expiresAt: z.iso.datetime(),
    }),
  ),
  guidesAtCapacity: z.array(z.object({ id: z.uuid(), name: z.string(), active: z.number(), max: z.number() })),
  guidesNeverDeployed: z.array(z.object({ id: z.uuid(), name: z.string(), certifiedAt: z.string().nullable() })),
  agreementsDueForReview: z.array(
    z.object({
      assignmentId: z.uuid(),
      requestTitle: z.string(),
      guideName: z.string(),
      reviewOn: z.string(),
      endsOn: z.string(),
    }),
  ),
  backgroundChecksDue: z.array(z.object({ id: z.uuid(), name: z.string(), checkedAt: z.string().nullable() })),
});
