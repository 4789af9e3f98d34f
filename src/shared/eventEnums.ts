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

/**
 * Files an event accepts, by their content (magic bytes), with the extension the stored name gets: PDF, photos, and the
 * office documents `file-type` recognises from the archive's entries (Word, Excel, OpenDocument text). Macro-enabled
 * Office files are recognised as other types and refused.
 */
export const EVENT_FILE_TYPES = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.oasis.opendocument.text': 'odt',
} as const;
export type EventFileType = keyof typeof EVENT_FILE_TYPES;
export const EVENT_FILE_MAX_BYTES = 10 * 1024 * 1024;
