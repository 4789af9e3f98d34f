import { z } from 'zod';
import type { RouteModule } from '../../server/routing.js';
import { problemSchema } from '../../shared/common.js';
import { helpFormQuery, helpFormSchema, helpRequestInput } from '../../shared/publicHelp.js';
import { slugParams } from '../../shared/recruitment.js';

const tags = ['Public'];
const publicErrors = { 400: problemSchema, 404: problemSchema, 429: problemSchema };

/** The "ask for help" form as JSON, for clients with JavaScript; the HTML pages (pages.ts) use the same service. */
export const publicHelpRoutes: RouteModule = (api, { publicHelp }) => {
  api.get('/public/offices/:slug/help-form', {
    config: { public: true },
    schema: {
      tags,
      summary: 'The public "ask for help" form of an office: districts, fields, person consent text in force, token',
      params: slugParams,
      querystring: helpFormQuery,
      response: { 200: helpFormSchema, ...publicErrors },
    },
    handler: (req) => publicHelp.form(req.params.slug, req.query.language),
  });
  api.post('/public/offices/:slug/help-requests', {
    config: { public: true },
    schema: {
      tags,
      summary: 'Ask for help: creates a request in status "new" (origin public); the contact is for coordinators only',
      params: slugParams,
      body: helpRequestInput,
      response: { 202: z.null(), ...publicErrors },
    },
    handler: async (req, reply) => {
      await publicHelp.submit(req.params.slug, req.body, req.ip);
      return reply.code(202).send(null);
    },
  });
};
