import { z } from 'zod';
import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule } from '../../server/routing.js';
import { idParams, listOf } from '../../shared/common.js';
import {
  countrySchema,
  districtInput,
  districtListSchema,
  districtPatchInput,
  districtSchema,
  languageSchema,
  referenceItemSchema,
  referenceKeyInput,
  referenceLocaleQuery,
  referenceNamePatch,
} from '../../shared/reference.js';
import { ReferenceService } from './service.js';

const tags = ['Reference data'];
const errors = problemResponses;
const keyParams = z.strictObject({ key: z.string().regex(/^[a-z0-9_]{1,40}$/) });

export const referenceRoutes: RouteModule = (api, { reference }) => {
  api.get('/languages', {
    schema: {
      tags,
      summary: 'Languages (ISO 639) with names in the requested and the native language',
      querystring: referenceLocaleQuery,
      response: { 200: listOf(languageSchema), ...errors },
    },
    handler: (req) => ReferenceService.languages(req.query.locale),
  });
  api.get('/countries', {
    schema: {
      tags,
      summary: 'Countries (ISO 3166-1)',
      querystring: referenceLocaleQuery,
      response: { 200: listOf(countrySchema), ...errors },
    },
    handler: (req) => ReferenceService.countries(req.query.locale),
  });

  api.get('/districts', {
    schema: {
      tags,
      summary: "The office's districts with centre points",
      response: { 200: districtListSchema, ...errors },
    },
    handler: (req) => reference.listDistricts(requireActor(req)),
  });
  api.post('/districts', {
    schema: { tags, summary: 'Add a district', body: districtInput, response: { 201: districtSchema, ...errors } },
    handler: async (req, reply) => reply.code(201).send(await reference.createDistrict(requireActor(req), req.body)),
  });
  api.patch('/districts/:id', {
    schema: {
      tags,
      summary: 'Rename or move a district',
      params: idParams,
      body: districtPatchInput,
      response: { 200: districtSchema, ...errors },
    },
    handler: (req) => reference.updateDistrict(requireActor(req), req.params.id, req.body),
  });
  api.delete('/districts/:id', {
    schema: { tags, summary: 'Remove a district', params: idParams, response: { 204: z.null(), ...errors } },
    handler: async (req, reply) => {
      await reference.deleteDistrict(requireActor(req), req.params.id);
      return reply.code(204).send(null);
    },
  });

  for (const kind of ['fields', 'specializations'] as const) {
    const label = kind === 'fields' ? 'fields of action' : 'specialisations';
    api.get(`/${kind}`, {
      schema: { tags, summary: `The office's ${label}`, response: { 200: listOf(referenceItemSchema), ...errors } },
      handler: (req) => reference.listItems(requireActor(req), kind),
    });
    api.post(`/${kind}`, {
      schema: {
        tags,
        summary: `Add one of the office's ${label}`,
        body: referenceKeyInput,
        response: { 201: referenceItemSchema, ...errors },
      },
      handler: async (req, reply) =>
        reply.code(201).send(await reference.createItem(requireActor(req), kind, req.body)),
    });
    api.patch(`/${kind}/:key`, {
      schema: {
        tags,
        summary: `Rename one of the office's ${label}, or change its names in the other UI languages`,
        params: keyParams,
        body: referenceNamePatch,
        response: { 200: referenceItemSchema, ...errors },
      },
      handler: (req) => reference.renameItem(requireActor(req), kind, req.params.key, req.body),
    });
    api.delete(`/${kind}/:key`, {
      schema: {
        tags,
        summary: `Remove one of the office's ${label}`,
        params: keyParams,
        response: { 204: z.null(), ...errors },
      },
      handler: async (req, reply) => {
        await reference.deleteItem(requireActor(req), kind, req.params.key);
        return reply.code(204).send(null);
      },
    });
  }
};
