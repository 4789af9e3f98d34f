import { requireActor } from '../../server/plugins/session.js';
import type { RouteModule } from '../../server/routing.js';
import { outboxListQuery, outboxMessageSchema } from '../../shared/audit.js';
import { listOf, problemSchema } from '../../shared/common.js';

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
};
