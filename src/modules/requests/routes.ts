import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule } from '../../server/routing.js';
import { idParams, listOf } from '../../shared/common.js';
import { candidatesQuery, candidatesResponse, offerCreateInput, offerSchema } from '../../shared/matching.js';
import {
  partnerRequestCreateInput,
  requestDetailSchema,
  requestListQuery,
  requestMessageInput,
  requestPatchInput,
  requestSchema,
  requestTransitionInput,
} from '../../shared/requests.js';

const tags = ['Requests'];
const errors = problemResponses;

export const requestRoutes: RouteModule = (api, { requests, offers }) => {
  api.get('/requests', {
    schema: {
      tags,
      summary: 'List requests (Einsatzanfragen); partner contacts see only their organisation’s',
      querystring: requestListQuery,
      response: { 200: listOf(requestSchema), ...errors },
    },
    handler: (req) => requests.list(requireActor(req), req.query),
  });
  api.post('/requests', {
    schema: {
      tags,
      summary:
        'File a request: a partner contact for their organisation, or a coordinator on behalf of a partner (partnerId required)',
      body: partnerRequestCreateInput,
      response: { 201: requestSchema, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await requests.create(requireActor(req), req.body)),
  });
  api.get('/requests/:id', {
    schema: {
      tags,
      summary: 'A request with its timeline, out-of-scope findings and suggested services',
      params: idParams,
      response: { 200: requestDetailSchema, ...errors },
    },
    handler: (req) => requests.get(requireActor(req), req.params.id),
  });
  api.patch('/requests/:id', {
    schema: {
      tags,
      summary: 'Edit a request (partners while it is new or in review)',
      params: idParams,
      body: requestPatchInput,
      response: { 200: requestSchema, ...errors },
    },
    handler: (req) => requests.update(requireActor(req), req.params.id, req.body),
  });
  api.post('/requests/:id/status', {
    schema: {
      tags,
      summary: 'Review, mark "no match" (with reason) or cancel (partner or coordinator, with reason)',
      params: idParams,
      body: requestTransitionInput,
      response: { 200: requestSchema, ...errors },
    },
    handler: (req) => requests.transition(requireActor(req), req.params.id, req.body),
  });
  api.post('/requests/:id/messages', {
    schema: {
      tags,
      summary: 'Ask or answer a question on the request’s timeline',
      params: idParams,
      body: requestMessageInput,
      response: { 201: requestDetailSchema, ...errors },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await requests.addMessage(requireActor(req), req.params.id, req.body.message)),
  });
  api.get('/requests/:id/candidates', {
    schema: {
      tags: ['Matching'],
      summary:
        'Guides ranked by fit, with per-criterion explanations; hard-gate failures listed separately; every guide of the office accounted for',
      params: idParams,
      querystring: candidatesQuery,
      response: { 200: candidatesResponse, ...errors },
    },
    handler: (req) => offers.candidates(requireActor(req), req.params.id, req.query),
  });
  api.get('/requests/:id/offers', {
    schema: {
      tags: ['Offers'],
      summary: 'The offer history of a request',
      params: idParams,
      response: { 200: listOf(offerSchema), ...errors },
    },
    handler: (req) => offers.listForRequest(requireActor(req), req.params.id),
  });
  api.post('/requests/:id/offers', {
    schema: {
      tags: ['Offers'],
      summary: 'Offer the request to one or several guides (they are notified by e-mail and in the app)',
      params: idParams,
      body: offerCreateInput,
      response: { 201: listOf(offerSchema), ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await offers.send(requireActor(req), req.params.id, req.body)),
  });
};
