import { z } from 'zod';
import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule } from '../../server/routing.js';
import { idParams } from '../../shared/common.js';
import { pushSubscriptionInput, pushSubscriptionListSchema, pushSubscriptionSchema } from '../../shared/push.js';

const tags = ['Notifications'];

export const pushRoutes: RouteModule = (api, { push }) => {
  api.get('/me/push-subscriptions', {
    schema: {
      tags,
      summary: "Whether Web Push is on, the server's VAPID public key, and the caller's own subscribed devices",
      response: { 200: pushSubscriptionListSchema, ...problemResponses },
    },
    handler: (req) => push.list(requireActor(req)),
  });
  api.post('/me/push-subscriptions', {
    schema: {
      tags,
      summary: 'Subscribe this browser to push (the PushSubscription JSON); 409 when the server has no VAPID keys',
      body: pushSubscriptionInput,
      response: { 201: pushSubscriptionSchema, ...problemResponses },
    },
    handler: async (req, reply) => reply.code(201).send(await push.subscribe(requireActor(req), req.body)),
  });
  api.delete('/me/push-subscriptions/:id', {
    schema: {
      tags,
      summary: "Remove one of the caller's own push subscriptions",
      params: idParams,
      response: { 204: z.null(), ...problemResponses },
    },
    handler: async (req, reply) => {
      await push.unsubscribe(requireActor(req), req.params.id);
      return reply.code(204).send(null);
    },
  });
};
