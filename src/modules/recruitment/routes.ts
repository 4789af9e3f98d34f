import { z } from 'zod';
import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule } from '../../server/routing.js';
import { idParams, problemSchema } from '../../shared/common.js';
import {
  applicantAcceptSchema,
  applicantConfirmInput,
  applicantConversationInput,
  applicantCreateInput,
  applicantDetailSchema,
  applicantListQuery,
  applicantListSchema,
  applicantStepInput,
  slugParams,
  volunteerFormQuery,
  volunteerFormSchema,
} from '../../shared/recruitment.js';

const tags = ['Recruitment'];
const errors = problemResponses;
const publicErrors = { 400: problemSchema, 404: problemSchema, 429: problemSchema };

export const recruitmentRoutes: RouteModule = (api, { recruitment, publicForm }) => {
  api.get('/public/offices/:slug/volunteer-form', {
    config: { public: true },
    schema: {
      tags,
      summary: 'The public "become a guide" form of an office: districts, consent text in force, form token',
      params: slugParams,
      querystring: volunteerFormQuery,
      response: { 200: volunteerFormSchema, ...publicErrors },
    },
    handler: (req) => publicForm.form(req.params.slug, req.query.language),
  });
  api.post('/public/offices/:slug/applicants', {
    config: { public: true },
    schema: {
      tags,
      summary: 'Apply as a volunteer guide; a confirmation link is mailed (same answer for known addresses)',
      params: slugParams,
      body: applicantCreateInput,
      response: { 202: z.null(), ...publicErrors },
    },
    handler: async (req, reply) => {
      await publicForm.submit(req.params.slug, req.body, req.ip);
      return reply.code(202).send(null);
    },
  });
  api.post('/public/applicants/confirm', {
    config: { public: true },
    schema: {
      tags,
      summary: 'Confirm the e-mail address of an application with the mailed link (double opt-in)',
      body: applicantConfirmInput,
      response: { 204: z.null(), ...publicErrors },
    },
    handler: async (req, reply) => {
      await publicForm.confirm(req.body.token);
      return reply.code(204).send(null);
    },
  });

  api.get('/applicants', {
    schema: {
      tags,
      summary: 'Applicants of the office (recruitment board and list), with filters',
      querystring: applicantListQuery,
      response: { 200: applicantListSchema, ...errors },
    },
    handler: (req) => recruitment.list(requireActor(req), req.query),
  });
  api.get('/applicants/:id', {
    schema: {
      tags,
      summary: 'An applicant with their steps and conversations',
      params: idParams,
      response: { 200: applicantDetailSchema, ...errors },
    },
    handler: (req) => recruitment.get(requireActor(req), req.params.id),
  });
  api.post('/applicants/:id/steps', {
    schema: {
      tags,
      summary: 'Move an applicant to a status, dated and noted (dropping out needs a reason)',
      params: idParams,
      body: applicantStepInput,
      response: { 201: applicantDetailSchema, ...errors },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await recruitment.step(requireActor(req), req.params.id, req.body)),
  });
  api.post('/applicants/:id/conversations', {
    schema: {
      tags,
      summary: 'Record a get-to-know conversation: date, who held it, outcome, note',
      params: idParams,
      body: applicantConversationInput,
      response: { 201: applicantDetailSchema, ...errors },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await recruitment.converse(requireActor(req), req.params.id, req.body)),
  });
  api.post('/applicants/:id/accept', {
    schema: {
      tags,
      summary: "Accept an applicant: creates a guide from their data and mails the guide's account invitation",
      params: idParams,
      response: { 201: applicantAcceptSchema, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await recruitment.accept(requireActor(req), req.params.id)),
  });
  api.delete('/applicants/:id', {
    schema: {
      tags,
      summary: 'Delete an applicant and their history for good (erasure)',
      params: idParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await recruitment.delete(requireActor(req), req.params.id);
      return reply.code(204).send(null);
    },
  });
};
