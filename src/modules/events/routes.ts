import { z } from 'zod';
import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule } from '../../server/routing.js';
import { idParams, listOf, problemSchema } from '../../shared/common.js';
import {
  attendanceInput,
  attendanceResultSchema,
  calendarFeedParams,
  calendarFeedSchema,
  EVENT_FILE_BODY_LIMIT,
  EVENT_FILE_TYPES,
  eventCreateInput,
  eventDetailSchema,
  eventFileParams,
  eventFileSchema,
  eventFileUpload,
  eventListQuery,
  eventListSchema,
  eventPatchInput,
  guideGroupInput,
  guideGroupPatchInput,
  guideGroupSchema,
  rsvpInput,
  rsvpLinkParams,
  rsvpLinkSchema,
} from '../../shared/events.js';

const tags = ['Events'];
const errors = problemResponses;
const ICS = 'text/calendar; charset=utf-8';
const uploadErrors = { ...problemResponses, 413: problemSchema };
const attachment = (name: string) =>
  `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export const eventRoutes: RouteModule = (api, { events }) => {
  api.get('/events', {
    schema: {
      tags,
      summary: 'Events in a range (guides: those they are invited to), with the office time zone',
      querystring: eventListQuery,
      response: { 200: eventListSchema, ...errors },
    },
    handler: (req) => events.list(requireActor(req), req.query),
  });
  api.post('/events', {
    schema: {
      tags,
      summary: 'Create a single event or a recurring series (RRULE); invites its audience at once',
      body: eventCreateInput,
      response: { 201: eventDetailSchema, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await events.create(requireActor(req), req.body)),
  });
  api.get('/events/:id', {
    schema: {
      tags,
      summary: 'An event with answers, attendance (coordinators) and minutes (its audience)',
      params: idParams,
      response: { 200: eventDetailSchema, ...errors },
    },
    handler: (req) => events.get(requireActor(req), req.params.id),
  });
  api.patch('/events/:id', {
    schema: {
      tags,
      summary: 'Change this occurrence, or this and all following ones of its series',
      params: idParams,
      body: eventPatchInput,
      response: { 200: eventDetailSchema, ...errors },
    },
    handler: (req) => events.update(requireActor(req), req.params.id, req.body),
  });
  api.post('/events/:id/rsvp', {
    schema: {
      tags,
      summary: "The signed-in guide's answer (yes counts against the capacity)",
      params: idParams,
      body: rsvpInput,
      response: { 200: eventDetailSchema, ...errors },
    },
    handler: (req) => events.rsvp(requireActor(req), req.params.id, req.body.response),
  });
  api.put('/events/:id/attendance', {
    schema: {
      tags,
      summary: 'Record attendance; attending books hours in the matching time-sheet category',
      params: idParams,
      body: attendanceInput,
      response: { 200: attendanceResultSchema, ...errors },
    },
    handler: (req) => events.recordAttendance(requireActor(req), req.params.id, req.body.items),
  });
  api.post('/events/:id/files', {
    bodyLimit: EVENT_FILE_BODY_LIMIT,
    schema: {
      tags,
      summary: 'Add a file to an event as base64 JSON (PDF, photo, DOCX, XLSX or ODT by content; at most 10 MB)',
      params: idParams,
      body: eventFileUpload,
      response: { 201: eventFileSchema, ...uploadErrors },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await events.addFile(requireActor(req), req.params.id, req.body)),
  });
  api.get('/events/:id/files/:fileId', {
    schema: {
      tags,
      summary: "An event's file as a download (whoever may see the event)",
      params: eventFileParams,
      produces: Object.keys(EVENT_FILE_TYPES),
      response: { ...errors },
    },
    handler: async (req, reply) => {
      const file = await events.file(requireActor(req), req.params.id, req.params.fileId);
      // Always a download, never rendered in the app's origin; CSP and no-store come from the security headers hook.
      return reply
        .type(file.contentType)
        .header('content-disposition', attachment(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .send(file.bytes as never);
    },
  });
  api.delete('/events/:id/files/:fileId', {
    schema: {
      tags,
      summary: 'Remove a file from an event',
      params: eventFileParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await events.deleteFile(requireActor(req), req.params.id, req.params.fileId);
      return reply.code(204).send(null);
    },
  });
  api.get('/event-groups', {
    schema: {
      tags,
      summary: 'Guide groups (an audience of events)',
      response: { 200: listOf(guideGroupSchema), ...errors },
    },
    handler: (req) => events.listGroups(requireActor(req)),
  });
  api.post('/event-groups', {
    schema: {
      tags,
      summary: 'Create a guide group',
      body: guideGroupInput,
      response: { 201: guideGroupSchema, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await events.createGroup(requireActor(req), req.body)),
  });
  api.patch('/event-groups/:id', {
    schema: {
      tags,
      summary: 'Rename a guide group or replace its members (affects occurrences created afterwards)',
      params: idParams,
      body: guideGroupPatchInput,
      response: { 200: guideGroupSchema, ...errors },
    },
    handler: (req) => events.updateGroup(requireActor(req), req.params.id, req.body),
  });
  api.get('/event-links/:token', {
    config: { public: true },
    schema: {
      tags,
      summary: "What a guide's personal answer link is about, before answering",
      params: rsvpLinkParams,
      response: { 200: rsvpLinkSchema, ...errors },
    },
    handler: (req) => events.describeLink(req.params.token),
  });
  api.post('/event-links/:token', {
    config: { public: true },
    schema: {
      tags,
      summary: 'Answer an invitation through the personal link from the e-mail, without signing in',
      params: rsvpLinkParams,
      body: rsvpInput,
      response: { 200: rsvpLinkSchema, ...errors },
    },
    handler: (req) => events.answerByLink(req.params.token, req.body.response),
  });
  api.post('/me/calendar-feed', {
    schema: {
      tags,
      summary: 'A new secret URL of the personal calendar feed (the previous one stops working)',
      response: { 200: calendarFeedSchema, ...errors },
    },
    handler: (req) => events.renewFeed(requireActor(req)),
  });
  api.get('/calendar/:file', {
    config: { public: true },
    schema: {
      tags,
      summary: 'The personal calendar feed (events, course sessions) behind its secret URL',
      params: calendarFeedParams,
      produces: ['text/calendar'],
      response: { ...errors },
    },
    handler: async (req, reply) => {
      const text = await events.feed(req.params.file.replace(/\.ics$/, ''));
      return reply
        .type(ICS)
        .header('cache-control', 'private, no-store')
        .send(text as never);
    },
  });
};
