import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule } from '../../server/routing.js';
import { idParams, listOf } from '../../shared/common.js';
import { officeCreateInput, officePatchInput, officeSchema } from '../../shared/offices.js';

const tags = ['Offices'];
const errors = problemResponses;

export const officeRoutes: RouteModule = (api, { offices }) => {
  api.get('/offices', {
    schema: {
      tags,
      summary: 'List coordination offices (platform admin)',
      response: { 200: listOf(officeSchema), ...errors },
    },
    handler: (req) => offices.list(requireActor(req)),
  });
  api.post('/offices', {
    schema: {
      tags,
      summary: 'Create a coordination office, optionally inviting its first coordinator',
      body: officeCreateInput,
      response: { 201: officeSchema, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await offices.create(requireActor(req), req.body)),
  });
  api.get('/offices/:id', {
    schema: {
      tags,
      summary: 'Get an office (platform admin, or a member of that office)',
      params: idParams,
      response: { 200: officeSchema, ...errors },
    },
    handler: (req) => offices.get(requireActor(req), req.params.id),
  });
  api.patch('/offices/:id', {
    schema: {
      tags,
      summary: 'Rename an office',
      params: idParams,
      body: officePatchInput,
      response: { 200: officeSchema, ...errors },
    },
    handler: (req) => offices.update(requireActor(req), req.params.id, req.body),
  });
};
