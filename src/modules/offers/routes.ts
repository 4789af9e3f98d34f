import { z } from 'zod';
import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule } from '../../server/routing.js';
import { idParams, listOf } from '../../shared/common.js';
import {
  OFFER_STATUSES,
  offerAnswerInput,
  offerDetailSchema,
  offerLinkAnswer,
  offerLinkParams,
  offerLinkSchema,
  offerSchema,
} from '../../shared/matching.js';

const tags = ['Offers'];
const errors = problemResponses;
const myOffersQuery = z.strictObject({ status: z.enum(OFFER_STATUSES).optional() });

export const offerRoutes: RouteModule = (api, { offers }) => {
  api.get('/me/offers', {
    schema: {
      tags,
      summary: 'The signed-in guide’s offers',
      querystring: myOffersQuery,
      response: { 200: listOf(offerSchema), ...errors },
    },
    handler: (req) => offers.listMine(requireActor(req), req.query.status ? [req.query.status] : undefined),
  });
  api.get('/guides/:id/offers', {
    schema: {
      tags,
      summary: 'The offers a guide received, newest first (their profile)',
      params: idParams,
      response: { 200: listOf(offerSchema), ...errors },
    },
    handler: (req) => offers.listForGuide(requireActor(req), req.params.id),
  });
  api.get('/offers/:id', {
    schema: {
      tags,
      summary: 'An offer with what the guide needs to decide',
      params: idParams,
      response: { 200: offerDetailSchema, ...errors },
    },
    handler: (req) => offers.get(requireActor(req), req.params.id),
  });
  api.post('/offers/:id/accept', {
    schema: {
      tags,
      summary: 'Accept an offer (the guide themselves). The first acceptance wins; capacity is enforced',
      params: idParams,
      body: offerAnswerInput.optional(),
      response: { 200: offerDetailSchema, ...errors },
    },
    handler: (req) => offers.accept(requireActor(req), req.params.id),
  });
  api.post('/offers/:id/decline', {
    schema: {
      tags,
      summary: 'Decline an offer, optionally with a reason',
      params: idParams,
      body: offerAnswerInput.optional(),
      response: { 200: offerDetailSchema, ...errors },
    },
    handler: (req) => offers.decline(requireActor(req), req.params.id, req.body?.reason),
  });
  api.post('/offers/:id/withdraw', {
    schema: {
      tags,
      summary: 'Withdraw a pending offer (coordinator)',
      params: idParams,
      response: { 200: offerDetailSchema, ...errors },
    },
    handler: (req) => offers.withdraw(requireActor(req), req.params.id),
  });
  api.get('/offer-links/:token', {
    config: { public: true },
    schema: {
      tags,
      summary: 'What an e-mail link answers (request, deadline, state), before the guide answers',
      params: offerLinkParams,
      response: { 200: offerLinkSchema, ...errors },
    },
    handler: (req) => offers.describeLink(req.params.token),
  });
  api.post('/offer-links/:token', {
    config: { public: true },
    schema: {
      tags,
      summary: 'Answer an offer through the signed single-use link from the e-mail, without signing in',
      params: offerLinkParams,
      body: offerLinkAnswer,
      response: { 200: z.object({ status: z.enum(['accepted', 'declined']) }), ...errors },
    },
    handler: (req) => offers.answerByLink(req.params.token, req.body.answer, req.body.reason),
  });
};
