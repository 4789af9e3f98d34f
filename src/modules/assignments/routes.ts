import { z } from 'zod';
import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule } from '../../server/routing.js';
import {
  activityInput,
  activitySchema,
  agreementExtendInput,
  agreementPatchInput,
  assignmentListQuery,
  assignmentSchema,
  closeInput,
  feedbackInput,
} from '../../shared/assignments.js';
import { idParams, listOf } from '../../shared/common.js';

const tags = ['Deployments'];
const errors = problemResponses;

export const assignmentRoutes: RouteModule = (api, { assignments }) => {
  api.get('/assignments', {
    schema: {
      tags,
      summary: 'Deployments (Einsätze): all for coordinators, own for guides, the organisation’s for partners',
      querystring: assignmentListQuery,
      response: { 200: listOf(assignmentSchema), ...errors },
    },
    handler: (req) => assignments.list(requireActor(req), req.query),
  });
  api.get('/assignments/:id', {
    schema: {
      tags,
      summary: 'A deployment with its agreement and totals',
      params: idParams,
      response: { 200: assignmentSchema, ...errors },
    },
    handler: (req) => assignments.get(requireActor(req), req.params.id),
  });
  api.patch('/assignments/:id/agreement', {
    schema: {
      tags,
      summary:
        'Edit the agreement (goal, steps, contact channels, review date); goal or step changes need new confirmations',
      params: idParams,
      body: agreementPatchInput,
      response: { 200: assignmentSchema, ...errors },
    },
    handler: (req) => assignments.updateAgreement(requireActor(req), req.params.id, req.body),
  });
  api.post('/assignments/:id/agreement/confirm', {
    schema: {
      tags,
      summary: 'Confirm the agreement as the guide or as the partner (time-stamped)',
      params: idParams,
      response: { 200: assignmentSchema, ...errors },
    },
    handler: (req) => assignments.confirmAgreement(requireActor(req), req.params.id),
  });
  api.post('/assignments/:id/agreement/extend', {
    schema: {
      tags,
      summary: 'Extend the agreement’s end date; the change is recorded',
      params: idParams,
      body: agreementExtendInput,
      response: { 200: assignmentSchema, ...errors },
    },
    handler: (req) => assignments.extend(requireActor(req), req.params.id, req.body),
  });
  api.get('/assignments/:id/agreement.pdf', {
    schema: {
      tags,
      summary: 'The agreement as a printable PDF for signatures (German)',
      params: idParams,
      produces: ['application/pdf'],
    },
    handler: async (req, reply) => {
      const pdf = await assignments.agreementPdf(requireActor(req), req.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="vereinbarung.pdf"')
        .send(Buffer.from(pdf));
    },
  });
  api.get('/assignments/:id/activities', {
    schema: {
      tags,
      summary: 'The activity log (Tätigkeitsnachweis) of a deployment',
      params: idParams,
      response: { 200: listOf(activitySchema), ...errors },
    },
    handler: (req) => assignments.listActivities(requireActor(req), req.params.id),
  });
  api.post('/assignments/:id/activities', {
    schema: {
      tags,
      summary: 'Log an activity: date, start, end, type, kilometres, expenses, note',
      params: idParams,
      body: activityInput,
      response: { 201: activitySchema, ...errors },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await assignments.logActivity(requireActor(req), req.params.id, req.body)),
  });
  api.post('/assignments/:id/close', {
    schema: {
      tags,
      summary: 'Close a deployment with its outcome and feedback',
      params: idParams,
      body: closeInput,
      response: { 200: assignmentSchema, ...errors },
    },
    handler: (req) => assignments.close(requireActor(req), req.params.id, req.body),
  });
  api.post('/assignments/:id/feedback', {
    schema: {
      tags,
      summary: 'Feedback from the guide or the partner',
      params: idParams,
      body: feedbackInput,
      response: { 200: assignmentSchema, ...errors },
    },
    handler: (req) => assignments.feedback(requireActor(req), req.params.id, req.body.feedback),
  });
  api.get('/activity-totals', {
    schema: {
      tags,
      summary: 'Hours, kilometres and expenses per guide (coordinator)',
      response: {
        200: listOf(
          z.object({
            guideId: z.uuid(),
            firstName: z.string(),
            lastName: z.string(),
            minutes: z.number(),
            km: z.number(),
            expensesCents: z.number(),
          }),
        ),
        ...errors,
      },
    },
    handler: (req) => assignments.totalsPerGuide(requireActor(req)),
  });
};
