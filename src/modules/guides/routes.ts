import { z } from 'zod';
import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule } from '../../server/routing.js';
import { idParams, listOf } from '../../shared/common.js';
import { guideCreateInput, guideListQuery, guidePatchInput, guideSchema } from '../../shared/guides.js';
import { type ExportColumn, toCsv, toXlsx } from './export.js';

const tags = ['Guides'];
const errors = problemResponses;
const guideDetail = guideSchema.extend({
  statusHistory: z.array(z.object({ status: z.string(), at: z.string() })),
});
const exportQuery = guideListQuery.omit({ limit: true, offset: true, sort: true, order: true });

const EXPORT_COLUMNS: ExportColumn[] = [
  { key: 'lastName', header: 'Nachname' },
  { key: 'firstName', header: 'Vorname' },
  { key: 'status', header: 'Status', width: 12 },
  { key: 'email', header: 'E-Mail', width: 30 },
  { key: 'phone', header: 'Telefon' },
  { key: 'languages', header: 'Sprachen', width: 30 },
  { key: 'countries', header: 'Herkunftsländer' },
  { key: 'homeDistrict', header: 'Wohnbezirk' },
  { key: 'serviceDistricts', header: 'Einsatzbezirke', width: 40 },
  { key: 'specializations', header: 'Spezialisierungen', width: 30 },
  { key: 'fields', header: 'Handlungsfelder', width: 40 },
  { key: 'maxActiveAssignments', header: 'Max. Einsätze', width: 12 },
  { key: 'certifiedAt', header: 'Zertifikat', width: 12 },
  { key: 'backgroundCheck', header: 'Führungszeugnis', width: 14 },
];

export const guideRoutes: RouteModule = (api, { guides }) => {
  api.get('/guides', {
    schema: {
      tags,
      summary: 'List guides (Lots:innen) with filters',
      querystring: guideListQuery,
      response: { 200: listOf(guideSchema), ...errors },
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
      const rows = await guides.exportRows(requireActor(req), req.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="lotsinnen.xlsx"')
        .send(await toXlsx('Lots:innen', EXPORT_COLUMNS, rows));
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
      const rows = await guides.exportRows(requireActor(req), req.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="lotsinnen.csv"')
        .send(toCsv(EXPORT_COLUMNS, rows));
    },
  });
  api.get('/guides/:id', {
    schema: {
      tags,
      summary: 'Get a guide (the read is recorded in the audit log)',
      params: idParams,
      response: { 200: guideDetail, ...errors },
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
