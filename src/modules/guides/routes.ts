import { z } from 'zod';
import { toCsv, toXlsx } from '../../documents/spreadsheet.js';
import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule } from '../../server/routing.js';
import { idParams, listOf } from '../../shared/common.js';
import {
  guideCreateInput,
  guideDetailSchema,
  guideListItem,
  guideListQuery,
  guidePatchInput,
  guideSchema,
} from '../../shared/guides.js';
import { guideExportColumns } from './presenter.js';

const tags = ['Guides'];
const errors = problemResponses;
const exportQuery = guideListQuery.omit({ limit: true, offset: true, sort: true, order: true });

export const guideRoutes: RouteModule = (api, { guides }) => {
  api.get('/guides', {
    schema: {
      tags,
      summary: 'List guides (Lots:innen) with filters',
      querystring: guideListQuery,
      response: { 200: listOf(guideListItem), ...errors },
    },
    handler: (req) => guides.list(requireActor(req), req.query),
  });
  api.post('/guides', {
    schema: { tags, summary: 'Create a guide', body: guideCreateInput, response: { 201: guideSchema, ...errors } },
    handler: async (req, reply) => reply.code(201).send(await guides.create(requireActor(req), req.body)),
  });
  api.get('/guides/export.xlsx', {
    schema: {
      tags,
      summary: 'Export the filtered guide list as XLSX',
      querystring: exportQuery,
      produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    },
    handler: async (req, reply) => {
      const actor = requireActor(req);
      const rows = await guides.exportRows(actor, req.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="lotsinnen.xlsx"')
        .send(await toXlsx('Lots:innen', guideExportColumns(actor.locale), rows));
    },
  });
  api.get('/guides/export.csv', {
    schema: {
      tags,
      summary: 'Export the filtered guide list as CSV',
      querystring: exportQuery,
      produces: ['text/csv'],
    },
    handler: async (req, reply) => {
      const actor = requireActor(req);
      const rows = await guides.exportRows(actor, req.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="lotsinnen.csv"')
        .send(toCsv(guideExportColumns(actor.locale), rows, actor.locale));
    },
  });
  api.get('/guides/:id', {
    schema: {
      tags,
      summary: 'Get a guide (the read is recorded in the audit log)',
      params: idParams,
      response: { 200: guideDetailSchema, ...errors },
    },
    handler: (req) => guides.get(requireActor(req), req.params.id),
  });
  api.patch('/guides/:id', {
    schema: {
      tags,
      summary: 'Update a guide',
      params: idParams,
      body: guidePatchInput,
      response: { 200: guideSchema, ...errors },
    },
    handler: (req) => guides.update(requireActor(req), req.params.id, req.body),
  });
  api.delete('/guides/:id', {
    schema: {
      tags,
      summary: 'Delete a guide and their personal data',
      params: idParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await guides.delete(requireActor(req), req.params.id);
      return reply.code(204).send(null);
    },
  });
};
