import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule, sendPdf } from '../../server/routing.js';
import { idParams } from '../../shared/common.js';
import {
  cardConfirmationInput,
  cardConfirmationListSchema,
  cardConfirmationSchema,
  cardEligibilityListSchema,
  cardIssuedInput,
  cardRuleQuery,
  documentLanguageOnly,
  hoursSummarySchema,
  milestoneListSchema,
  periodQuery,
  statementQuery,
} from '../../shared/recognition.js';
import { confirmationFileName, statementFileName } from './pdf.js';

const tags = ['Recognition'];
const errors = problemResponses;

export const recognitionRoutes: RouteModule = (api, { recognition }) => {
  api.get('/me/hours-summary', {
    schema: {
      tags,
      summary: "The signed-in guide's hours in a period, as the statement shows them",
      querystring: periodQuery,
      response: { 200: hoursSummarySchema, ...errors },
    },
    handler: (req) => recognition.mySummary(requireActor(req), req.query),
  });
  api.get('/me/statement.pdf', {
    schema: {
      tags,
      summary: "The signed-in guide's hours statement (Engagementnachweis) for a period",
      querystring: statementQuery,
      produces: ['application/pdf'],
    },
    handler: async (req, reply) => {
      const { from, to, language } = req.query;
      const { bytes, name, period } = await recognition.myStatementPdf(requireActor(req), { from, to }, language);
      return sendPdf(reply, statementFileName(name, period.from, period.to), bytes);
    },
  });
  api.get('/me/card-confirmations', {
    schema: {
      tags,
      summary: "The signed-in guide's Ehrenamtskarte confirmations and when the card runs out",
      response: { 200: cardConfirmationListSchema, ...errors },
    },
    handler: (req) => recognition.myConfirmations(requireActor(req)),
  });
  api.get('/guides/:id/hours-summary', {
    schema: {
      tags,
      summary: "A guide's hours in a period, as the statement shows them",
      params: idParams,
      querystring: periodQuery,
      response: { 200: hoursSummarySchema, ...errors },
    },
    handler: (req) => recognition.guideSummary(requireActor(req), req.params.id, req.query),
  });
  api.get('/guides/:id/statement.pdf', {
    schema: {
      tags,
      summary: "A guide's hours statement (Engagementnachweis) for a period, signed by the office",
      params: idParams,
      querystring: statementQuery,
      produces: ['application/pdf'],
    },
    handler: async (req, reply) => {
      const { from, to, language } = req.query;
      const { bytes, name, period } = await recognition.statementPdf(
        requireActor(req),
        req.params.id,
        { from, to },
        language,
      );
      return sendPdf(reply, statementFileName(name, period.from, period.to), bytes);
    },
  });
  api.get('/recognition/card-eligibility', {
    schema: {
      tags,
      summary: 'Who qualifies for the Ehrenamtskarte today and who will soon (Niedersachsen or Hessen)',
      querystring: cardRuleQuery,
      response: { 200: cardEligibilityListSchema, ...errors },
    },
    handler: (req) => recognition.eligibility(requireActor(req), req.query.rule),
  });
  api.get('/recognition/card-confirmations', {
    schema: {
      tags,
      summary: "The office's confirmations for Ehrenamtskarte applications, with the cards' validity",
      response: { 200: cardConfirmationListSchema, ...errors },
    },
    handler: (req) => recognition.confirmations(requireActor(req)),
  });
  api.post('/recognition/card-confirmations', {
    schema: {
      tags,
      summary: "Confirm a qualifying guide's hours for the card application",
      body: cardConfirmationInput,
      response: { 201: cardConfirmationSchema, ...errors },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await recognition.createConfirmation(requireActor(req), req.body)),
  });
  api.post('/recognition/card-confirmations/:id/card', {
    schema: {
      tags,
      summary: 'Record that the card was issued; its expiry follows from the rule',
      params: idParams,
      body: cardIssuedInput,
      response: { 200: cardConfirmationSchema, ...errors },
    },
    handler: (req) => recognition.recordCard(requireActor(req), req.params.id, req.body.issuedOn),
  });
  api.get('/recognition/card-confirmations/:id/confirmation.pdf', {
    schema: {
      tags,
      summary: 'The confirmation for the card application as PDF, signed by the office',
      params: idParams,
      querystring: documentLanguageOnly,
      produces: ['application/pdf'],
    },
    handler: async (req, reply) => {
      const { bytes, name, on } = await recognition.confirmationPdf(
        requireActor(req),
        req.params.id,
        req.query.language,
      );
      return sendPdf(reply, confirmationFileName(name, on), bytes);
    },
  });
  api.get('/recognition/milestones', {
    schema: {
      tags,
      summary: 'Anniversaries (1, 5, 10 years) and hour milestones (100, 500 h) in a period, for recognition events',
      querystring: periodQuery,
      response: { 200: milestoneListSchema, ...errors },
    },
    handler: (req) => recognition.milestones(requireActor(req), req.query),
  });
};
