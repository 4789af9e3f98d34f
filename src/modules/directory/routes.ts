import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule } from '../../server/routing.js';
import { problemSchema } from '../../shared/common.js';
import {
  directoryListSchema,
  directoryOfficeSchema,
  directoryQuery,
  directorySettingsInput,
  directorySettingsSchema,
  directorySlugParams,
} from '../../shared/directory.js';

const tags = ['Directory'];
const publicErrors = { 400: problemSchema, 404: problemSchema, 429: problemSchema };

export const directoryRoutes: RouteModule = (api, { directory }) => {
  api.get('/public/directory', {
    config: { public: true },
    schema: {
      tags,
      summary: 'Public: the guide projects that chose to appear, with rounded language counts and no person',
      querystring: directoryQuery,
      response: { 200: directoryListSchema, ...publicErrors },
    },
    handler: (req) => directory.list(req.query.language),
  });
  api.get('/public/directory/:slug', {
    config: { public: true },
    schema: {
      tags,
      summary: "Public: one guide project's page (404 unless it chose to appear)",
      params: directorySlugParams,
      querystring: directoryQuery,
      response: { 200: directoryOfficeSchema, ...publicErrors },
    },
    handler: (req) => directory.office(req.params.slug, req.query.language, req.ip),
  });
  api.get('/directory-settings', {
    schema: {
      tags,
      summary: "The office's entry in the public directory: whether it appears and what it shows",
      response: { 200: directorySettingsSchema, ...problemResponses },
    },
    handler: (req) => directory.settings(requireActor(req)),
  });
  api.put('/directory-settings', {
    schema: {
      tags,
      summary: "Change the office's entry in the public directory (opt in or out, texts, map point, what appears)",
      body: directorySettingsInput,
      response: { 200: directorySettingsSchema, ...problemResponses },
    },
    handler: (req) => directory.save(requireActor(req), req.body),
  });
};
