import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule } from '../../server/routing.js';
import { idParams, listOf } from '../../shared/common.js';
import {
  partnerContactInput,
  partnerCreateInput,
  partnerListQuery,
  partnerPatchInput,
  partnerSchema,
} from '../../shared/partners.js';

const tags = ['Partners'];
const errors = problemResponses;

export const partnerRoutes: RouteModule = (api, { partners }) => {
  api.get('/partners', {
    schema: {
      tags,
      summary: 'List partner organisations (Einsatzstellen)',
      querystring: partnerListQuery,
      response: { 200: listOf(partnerSchema), ...errors },
    },
    handler: (req) => partners.list(requireActor(req), req.query),
  });
  api.post('/partners', {
    schema: {
      tags,
      summary: 'Create a partner organisation',
      body: partnerCreateInput,
      response: { 201: partnerSchema, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await partners.create(requireActor(req), req.body)),
  });
  api.get('/partners/:id', {
    schema: {
      tags,
      summary: 'Get a partner organisation with its contacts',
      params: idParams,
      response: { 200: partnerSchema, ...errors },
    },
    handler: (req) => partners.get(requireActor(req), req.params.id),
  });
  api.patch('/partners/:id', {
    schema: {
      tags,
      summary: 'Update a partner organisation',
      params: idParams,
      body: partnerPatchInput,
      response: { 200: partnerSchema, ...errors },
    },
    handler: (req) => partners.update(requireActor(req), req.params.id, req.body),
  });
  api.post('/partners/:id/contacts', {
    schema: {
      tags,
      summary: 'Add a contact person, optionally inviting them as a partner-contact account',
      params: idParams,
      body: partnerContactInput,
      response: { 201: partnerSchema, ...errors },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await partners.addContact(requireActor(req), req.params.id, req.body)),
  });
};
