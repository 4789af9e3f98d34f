/**
 * Which hours recognition counts (pure; issue 11 §4, domain.md "Recognition" and "Ehrenamtskarte Niedersachsen":
 * "the organisation confirms the hours"). Decided here once; the recognition repository builds its SQL from these
 * constants, and the unit tests pin the cases, NULLs included.
 *
 * - **Approved hours only** for the Ehrenamtskarte: the office confirms the hours on the application, so it counts
 *   only what it approved. Hours outside deployments count when their month's time sheet is approved; a month
 *   without a sheet (still a draft), a submitted or a returned month does not count. Deployment hours count once
 *   approved (approving a month approves its deployment activities); NULL `approved_at` does not count.
 * - **Every category of engagement**: deployments, Plenum, courses, supervision, public talks, coordination and
 *   other. The card honours engagement, not paid work: the categories that count towards a funder's cap
 *   (`capCategoryKeys`) play no part here.
 * - **Unpaid hours count** (logged above a programme cap, or NULL `unpaid`): the cap limits money, not engagement.
 * - **Reversals count** with their negative minutes, so a corrected entry sums away.
 */
import { HOUR_CATEGORY_KINDS, type HourCategoryKind, type TimeSheetStatus } from '../hours/kinds.js';

/** Time-sheet states whose hours outside deployments count for the card. */
export const CARD_SHEET_STATUSES: readonly TimeSheetStatus[] = ['approved'];
/** Category kinds whose hours count for the card: all of them. */
export const CARD_CATEGORY_KINDS: readonly HourCategoryKind[] = HOUR_CATEGORY_KINDS;

export type RecognitionHour =
  | { source: 'deployment'; approvedAt: string | Date | null }
  | {
      source: 'entry';
      /** The month's time sheet; null when the guide has not submitted it (a draft month). */
      sheetStatus: TimeSheetStatus | null;
      kind: HourCategoryKind | null;
      unpaid: boolean | null;
    };

/** Whether one logged hour counts towards the Ehrenamtskarte. */
export function countsForCard(hour: RecognitionHour): boolean {
  if (hour.source === 'deployment') return hour.approvedAt !== null && hour.approvedAt !== undefined;
  if (hour.sheetStatus === null || !CARD_SHEET_STATUSES.includes(hour.sheetStatus)) return false;
  // A category always has a kind (NOT NULL); were it missing, the hour still is engagement.
  return hour.kind === null || CARD_CATEGORY_KINDS.includes(hour.kind);
}
