import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule } from '../../server/routing.js';
import { idParams, listOf } from '../../shared/common.js';
import {
  coordinatorInviteInput,
  coordinatorSchema,
  officeCoordinatorParams,
  officeCreateInput,
  officePatchInput,
  officeSchema,
} from '../../shared/offices.js';

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
  api.get('/offices/:id/coordinators', {
    schema: {
      tags,
      summary: 'The coordinators of an office (platform admin)',
      params: idParams,
      response: { 200: listOf(coordinatorSchema), ...errors },
    },
    handler: (req) => offices.coordinators(requireActor(req), req.params.id),
  });
  api.post('/offices/:id/coordinators', {
    schema: {
      tags,
      summary: 'Invite a further coordinator to an office (platform admin)',
      params: idParams,
      body: coordinatorInviteInput,
      response: { 201: coordinatorSchema, ...errors },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await offices.inviteCoordinator(requireActor(req), req.params.id, req.body)),
  });
  api.post('/offices/:id/coordinators/:userId/resend-invitation', {
    schema: {
      tags,
      summary: 'Send a coordinator a new invitation link; the previous one stops working (platform admin)',
      params: officeCoordinatorParams,
      response: { 200: coordinatorSchema, ...errors },
    },
    handler: (req) => offices.resendInvitation(requireActor(req), req.params.id, req.params.userId),
  });
  api.post('/offices/:id/deactivate', {
    schema: {
      tags,
      summary: 'Deactivate an office: records stay, its accounts are signed out and cannot sign in (platform admin)',
      params: idParams,
      response: { 200: officeSchema, ...errors },
    },
    handler: (req) => offices.setDeactivated(requireActor(req), req.params.id, true),
  });
  api.post('/offices/:id/reactivate', {
    schema: {
      tags,
      summary: 'Reactivate a deactivated office (platform admin)',
      params: idParams,
      response: { 200: officeSchema, ...errors },
    },
    handler: (req) => offices.setDeactivated(requireActor(req), req.params.id, false),
  });
};
