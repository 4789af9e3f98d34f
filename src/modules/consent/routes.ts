import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule, sendPdf } from '../../server/routing.js';
import { idParams, listOf } from '../../shared/common.js';
import {
  consentRecordCreateInput,
  consentRecordListQuery,
  consentRecordSchema,
  consentTextCreateInput,
  consentTextListQuery,
  consentTextPatchInput,
  consentTextPdfQuery,
  consentTextSchema,
  consentWithdrawInput,
  myConsentConfirmInput,
  myConsentsSchema,
  pendingConfirmationSchema,
} from '../../shared/consent.js';
import { consentPdfFileName } from './consentPdf.js';

const tags = ['Consent'];
const errors = problemResponses;

export const consentRoutes: RouteModule = (api, { consent }) => {
  api.get('/consent-texts', {
    schema: {
      tags,
      summary: "The office's consent texts, every version (drafts, in force, superseded)",
      querystring: consentTextListQuery,
      response: { 200: listOf(consentTextSchema), ...errors },
    },
    handler: (req) => consent.listTexts(requireActor(req), req.query.kind),
  });
  api.post('/consent-texts', {
    schema: {
      tags,
      summary: 'Start a new version of a consent text (a draft until published)',
      body: consentTextCreateInput,
      response: { 201: consentTextSchema, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await consent.createText(requireActor(req), req.body)),
  });
  api.get('/consent-texts/pending-confirmations', {
    schema: {
      tags,
      summary: 'Guides who have not confirmed the current version of a text they signed before',
      response: { 200: listOf(pendingConfirmationSchema), ...errors },
    },
    handler: (req) => consent.pendingConfirmations(requireActor(req)),
  });
  api.patch('/consent-texts/:id', {
    schema: {
      tags,
      summary: 'Change a draft (published versions are immutable: 409)',
      params: idParams,
      body: consentTextPatchInput,
      response: { 200: consentTextSchema, ...errors },
    },
    handler: (req) => consent.updateText(requireActor(req), req.params.id, req.body),
  });
  api.post('/consent-texts/:id/publish', {
    schema: {
      tags,
      summary: 'Publish a draft: it becomes the version in force and guides are asked to confirm it',
      params: idParams,
      response: { 200: consentTextSchema, ...errors },
    },
    handler: (req) => consent.publishText(requireActor(req), req.params.id),
  });
  api.get('/consent-texts/:id/document.pdf', {
    schema: {
      tags,
      summary: 'One version of a text in one language as a PDF for signing',
      params: idParams,
      querystring: consentTextPdfQuery,
      produces: ['application/pdf'],
    },
    handler: async (req, reply) => {
      const pdf = await consent.pdf(requireActor(req), req.params.id, req.query.language);
      const name = consentPdfFileName({ kind: pdf.kind, version: pdf.version, language: req.query.language });
      return sendPdf(reply, name, pdf.bytes);
    },
  });
  api.get('/consent-records', {
    schema: {
      tags,
      summary: "Consent records of a guide or of a request's accompanied person (guides: their own only)",
      querystring: consentRecordListQuery,
      response: { 200: listOf(consentRecordSchema), ...errors },
    },
    handler: (req) => consent.listRecords(requireActor(req), req.query),
  });
  api.post('/consent-records', {
    schema: {
      tags,
      summary: 'Record a consent given on paper or in person for a published text version',
      body: consentRecordCreateInput,
      response: { 201: consentRecordSchema, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await consent.createRecord(requireActor(req), req.body)),
  });
  api.post('/consent-records/:id/withdraw', {
    schema: {
      tags,
      summary: 'Record a withdrawal: ends matching and pending offers, starts the retention clock',
      params: idParams,
      body: consentWithdrawInput,
      response: { 200: consentRecordSchema, ...errors },
    },
    handler: (req) => consent.withdraw(requireActor(req), req.params.id, req.body),
  });
  api.get('/me/consents', {
    schema: {
      tags,
      summary: 'The signed-in guide’s texts to confirm and consent records',
      response: { 200: myConsentsSchema, ...errors },
    },
    handler: (req) => consent.mine(requireActor(req)),
  });
  api.post('/me/consents', {
    schema: {
      tags,
      summary: 'The signed-in guide confirms the current version of a text in the app',
      body: myConsentConfirmInput,
      response: { 201: consentRecordSchema, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await consent.confirmMine(requireActor(req), req.body)),
  });
};
