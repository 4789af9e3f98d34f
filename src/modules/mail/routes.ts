import { requireActor } from '../../server/plugins/session.js';
import type { RouteModule } from '../../server/routing.js';
import { outboxListQuery, outboxMessageSchema } from '../../shared/audit.js';
import { idParams, listOf, problemSchema } from '../../shared/common.js';

export const outboxRoutes: RouteModule = (api, { outbox }) => {
  api.get('/outbox', {
    schema: {
      tags: ['Mail'],
      summary: 'Read outgoing mail (the offline outbox when no SMTP server is configured)',
      querystring: outboxListQuery,
      response: { 200: listOf(outboxMessageSchema), 400: problemSchema, 401: problemSchema, 403: problemSchema },
    },
    handler: (req) => outbox.list(requireActor(req), req.query),
  });

  api.post('/outbox/:id/resend', {
    schema: {
      tags: ['Mail'],
      summary: 'Send a message again whose delivery failed (coordinators, own office)',
      params: idParams,
      response: {
        200: outboxMessageSchema,
        400: problemSchema,
        401: problemSchema,
        403: problemSchema,
        404: problemSchema,
        409: problemSchema,
      },
    },
    handler: (req) => outbox.resend(requireActor(req), req.params.id),
  });
};
