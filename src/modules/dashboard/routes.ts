import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule } from '../../server/routing.js';
import { dashboardSchema } from '../../shared/dashboard.js';

export const dashboardRoutes: RouteModule = (api, { dashboard }) => {
  api.get('/dashboard', {
    schema: {
      tags: ['Dashboard'],
      summary: 'The coordinator’s day: open requests, unanswered offers, capacity, reviews, background checks',
      response: { 200: dashboardSchema, ...problemResponses },
    },
    handler: (req) => dashboard.get(requireActor(req)),
  });
};
