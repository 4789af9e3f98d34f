import { z } from 'zod';
import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule } from '../../server/routing.js';
import { idParams, listOf } from '../../shared/common.js';
import { serviceInput, servicePatchInput, serviceSchema } from '../../shared/serviceDirectory.js';
import { officeSettingsPatch, officeSettingsSchema } from '../../shared/settings.js';
import { dashboardSchema } from '../dashboard/service.js';

const errors = problemResponses;

export const serviceDirectoryRoutes: RouteModule = (api, { serviceDirectory, settings, dashboard }) => {
  const tags = ['Services directory'];
  api.get('/services', {
    schema: {
      tags,
      summary: 'Counselling and regular services (Beratungsstellen, Regeldienste) for referrals',
      response: { 200: listOf(serviceSchema), ...errors },
    },
    handler: (req) => serviceDirectory.list(requireActor(req)),
  });
  api.post('/services', {
    schema: {
      tags,
      summary: 'Add a service to the directory',
      body: serviceInput,
      response: { 201: serviceSchema, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await serviceDirectory.create(requireActor(req), req.body)),
  });
  api.patch('/services/:id', {
    schema: {
      tags,
      summary: 'Edit a service',
      params: idParams,
      body: servicePatchInput,
      response: { 200: serviceSchema, ...errors },
    },
    handler: (req) => serviceDirectory.update(requireActor(req), req.params.id, req.body),
  });
  api.delete('/services/:id', {
    schema: { tags, summary: 'Remove a service', params: idParams, response: { 204: z.null(), ...errors } },
    handler: async (req, reply) => {
      await serviceDirectory.delete(requireActor(req), req.params.id);
      return reply.code(204).send(null);
    },
  });
  api.get('/settings', {
    schema: {
      tags: ['Office settings'],
      summary: 'Matching weights, offer expiry, out-of-scope rules of the office',
      response: { 200: officeSettingsSchema, ...errors },
    },
    handler: (req) => settings.get(requireActor(req)),
  });
  api.patch('/settings', {
    schema: {
      tags: ['Office settings'],
      summary: 'Change office settings',
      body: officeSettingsPatch,
      response: { 200: officeSettingsSchema, ...errors },
    },
    handler: (req) => settings.update(requireActor(req), req.body),
  });
  api.get('/dashboard', {
    schema: {
      tags: ['Dashboard'],
      summary: 'The coordinator’s day: open requests, unanswered offers, capacity, reviews, background checks',
      response: { 200: dashboardSchema, ...errors },
    },
    handler: (req) => dashboard.get(requireActor(req)),
  });
};
