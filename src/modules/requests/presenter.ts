import { detectOutOfScope, sensitiveCategories } from '../../domain/outOfScope.js';
import type { Actor } from '../../server/context.js';
import type { RequestView } from '../../shared/requests.js';
import type { OfficeSettings } from '../../shared/settings.js';
import { requestPolicy } from './policy.js';
import type { RequestRow } from './repository.js';

export function findingsFor(
  row: Pick<RequestRow, 'matters' | 'field' | 'type' | 'description' | 'notes' | 'title'>,
  settings: OfficeSettings,
) {
  return detectOutOfScope(
    { matters: row.matters, field: row.field, type: row.type, texts: [row.title, row.description, row.notes] },
    settings.outOfScope,
  );
}

type ServiceRow = { id: string; name: string; phone: string | null; url: string | null };

export function presentRequest(
  row: RequestRow,
  partnerName: string | null,
  actor: Actor,
  settings: OfficeSettings,
  services: ServiceRow[] = [],
  assignmentIds: string[] = [],
): RequestView {
  return {
    id: row.id,
    partnerId: row.partnerId,
    partnerName,
    origin: row.origin,
    contactId: row.contactId,
    field: row.field,
    type: row.type as RequestView['type'],
    matters: row.matters as RequestView['matters'],
    title: row.title,
    description: row.description,
    place: row.place,
    meetingPoint: row.meetingPoint,
    onSiteContact: row.onSiteContact,
    districtId: row.districtId,
    guidesNeeded: row.guidesNeeded,
    specialization: row.specialization,
    assignmentIds,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    frequency: row.frequency as RequestView['frequency'],
    expectedHours: row.expectedHours,
    slots: row.slots,
    languages: row.languages,
    preferredGender: row.preferredGender as RequestView['preferredGender'],
    urgency: row.urgency as RequestView['urgency'],
    minorsInvolved: row.minorsInvolved,
    person: {
      initials: row.personInitials,
      ageGroup: row.personAgeGroup as RequestView['person']['ageGroup'],
      languages: row.personLanguages,
      household: row.personHousehold as RequestView['person']['household'],
      householdSize: row.personHouseholdSize,
      consentGiven: row.personConsentGiven,
      consentVersion: row.personConsentVersion,
      consentLanguage: row.personConsentLanguage,
    },
    notes: row.notes,
    status: row.status as RequestView['status'],
    statusReason: row.statusReason,
    statusChangedAt: row.statusChangedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    outOfScope: findingsFor(row, settings),
    suggestedServices: services.map((s) => ({ id: s.id, name: s.name, phone: s.phone, url: s.url })),
    sensitiveTextWarnings: [...new Set([...sensitiveCategories(row.description), ...sensitiveCategories(row.notes)])],
    abilities: requestPolicy.abilities(actor, row),
  };
}
