import type { GuideStatus } from '../shared/enums.js';

/** interested → in training → active (certified) ⇄ paused → left; someone who left may show interest again. */
export const GUIDE_STATUS_TRANSITIONS: Record<GuideStatus, readonly GuideStatus[]> = {
  interested: ['in_training', 'left'],
  in_training: ['active', 'interested', 'left'],
  active: ['paused', 'left'],
  paused: ['active', 'left'],
  left: ['interested'],
};

export type StatusChangeError = 'invalid_status_transition' | 'certificate_required';

export function checkStatusChange(
  from: GuideStatus,
  to: GuideStatus,
  guide: { certifiedAt: string | null | undefined },
): StatusChangeError | null {
  if (from === to) return null;
  if (!GUIDE_STATUS_TRANSITIONS[from].includes(to)) return 'invalid_status_transition';
  // Only certified guides are deployed (domain.md, life cycle step 1).
  if (to === 'active' && !guide.certifiedAt) return 'certificate_required';
  return null;
}

/** A new guide may start at any stage (offices migrate existing volunteers), but active still needs a certificate. */
export function checkInitialStatus(status: GuideStatus, guide: { certifiedAt: string | null | undefined }) {
  return status === 'active' && !guide.certifiedAt ? 'certificate_required' : null;
}
