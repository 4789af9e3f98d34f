import { z } from 'zod';
import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule } from '../../server/routing.js';
import { idParams, listOf } from '../../shared/common.js';
import { serviceInput, servicePatchInput, serviceSchema } from '../../shared/serviceDirectory.js';

const errors = problemResponses;

export const serviceDirectoryRoutes: RouteModule = (api, { serviceDirectory }) => {
  const tags = ['Services directory'];
  api.get('/services', {
    schema: {
      tags,
      summary: 'Counselling and regular services (Beratungsstellen, Regeldienste) for referrals',
      response: { 200: listOf(serviceSchema), ...errors },
    },
    handler: (req) => serviceDirectory.list(requireActor(req)),
  });
  api.post('/services', {
    schema: {
      tags,
      summary: 'Add a service to the directory',
      body: serviceInput,
      response: { 201: serviceSchema, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await serviceDirectory.create(requireActor(req), req.body)),
  });
  api.patch('/services/:id', {
    schema: {
      tags,
      summary: 'Edit a service',
      params: idParams,
      body: servicePatchInput,
      response: { 200: serviceSchema, ...errors },
    },
    handler: (req) => serviceDirectory.update(requireActor(req), req.params.id, req.body),
  });
  api.delete('/services/:id', {
    schema: { tags, summary: 'Remove a service', params: idParams, response: { 204: z.null(), ...errors } },
    handler: async (req, reply) => {
      await serviceDirectory.delete(requireActor(req), req.params.id);
      return reply.code(204).send(null);
    },
  });
};
