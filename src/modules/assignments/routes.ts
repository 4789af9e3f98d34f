import { z } from 'zod';
import { type ExportColumn, toXlsx } from '../../documents/spreadsheet.js';
import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule, sendPdf } from '../../server/routing.js';
import {
  activityApproveInput,
  activityInput,
  activityParams,
  activityPatchInput,
  activitySchema,
  activityTotalSchema,
  activityTotalsQuery,
  agreementConfirmInput,
  agreementExtendInput,
  agreementPatchInput,
  agreementPdfQuery,
  agreementSchema,
  assignmentListQuery,
  assignmentSchema,
  closeInput,
  feedbackInput,
} from '../../shared/assignments.js';
import { idParams, listOf } from '../../shared/common.js';
import { translate } from '../../shared/i18n/index.js';
import { agreementPdfFileName } from './agreementPdf.js';

const tags = ['Deployments'];
const errors = problemResponses;

export const assignmentRoutes: RouteModule = (api, { assignments, agreements, activities, ctx }) => {
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
        'Change the agreement. A confirmed version never changes: the change becomes a new version that both sides confirm again',
      params: idParams,
      body: agreementPatchInput,
      response: { 200: assignmentSchema, ...errors },
    },
    handler: async (req) => {
      await agreements.update(requireActor(req), req.params.id, req.body);
      return assignments.get(requireActor(req), req.params.id);
    },
  });
  api.post('/assignments/:id/agreement/confirm', {
    schema: {
      tags,
      summary: 'Confirm the version of the agreement you read, as the guide or as the partner (time-stamped, named)',
      params: idParams,
      body: agreementConfirmInput,
      response: { 200: assignmentSchema, ...errors },
    },
    handler: async (req) => {
      await agreements.confirm(requireActor(req), req.params.id, req.body.version);
      return assignments.get(requireActor(req), req.params.id);
    },
  });
  api.get('/assignments/:id/agreement/versions', {
    schema: {
      tags,
      summary: 'Every version of the agreement, newest first, with who confirmed each when',
      params: idParams,
      response: { 200: listOf(agreementSchema), ...errors },
    },
    handler: (req) => agreements.versions(requireActor(req), req.params.id),
  });
  api.post('/assignments/:id/agreement/extend', {
    schema: {
      tags,
      summary: 'Extend the agreement’s end date; the change is recorded',
      params: idParams,
      body: agreementExtendInput,
      response: { 200: assignmentSchema, ...errors },
    },
    handler: async (req) => {
      await agreements.extend(requireActor(req), req.params.id, req.body);
      return assignments.get(requireActor(req), req.params.id);
    },
  });
  api.get('/assignments/:id/agreement.pdf', {
    schema: {
      tags,
      summary:
        "The agreement as a printable PDF for signatures: the current version, or `?version=`; in the reader's language, or `?lang=`",
      params: idParams,
      querystring: agreementPdfQuery,
      produces: ['application/pdf'],
    },
    handler: async (req, reply) => {
      const pdf = await agreements.pdf(requireActor(req), req.params.id, req.query.version, req.query.lang);
      const name = agreementPdfFileName({
        requestTitle: pdf.requestTitle,
        version: pdf.version,
        date: ctx.now().toISOString().slice(0, 10),
      });
      return sendPdf(reply, name, pdf.bytes);
    },
  });
  api.get('/assignments/:id/activities', {
    schema: {
      tags,
      summary: 'The activity log (Tätigkeitsnachweis) of a deployment',
      params: idParams,
      response: { 200: listOf(activitySchema), ...errors },
    },
    handler: (req) => activities.list(requireActor(req), req.params.id),
  });
  api.post('/assignments/:id/activities', {
    config: { idempotent: true },
    schema: {
      tags,
      summary: 'Log an activity: date, start, end, type, kilometres, expenses, note',
      description:
        'Send an `Idempotency-Key` header (a UUID made when the entry was typed) to make a repeat safe: the same key answers the first result again (header `idempotent-replayed`) and creates nothing; the same key with another body is 422 `idempotency_key_reused`.',
      params: idParams,
      body: activityInput,
      response: { 201: activitySchema, ...errors },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await activities.log(requireActor(req), req.params.id, req.body)),
  });
  api.patch('/assignments/:id/activities/:activityId', {
    schema: {
      tags,
      summary: 'Correct an activity entry until a coordinator approves it (audited)',
      params: activityParams,
      body: activityPatchInput,
      response: { 200: activitySchema, ...errors },
    },
    handler: (req) => activities.correct(requireActor(req), req.params.id, req.params.activityId, req.body),
  });
  api.delete('/assignments/:id/activities/:activityId', {
    schema: {
      tags,
      summary: 'Delete an activity entry until a coordinator approves it (audited)',
      params: activityParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await activities.delete(requireActor(req), req.params.id, req.params.activityId);
      return reply.code(204).send(null);
    },
  });
  api.post('/assignments/:id/activities/approve', {
    schema: {
      tags,
      summary: 'Approve activity entries (coordinator); approved entries are locked evidence',
      params: idParams,
      body: activityApproveInput,
      response: { 200: listOf(activitySchema), ...errors },
    },
    handler: (req) => activities.approve(requireActor(req), req.params.id, req.body),
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
      summary: 'Hours, kilometres and expenses per guide in a period (coordinator: all guides; guide: their own)',
      querystring: activityTotalsQuery,
      response: { 200: listOf(activityTotalSchema), ...errors },
    },
    handler: (req) => assignments.totalsPerGuide(requireActor(req), req.query),
  });
  api.get('/activity-totals.xlsx', {
    schema: {
      tags,
      summary: 'The hours per guide in a period as an XLSX workbook',
      querystring: activityTotalsQuery,
      produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    },
    handler: async (req, reply) => {
      const actor = requireActor(req);
      const { items } = await assignments.totalsPerGuide(actor, req.query);
      const t = (key: string) => translate(actor.locale, `assignments.totals.${key}`);
      const columns: ExportColumn[] = [
        { key: 'lastName', header: t('lastName') },
        { key: 'firstName', header: t('firstName') },
        { key: 'deployments', header: t('deployments'), type: 'number', width: 12 },
        { key: 'activities', header: t('activities'), type: 'number', width: 12 },
        { key: 'hours', header: t('hours'), type: 'number', width: 12 },
        { key: 'km', header: t('km'), type: 'number', width: 12 },
        { key: 'expenses', header: t('expenses'), type: 'number', width: 14 },
      ];
      const rows = items.map((r) => ({
        lastName: r.lastName,
        firstName: r.firstName,
        deployments: r.deployments,
        activities: r.activities,
        hours: Math.round((r.minutes / 60) * 100) / 100,
        km: r.km,
        expenses: r.expensesCents / 100,
      }));
      const period = [req.query.from, req.query.to].filter(Boolean).join('_') || 'gesamt';
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="Stunden-${period}.xlsx"`)
        .send(await toXlsx(t('sheet'), columns, rows));
    },
  });
};
