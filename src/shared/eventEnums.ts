/** Vocabularies of events (issue 12 §1), kept apart from the contract so the schema can import them cheaply. */
export const EVENT_TYPES = [
  'plenum',
  'supervision',
  'peer_consultation',
  'info_evening',
  'training',
  'celebration',
  'other',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Who is invited: all active guides of the office, the members of a guide group, or named guides. */
export const EVENT_AUDIENCES = ['all_guides', 'group', 'invited'] as const;
export type EventAudience = (typeof EVENT_AUDIENCES)[number];

export const RSVP_RESPONSES = ['yes', 'no', 'maybe'] as const;
export type RsvpResponse = (typeof RSVP_RESPONSES)[number];

/** The hour category kind an attended event is booked to (src/domain/hours/kinds.ts). */
export const EVENT_HOUR_KIND = {
  plenum: 'plenum',
  supervision: 'supervision',
  peer_consultation: 'supervision',
  training: 'course',
  info_evening: 'other',
  celebration: 'other',
  other: 'other',
} as const satisfies Record<EventType, string>;

/** Occurrences are materialised this many months ahead. */
export const EVENT_HORIZON_MONTHS = 12;
