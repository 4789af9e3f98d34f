import { z } from 'zod';
import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule } from '../../server/routing.js';
import { idParams } from '../../shared/common.js';
import {
  guidePauseEndedSchema,
  guidePauseInput,
  guidePauseListSchema,
  guidePauseParams,
  guidePauseSchema,
} from '../../shared/guidePauses.js';

const tags = ['Guides'];

export const guidePauseRoutes: RouteModule = (api, { guidePauses }) => {
  api.get('/guides/:id/pauses', {
    schema: {
      tags,
      summary: "A guide's own pauses (holiday, illness): for the guide and the office's coordinators",
      params: idParams,
      response: { 200: guidePauseListSchema, ...problemResponses },
    },
    handler: (req) => guidePauses.list(requireActor(req), req.params.id),
  });
  api.post('/guides/:id/pauses', {
    schema: {
      tags,
      summary: 'The guide pauses themself from one date to another (inclusive); matching leaves them out meanwhile',
      params: idParams,
      body: guidePauseInput,
      response: { 201: guidePauseSchema, ...problemResponses },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await guidePauses.create(requireActor(req), req.params.id, req.body)),
  });
  api.post('/guides/:id/pauses/:pauseId/end', {
    schema: {
      tags,
      summary: 'End a pause early: it ends yesterday, or is deleted when it has not begun',
      params: guidePauseParams,
      response: { 200: guidePauseEndedSchema, ...problemResponses },
    },
    handler: (req) => guidePauses.end(requireActor(req), req.params.id, req.params.pauseId),
  });
  api.delete('/guides/:id/pauses/:pauseId', {
    schema: {
      tags,
      summary: 'Delete one of the guide’s own pauses',
      params: guidePauseParams,
      response: { 204: z.null(), ...problemResponses },
    },
    handler: async (req, reply) => {
      await guidePauses.delete(requireActor(req), req.params.id, req.params.pauseId);
      return reply.code(204).send(null);
    },
  });
};
