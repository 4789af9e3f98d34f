import type { Actor } from '../../server/context.js';
import type { Assignment } from '../../shared/assignments.js';
import type { Locale } from '../../shared/enums.js';
import { translate } from '../../shared/i18n/index.js';
import { assignmentPolicy } from './policy.js';
import type { AgreementRow, AssignmentRow } from './repository.js';

export type Totals = { activities: number; minutes: number; km: number; expensesCents: number };
export const NO_TOTALS: Totals = { activities: 0, minutes: 0, km: 0, expensesCents: 0 };

type Listed = {
  assignment: AssignmentRow;
  requestTitle: string;
  guideFirst: string;
  guideLast: string;
  guideEmail: string | null;
  guidePhone: string | null;
  guideShareContact: string;
  /** Null for a deployment from a public request (no partner). */
  partnerName: string | null;
};

/**
 * The first name and the one contact channel the guide agreed to share, so that the partner can arrange the first
 * meeting without phoning the office; only while the deployment runs. Nothing when the guide shares nothing.
 */
function guideContactOf(row: Listed): Assignment['guideContact'] {
  if (row.assignment.status === 'closed') return null;
  const channel = row.guideShareContact;
  const value = channel === 'phone' ? row.guidePhone : channel === 'email' ? row.guideEmail : null;
  return value ? { firstName: row.guideFirst, channel: channel as 'phone' | 'email', value } : null;
}

const AUTO = 'auto:';

/** A change note the system writes, stored as a key and parameters so that every reader gets it in their language. */
export function autoNote(kind: 'draft' | 'changed' | 'extended', params: Record<string, string> = {}): string {
  return `${AUTO}${JSON.stringify({ kind, params })}`;
}

/** The change note in the reader's language (typed notes stay as written). */
export function readNote(note: string | null, locale: Locale): string | null {
  if (!note?.startsWith(AUTO)) return note;
  try {
    const { kind, params } = JSON.parse(note.slice(AUTO.length)) as { kind: string; params: Record<string, string> };
    return translate(locale, `assignments.autoNote.${kind}`, params);
  } catch {
    return null;
  }
}

/**
 * An agreement version as the reader sees it. Partner contacts see the guide's first name only, also where the guide
 * confirmed (data minimisation); the office and the guide see the full name.
 */
export function presentAgreement(
  a: AgreementRow | undefined,
  actor?: Actor,
  guideFirstName?: string,
): Assignment['agreement'] {
  if (!a) return null;
  const partnerView = actor?.role === 'partner_contact';
  return {
    id: a.id,
    goal: a.goal,
    steps: a.steps as { title: string; status: 'open' }[],
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    frequency: a.frequency as 'once',
    contactChannels: a.contactChannels,
    boundaries: a.boundaries,
    confidentiality: a.confidentiality,
    reviewOn: a.reviewOn,
    insurance: a.insurance,
    guideConfirmedAt: a.guideConfirmedAt?.toISOString() ?? null,
    guideConfirmedBy: partnerView && a.guideConfirmedBy ? (guideFirstName ?? null) : a.guideConfirmedBy,
    partnerConfirmedAt: a.partnerConfirmedAt?.toISOString() ?? null,
    partnerConfirmedBy: a.partnerConfirmedBy,
    extensions: a.extensions,
    version: a.version,
    changeNote: readNote(a.changeNote, actor?.locale ?? 'de'),
    createdByName: a.createdByName,
    createdAt: a.createdAt.toISOString(),
    supersededAt: a.supersededAt?.toISOString() ?? null,
  };
}

export function presentAssignment(
  row: Listed,
  agreement: AgreementRow | undefined,
  totals: Totals,
  actor: Actor,
): Assignment {
  const a = row.assignment;
  return {
    id: a.id,
    requestId: a.requestId,
    requestTitle: row.requestTitle,
    guideId: a.guideId,
    // Partners see the guide's first name only (data minimisation); the office and the guide see the full name.
    guideName: actor.role === 'partner_contact' ? row.guideFirst : `${row.guideFirst} ${row.guideLast}`,
    guideContact: guideContactOf(row),
    partnerId: a.partnerId,
    partnerName: row.partnerName,
    status: a.status as 'active',
    startedAt: a.startedAt.toISOString(),
    closedAt: a.closedAt?.toISOString() ?? null,
    outcome: a.outcome as 'goal_reached' | null,
    referredTo: a.referredTo,
    endedEarlyReason: a.endedEarlyReason,
    guideFeedback: a.guideFeedback,
    partnerFeedback: a.partnerFeedback,
    agreement: presentAgreement(agreement, actor, row.guideFirst),
    totals,
    abilities: assignmentPolicy.abilities(actor, a, agreement),
  };
}
