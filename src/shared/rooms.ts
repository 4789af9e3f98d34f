/** Rooms and room bookings (issue 12 §2): the contract shared by server, OpenAPI and the SPA. */

/** What a booking is for; each purpose may link the thing it serves. */
export const ROOM_BOOKING_PURPOSES = ['event', 'course_session', 'assignment', 'other'] as const;
export type RoomBookingPurpose = (typeof ROOM_BOOKING_PURPOSES)[number];

/** Equipment a room may have, as keys the UI translates (rooms.equipment.*). */
export const ROOM_EQUIPMENT = [
  'projector',
  'screen',
  'whiteboard',
  'flipchart',
  'wifi',
  'kitchen',
  'hearing_loop',
  'video_conference',
] as const;
export type RoomEquipment = (typeof ROOM_EQUIPMENT)[number];
