import { requireActor } from '../../server/plugins/session.js';
import type { RouteModule } from '../../server/routing.js';
import { auditEventSchema, auditListQuery } from '../../shared/audit.js';
import { listOf, problemSchema } from '../../shared/common.js';

export const auditRoutes: RouteModule = (api, { audit }) => {
  api.get('/audit-events', {
    schema: {
      tags: ['Audit'],
      summary: "Read the office's audit log (read-only: there is no route that changes it)",
      querystring: auditListQuery,
      response: { 200: listOf(auditEventSchema), 400: problemSchema, 401: problemSchema, 403: problemSchema },
    },
    handler: (req) => audit.list(requireActor(req), req.query),
  });
};
