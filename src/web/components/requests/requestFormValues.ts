import type { UseFormReturnType } from '@mantine/form';
import type { RequestItem } from '../../api/coordinationTypes';

export type SlotRow = { key: string; weekday: string; from: string; to: string };

export type RequestFormValues = {
  partnerId: string;
  contactId: string;
  title: string;
  field: string;
  type: string;
  matters: string[];
  description: string;
  place: string;
  meetingPoint: string;
  onSiteContact: string;
  districtId: string;
  guidesNeeded: number | string | null;
  specialization: string;
  startsOn: string;
  endsOn: string;
  frequency: string;
  expectedHours: number | string | null;
  slots: SlotRow[];
  languages: string[];
  preferredGender: string;
  urgency: string;
  minorsInvolved: '' | 'yes' | 'no';
  person: {
    initials: string;
    ageGroup: string;
    languages: string[];
    household: string;
    householdSize: number | string | null;
    consentGiven: boolean;
    consentVersion: string;
    consentLanguage: string;
  };
  notes: string;
};

export type RequestFormType = UseFormReturnType<RequestFormValues>;

let counter = 0;
export const newSlotRow = (): SlotRow => ({ key: `slot-${++counter}`, weekday: '', from: '', to: '' });

export function toRequestValues(r?: RequestItem, partnerId = ''): RequestFormValues {
  return {
    partnerId: r?.partnerId ?? partnerId,
    contactId: r?.contactId ?? '',
    title: r?.title ?? '',
    field: r?.field ?? '',
    type: r?.type ?? '',
    matters: r?.matters ?? [],
    description: r?.description ?? '',
    place: r?.place ?? '',
    meetingPoint: r?.meetingPoint ?? '',
    onSiteContact: r?.onSiteContact ?? '',
    districtId: r?.districtId ?? '',
    guidesNeeded: r?.guidesNeeded ?? 1,
    specialization: r?.specialization ?? '',
    startsOn: r?.startsOn ?? '',
    endsOn: r?.endsOn ?? '',
    frequency: r?.frequency ?? '',
    expectedHours: r?.expectedHours ?? '',
    slots: (r?.slots ?? []).map((s) => ({ ...newSlotRow(), weekday: String(s.weekday), from: s.from, to: s.to })),
    languages: r?.languages ?? [],
    preferredGender: r?.preferredGender ?? '',
    urgency: r?.urgency ?? 'normal',
    minorsInvolved: r ? (r.minorsInvolved ? 'yes' : 'no') : '',
    person: {
      initials: r?.person.initials ?? '',
      ageGroup: r?.person.ageGroup ?? '',
      languages: r?.person.languages ?? [],
      household: r?.person.household ?? 'individual',
      householdSize: r?.person.householdSize ?? 1,
      consentGiven: r?.person.consentGiven ?? false,
      consentVersion: r?.person.consentVersion ?? '',
      consentLanguage: r?.person.consentLanguage ?? '',
    },
    notes: r?.notes ?? '',
  };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** The fields both POST and PATCH accept. */
function commonBody(v: RequestFormValues) {
  return {
    title: v.title.trim(),
    field: v.field,
    type: v.type,
    matters: v.matters,
    description: v.description.trim(),
    place: orNull(v.place),
    meetingPoint: orNull(v.meetingPoint),
    onSiteContact: orNull(v.onSiteContact),
    districtId: v.districtId,
    guidesNeeded: Number(v.guidesNeeded) || 1,
    specialization: v.specialization || null,
    startsOn: v.startsOn,
    endsOn: v.endsOn || null,
    frequency: v.frequency,
    expectedHours: Number(v.expectedHours),
    slots: v.slots
      .filter((s) => s.weekday || s.from || s.to)
      .map((s) => ({ weekday: Number(s.weekday), from: s.from, to: s.to })),
    languages: v.languages,
    preferredGender: v.preferredGender || null,
    urgency: v.urgency,
    minorsInvolved: v.minorsInvolved === 'yes',
    notes: orNull(v.notes),
  };
}

export function toCreateBody(v: RequestFormValues, withPartner: boolean) {
  const consent = v.person.consentGiven;
  return {
    ...(withPartner ? { partnerId: v.partnerId } : {}),
    ...(withPartner && v.contactId ? { contactId: v.contactId } : {}),
    ...commonBody(v),
    person: {
      initials: v.person.initials.trim(),
      ageGroup: v.person.ageGroup,
      languages: v.person.languages,
      household: v.person.household,
      householdSize: v.person.household === 'family' ? Number(v.person.householdSize) : 1,
      consentGiven: consent,
      consentVersion: consent ? orNull(v.person.consentVersion) : null,
      consentLanguage: consent ? v.person.consentLanguage || null : null,
    },
  };
}

export const toPatchBody = (v: RequestFormValues) => commonBody(v);
