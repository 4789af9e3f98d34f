import { z } from 'zod';
import { isoDateTimeOut, pagination } from './common.js';

export const auditEventSchema = z.object({
  id: z.uuid(),
  at: isoDateTimeOut,
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** Changed field names with old and new values; personal free text is never copied here. */
  changes: z.record(z.string(), z.unknown()).nullable(),
});
export const auditListQuery = z.strictObject({
  entityType: z.string().max(40).optional(),
  entityId: z.uuid().optional(),
  action: z.string().max(60).optional(),
  ...pagination,
});

export const OUTBOX_STATUSES = ['queued', 'sent', 'failed', 'stored'] as const;
export const REMINDER_KINDS = [
  'review_due',
  'background_check_due',
  'agreement_unconfirmed',
  'offer_unanswered',
] as const;

export const outboxMessageSchema = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  /** Why the last delivery attempt failed (no secrets); null when it did not fail. */
  error: z.string().nullable(),
  attempts: z.number().int(),
  createdAt: isoDateTimeOut,
  sentAt: isoDateTimeOut.nullable(),
});
export const outboxListQuery = z.strictObject({ to: z.string().max(254).optional(), ...pagination });

/**
 * Every action the server writes to the audit log. `recordAudit` accepts only these, and a unit test requires a label
 * for each in every UI language, so the log never shows a raw key.
 */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.password_reset',
  'auth.invitation_accepted',
  'guide.created',
  'guide.updated',
  'guide.viewed',
  'guide.exported',
  'guide.deleted',
  'partner.created',
  'partner.updated',
  'partner.contact_added',
  'user.invited',
  'user.disabled',
  'user.enabled',
  'district.created',
  'district.updated',
  'district.deleted',
  'field_of_action.created',
  'field_of_action.updated',
  'field_of_action.deleted',
  'specialization.created',
  'specialization.updated',
  'specialization.deleted',
  'office.created',
  'office.updated',
  'service.created',
  'service.updated',
  'service.deleted',
  'offer.sent',
  'offer.accepted',
  'offer.declined',
  'offer.withdrawn',
  'settings.updated',
  'request.created',
  'request.updated',
  'request.message',
  'request.status_changed',
  'user.invitation_resent',
  'office.deactivated',
  'office.reactivated',
  'agreement.updated',
  'agreement.extended',
  'agreement.confirmed',
  'agreement.pdf_downloaded',
  'assignment.closed',
  'assignment.feedback',
  'activity.logged',
  'activity.corrected',
  'activity.deleted',
  'activity.approved',
  'mail.resent',
  'privacy.data_exported',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Record types in the audit log; the filter on the audit page offers them all. */
export const AUDIT_ENTITY_TYPES = [
  'guide',
  'partner',
  'user',
  'district',
  'field_of_action',
  'specialization',
  'office',
  'request',
  'offer',
  'assignment',
  'service',
  'outbox',
] as const;

export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

/** Field names that appear in audit changes (diffs of the records above and the extra facts some events carry). */
export const AUDIT_FIELDS = [
  'activities',
  'activityId',
  'activityIds',
  'address',
  'assignmentId',
  'automatic',
  'availability',
  'backgroundCheck',
  'backgroundCheckedAt',
  'backgroundIssuedAt',
  'backgroundRelevantConviction',
  'boundaries',
  'by',
  'capacityCeiling',
  'certifiedAt',
  'changeNote',
  'city',
  'confidentiality',
  'confidentialityPledgeAt',
  'confidentialityPledgeVersion',
  'consent',
  'consentGivenAt',
  'consentLanguage',
  'consentVersion',
  'consentWithdrawnAt',
  'contact',
  'contactChannels',
  'contactId',
  'count',
  'countries',
  'date',
  'description',
  'disabled',
  'districtId',
  'districtTerm',
  'email',
  'endTime',
  'endsOn',
  'expectedHours',
  'expensesCents',
  'fairnessWindowDays',
  'field',
  'fields',
  'firstName',
  'frequency',
  'gender',
  'goal',
  'guideId',
  'guidesNeeded',
  'homeDistrictId',
  'insurance',
  'insuranceTexts',
  'invited',
  'key',
  'km',
  'languageGateForMediation',
  'languageProximity',
  'languages',
  'lastName',
  'lat',
  'locale',
  'lon',
  'matchingWeights',
  'matters',
  'maxActiveAssignments',
  'meetingPoint',
  'minors',
  'minorsInvolved',
  'minutes',
  'name',
  'note',
  'notes',
  'offerExpiryHours',
  'onSiteContact',
  'outOfScope',
  'outcome',
  'override',
  'partnerConfirmed',
  'partnerId',
  'phone',
  'place',
  'postalCode',
  'preferredGender',
  'reason',
  'requestId',
  'reviewAfterDays',
  'reviewOn',
  'role',
  'serviceDistrictIds',
  'shareContact',
  'slots',
  'specialization',
  'specializations',
  'startTime',
  'startsOn',
  'status',
  'steps',
  'street',
  'timeZone',
  'title',
  'topics',
  'type',
  'urgency',
  'url',
  'version',
  'guideIds',
  'format',
] as const;

/**
 * Last resort for a key without a label (a field added later): "backgroundIssuedAt" reads "Background issued at",
 * "field_of_action.created" reads "Field of action: created". Never the raw camelCase key.
 */
export function humaniseKey(key: string): string {
  const words = (part: string) =>
    part
      .replace(/([a-z\d])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .replace(/[_-]+/g, ' ')
      .trim()
      .toLowerCase();
  const text = key.split('.').map(words).filter(Boolean).join(': ');
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : key;
}
