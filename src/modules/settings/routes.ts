import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule } from '../../server/routing.js';
import { officeSettingsPatch, officeSettingsSchema } from '../../shared/settings.js';

const tags = ['Office settings'];

export const settingsRoutes: RouteModule = (api, { settings }) => {
  api.get('/settings', {
    schema: {
      tags,
      summary: "The office's rules: matching weights, offer expiry, time zone, activity limits, out-of-scope rules …",
      response: { 200: officeSettingsSchema, ...problemResponses },
    },
    handler: (req) => settings.get(requireActor(req)),
  });
  api.patch('/settings', {
    schema: {
      tags,
      summary: 'Change office settings',
      body: officeSettingsPatch,
      response: { 200: officeSettingsSchema, ...problemResponses },
    },
    handler: (req) => settings.update(requireActor(req), req.body),
  });
};
