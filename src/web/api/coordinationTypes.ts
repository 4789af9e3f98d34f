import type { z } from 'zod';
import type {
  activitySchema,
  activityTotalSchema,
  agreementSchema,
  assignmentSchema,
  feedbackInput,
} from '../../shared/assignments.js';
import type { dashboardSchema } from '../../shared/dashboard.js';
import type {
  candidateSchema,
  candidatesResponse,
  offerDetailSchema,
  offerLinkSchema,
  offerSchema,
} from '../../shared/matching.js';
import type {
  outOfScopeFindingSchema,
  RequestCreateInput,
  requestDetailSchema,
  requestEventSchema,
  requestSchema,
} from '../../shared/requests.js';
import type { serviceSchema } from '../../shared/serviceDirectory.js';
import type { OfficeSettings } from '../../shared/settings.js';

/** Types of the request-to-deployment cycle (requests, matching, offers, deployments), derived from the shared contracts. */
export type RequestItem = z.infer<typeof requestSchema>;
export type RequestDetail = z.infer<typeof requestDetailSchema>;
export type RequestEvent = z.infer<typeof requestEventSchema>;
export type OutOfScopeFinding = z.infer<typeof outOfScopeFindingSchema>;
export type RequestBody = RequestCreateInput;
export type Candidate = z.infer<typeof candidateSchema>;
export type Candidates = z.infer<typeof candidatesResponse>;
export type OfferItem = z.infer<typeof offerSchema>;
export type OfferDetail = z.infer<typeof offerDetailSchema>;
export type OfferLink = z.infer<typeof offerLinkSchema>;
export type AssignmentItem = z.infer<typeof assignmentSchema>;
export type Agreement = z.infer<typeof agreementSchema>;
export type Activity = z.infer<typeof activitySchema>;
export type FeedbackBody = z.infer<typeof feedbackInput>;
export type ServiceEntry = z.infer<typeof serviceSchema>;
export type { OfficeSettings };

export type ActivityTotal = z.infer<typeof activityTotalSchema>;
/** GET /dashboard; instants are ISO date-times. */
export type Dashboard = z.infer<typeof dashboardSchema>;
