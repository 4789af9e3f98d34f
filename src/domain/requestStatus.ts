/** new → in review → offered → matched → active → closed; side states: cancelled (by the partner) and no match. */
export const REQUEST_STATUSES = [
  'new',
  'in_review',
  'offered',
  'matched',
  'active',
  'closed',
  'cancelled',
  'no_match',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** A request is filed by a partner (institution) or by a person through the public "ask for help" form. */
export const REQUEST_ORIGINS = ['partner', 'public'] as const;
export type RequestOrigin = (typeof REQUEST_ORIGINS)[number];
/** How the person who asked publicly can be reached: by phone, by e-mail, or through an institution they name. */
export const CONTACT_CHANNELS = ['phone', 'email', 'institution'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const REQUEST_TRANSITIONS: Record<RequestStatus, readonly RequestStatus[]> = {
  new: ['in_review', 'cancelled', 'no_match'],
  // 'matched' from review: a request for several guides whose need was lowered to the guides already found.
  in_review: ['offered', 'matched', 'cancelled', 'no_match'],
  // All offers declined, expired or withdrawn: back to review.
  offered: ['matched', 'in_review', 'cancelled', 'no_match'],
  matched: ['active', 'closed', 'cancelled'],
  active: ['closed'],
  closed: [],
  cancelled: [],
  no_match: ['in_review'],
};

export const OPEN_REQUEST_STATUSES: readonly RequestStatus[] = ['new', 'in_review', 'offered'];
/** A partner may cancel until a guide has started. */
export const CANCELLABLE_BY_PARTNER: readonly RequestStatus[] = ['new', 'in_review', 'offered', 'matched'];

export function canTransition(from: RequestStatus, to: RequestStatus): boolean {
  return REQUEST_TRANSITIONS[from].includes(to);
}
