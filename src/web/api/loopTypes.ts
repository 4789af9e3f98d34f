import type { z } from 'zod';
import type { activitySchema, agreementSchema, assignmentSchema, feedbackInput } from '../../shared/assignments.js';
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

/** Types of the coordination loop (requests, matching, offers, deployments), derived from the shared contracts. */
export type LoopRequest = z.infer<typeof requestSchema>;
export type LoopRequestDetail = z.infer<typeof requestDetailSchema>;
export type RequestEvent = z.infer<typeof requestEventSchema>;
export type OutOfScopeFinding = z.infer<typeof outOfScopeFindingSchema>;
export type RequestBody = RequestCreateInput;
export type Candidate = z.infer<typeof candidateSchema>;
export type Candidates = z.infer<typeof candidatesResponse>;
export type LoopOffer = z.infer<typeof offerSchema>;
export type LoopOfferDetail = z.infer<typeof offerDetailSchema>;
export type OfferLink = z.infer<typeof offerLinkSchema>;
export type LoopAssignment = z.infer<typeof assignmentSchema>;
export type Agreement = z.infer<typeof agreementSchema>;
export type Activity = z.infer<typeof activitySchema>;
export type FeedbackBody = z.infer<typeof feedbackInput>;
export type ServiceEntry = z.infer<typeof serviceSchema>;
export type { OfficeSettings };

export type ActivityTotal = {
  guideId: string;
  firstName: string;
  lastName: string;
  minutes: number;
  km: number;
  expensesCents: number;
};

/** GET /dashboard (the server's dashboardSchema); instants are ISO date-times. */
export type Dashboard = {
  openRequests: {
    id: string;
    title: string;
    partnerName: string;
    urgency: string;
    status: string;
    createdAt: string;
    waitingDays: number;
  }[];
  unansweredOffers: { id: string; requestId: string; requestTitle: string; guideName: string; expiresAt: string }[];
  guidesAtCapacity: { id: string; name: string; active: number; max: number }[];
  guidesNeverDeployed: { id: string; name: string; certifiedAt: string | null }[];
  agreementsDueForReview: {
    assignmentId: string;
    requestTitle: string;
    guideName: string;
    reviewOn: string;
    endsOn: string;
  }[];
  backgroundChecksDue: { id: string; name: string; checkedAt: string | null }[];
};
