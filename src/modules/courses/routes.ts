import { z } from 'zod';
import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule } from '../../server/routing.js';
import { idParams, listOf } from '../../shared/common.js';
import {
  agendaItemSchema,
  agendaQuery,
  attendanceInput,
  courseCreateInput,
  courseDetailSchema,
  courseEnrolmentParams,
  courseFinishResultSchema,
  courseListQuery,
  coursePatchInput,
  courseSchema,
  courseSessionInput,
  courseSessionParams,
  courseSessionPatchInput,
  courseSessionSchema,
  enrolmentCreateInput,
  enrolmentSchema,
  myCoursesSchema,
} from '../../shared/courses.js';

const tags = ['Courses'];
const errors = problemResponses;
const ICS = 'text/calendar; charset=utf-8';

export const courseRoutes: RouteModule = (api, { courses }) => {
  api.get('/courses', {
    schema: {
      tags,
      summary: "The office's courses (trainers: the courses they teach)",
      querystring: courseListQuery,
      response: { 200: listOf(courseSchema), ...errors },
    },
    handler: (req) => courses.list(requireActor(req), req.query),
  });
  api.post('/courses', {
    schema: {
      tags,
      summary: 'Create a course',
      body: courseCreateInput,
      response: { 201: courseSchema, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await courses.create(requireActor(req), req.body)),
  });
  api.get('/courses/agenda', {
    schema: {
      tags,
      summary: 'Upcoming course sessions (trainers: of their courses)',
      querystring: agendaQuery,
      response: { 200: listOf(agendaItemSchema), ...errors },
    },
    handler: (req) => courses.agenda(requireActor(req), req.query),
  });
  api.get('/courses/:id', {
    schema: {
      tags,
      summary: 'A course with its sessions, enrolments, waiting list and attendance',
      params: idParams,
      response: { 200: courseDetailSchema, ...errors },
    },
    handler: (req) => courses.get(requireActor(req), req.params.id),
  });
  api.patch('/courses/:id', {
    schema: {
      tags,
      summary: 'Change a course (a finished course is not changed: 409)',
      params: idParams,
      body: coursePatchInput,
      response: { 200: courseSchema, ...errors },
    },
    handler: (req) => courses.update(requireActor(req), req.params.id, req.body),
  });
  api.post('/courses/:id/sessions', {
    schema: {
      tags,
      summary: 'Add a session',
      params: idParams,
      body: courseSessionInput,
      response: { 201: courseSessionSchema, ...errors },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await courses.addSession(requireActor(req), req.params.id, req.body)),
  });
  api.patch('/courses/:id/sessions/:sessionId', {
    schema: {
      tags,
      summary: 'Change a session',
      params: courseSessionParams,
      body: courseSessionPatchInput,
      response: { 200: courseSessionSchema, ...errors },
    },
    handler: (req) => courses.updateSession(requireActor(req), req.params.id, req.params.sessionId, req.body),
  });
  api.delete('/courses/:id/sessions/:sessionId', {
    schema: {
      tags,
      summary: 'Remove a session without recorded attendance',
      params: courseSessionParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await courses.deleteSession(requireActor(req), req.params.id, req.params.sessionId);
      return reply.code(204).send(null);
    },
  });
  api.put('/courses/:id/sessions/:sessionId/attendance', {
    schema: {
      tags,
      summary: "Record a session's attendance (coordinator or the course's trainer)",
      params: courseSessionParams,
      body: attendanceInput,
      response: { 200: courseDetailSchema, ...errors },
    },
    handler: (req) =>
      courses.enrolments.recordAttendance(requireActor(req), req.params.id, req.params.sessionId, req.body),
  });
  api.post('/courses/:id/enrolments', {
    schema: {
      tags,
      summary: 'Enrol a guide (waiting list when full; sustainability modules 6 months after the first activity)',
      params: idParams,
      body: enrolmentCreateInput,
      response: { 201: enrolmentSchema, ...errors },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await courses.enrolments.enrol(requireActor(req), req.params.id, req.body.guideId)),
  });
  api.post('/courses/:id/enrolments/:enrolmentId/withdraw', {
    schema: {
      tags,
      summary: 'Withdraw an enrolment; the first on the waiting list moves up',
      params: courseEnrolmentParams,
      response: { 200: courseDetailSchema, ...errors },
    },
    handler: (req) => courses.enrolments.withdraw(requireActor(req), req.params.id, req.params.enrolmentId),
  });
  api.post('/courses/:id/finish', {
    schema: {
      tags,
      summary: 'Finish a course: completions by the completion rule, certification and specialisations',
      params: idParams,
      response: { 200: courseFinishResultSchema, ...errors },
    },
    handler: (req) => courses.enrolments.finish(requireActor(req), req.params.id),
  });
  api.get('/courses/:id/calendar.ics', {
    schema: {
      tags,
      summary: "A course's sessions as an iCalendar feed",
      params: idParams,
      produces: ['text/calendar'],
    },
    handler: async (req, reply) => {
      const { text, fileName } = await courses.calendar(requireActor(req), req.params.id);
      return reply.type(ICS).header('content-disposition', `inline; filename="${fileName}"`).send(text);
    },
  });
  api.get('/me/courses', {
    schema: {
      tags,
      summary: "The signed-in guide's courses: sessions, own attendance and progress towards completion",
      response: { 200: myCoursesSchema, ...errors },
    },
    handler: (req) => courses.mine(requireActor(req)),
  });
  api.get('/me/courses/calendar.ics', {
    schema: {
      tags,
      summary: "The signed-in guide's course sessions as an iCalendar feed",
      produces: ['text/calendar'],
    },
    handler: async (req, reply) => {
      const text = await courses.myCalendar(requireActor(req));
      return reply.type(ICS).header('content-disposition', 'inline; filename="kurse.ics"').send(text);
    },
  });
};
