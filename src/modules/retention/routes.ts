import { z } from 'zod';
import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule } from '../../server/routing.js';
import { idParams } from '../../shared/common.js';
import {
  anonymisedSchema,
  contactParams,
  retentionDueListSchema,
  retentionDueQuery,
  retentionHoldInput,
  retentionHoldSchema,
} from '../../shared/retention.js';

const tags = ['Retention and erasure'];
const errors = problemResponses;

export const retentionRoutes: RouteModule = (api, { retention }) => {
  api.post('/guides/:id/anonymise', {
    schema: {
      tags,
      summary: "Erase a guide's personal data by anonymisation; deployments, hours and expenses stay as evidence",
      params: idParams,
      response: { 200: anonymisedSchema, ...errors },
    },
    handler: (req) => retention.anonymiseGuide(requireActor(req), req.params.id),
  });
  api.post('/partners/:id/contacts/:contactId/anonymise', {
    schema: {
      tags,
      summary: "Erase a partner contact's personal data by anonymisation",
      params: contactParams,
      response: { 200: anonymisedSchema, ...errors },
    },
    handler: (req) => retention.anonymiseContact(requireActor(req), req.params.id, req.params.contactId),
  });
  api.post('/requests/:id/anonymise-person', {
    schema: {
      tags,
      summary: "Erase the accompanied person's data of an ended request; the request stays for statistics",
      params: idParams,
      response: { 200: anonymisedSchema, ...errors },
    },
    handler: (req) => retention.anonymisePerson(requireActor(req), req.params.id),
  });
  api.get('/retention/due', {
    schema: {
      tags,
      summary: 'Records whose retention period ends within the next days (default 30), overdue and held ones too',
      querystring: retentionDueQuery,
      response: { 200: retentionDueListSchema, ...errors },
    },
    handler: (req) => retention.due(requireActor(req), req.query),
  });
  api.post('/retention/holds', {
    schema: {
      tags,
      summary: 'Keep a record past its retention date (legal hold) and say why; the job skips it',
      body: retentionHoldInput,
      response: { 201: retentionHoldSchema, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await retention.setHold(requireActor(req), req.body)),
  });
  api.post('/retention/holds/:id/release', {
    schema: {
      tags,
      summary: 'Release a legal hold; the record falls due again',
      params: idParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await retention.releaseHold(requireActor(req), req.params.id);
      return reply.code(204).send(null);
    },
  });
};
