import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule } from '../../server/routing.js';
import { idParams, listOf } from '../../shared/common.js';
import {
  roomBookingInput,
  roomBookingListQuery,
  roomBookingSchema,
  roomCreateInput,
  roomDeleteResult,
  roomListQuery,
  roomPatchInput,
  roomSchema,
} from '../../shared/rooms.js';

const tags = ['Rooms'];
const errors = problemResponses;

export const roomRoutes: RouteModule = (api, { rooms }) => {
  api.get('/rooms', {
    schema: {
      tags,
      summary: "List the office's rooms and partners' rooms it may use",
      querystring: roomListQuery,
      response: { 200: listOf(roomSchema), ...errors },
    },
    handler: (req) => rooms.list(requireActor(req), req.query),
  });
  api.post('/rooms', {
    schema: { tags, summary: 'Add a room', body: roomCreateInput, response: { 201: roomSchema, ...errors } },
    handler: async (req, reply) => reply.code(201).send(await rooms.create(requireActor(req), req.body)),
  });
  api.get('/rooms/:id', {
    schema: { tags, summary: 'Get a room', params: idParams, response: { 200: roomSchema, ...errors } },
    handler: (req) => rooms.get(requireActor(req), req.params.id),
  });
  api.patch('/rooms/:id', {
    schema: {
      tags,
      summary: 'Change a room, or archive it (archived: true) or bring it back',
      params: idParams,
      body: roomPatchInput,
      response: { 200: roomSchema, ...errors },
    },
    handler: (req) => rooms.update(requireActor(req), req.params.id, req.body),
  });
  api.delete('/rooms/:id', {
    schema: {
      tags,
      summary: 'Delete a room that was never booked; a room with bookings is archived instead',
      params: idParams,
      response: { 200: roomDeleteResult, ...errors },
    },
    handler: (req) => rooms.remove(requireActor(req), req.params.id),
  });
  api.get('/room-bookings', {
    schema: {
      tags,
      summary: 'Live bookings overlapping a time range, of one room or of all rooms (the week view)',
      querystring: roomBookingListQuery,
      response: { 200: listOf(roomBookingSchema), ...errors },
    },
    handler: (req) => rooms.listBookings(requireActor(req), req.query),
  });
  api.post('/room-bookings', {
    schema: {
      tags,
      summary: 'Book a room; 409 room_double_booked names the booking in the way',
      body: roomBookingInput,
      response: { 201: roomBookingSchema, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await rooms.book(requireActor(req), req.body)),
  });
  api.post('/room-bookings/:id/cancel', {
    schema: {
      tags,
      summary: 'Cancel a booking: it stays on record and frees the room',
      params: idParams,
      response: { 200: roomBookingSchema, ...errors },
    },
    handler: (req) => rooms.cancelBooking(requireActor(req), req.params.id),
  });
};
