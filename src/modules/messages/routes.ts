import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule } from '../../server/routing.js';
import { idParams, listOf } from '../../shared/common.js';
import {
  inboxListSchema,
  inboxMessageSchema,
  messageCreateInput,
  messageDetailSchema,
  messageFilterQuery,
  messageListQuery,
  messageSettingsInput,
  messageSettingsSchema,
  messageSummarySchema,
  myMessageListQuery,
  recipientPreviewSchema,
  threadParams,
  threadPostInput,
} from '../../shared/messages.js';

const tags = ['Messages'];
const errors = problemResponses;

export const messageRoutes: RouteModule = (api, { messages }) => {
  api.get('/messages/recipients', {
    schema: {
      tags,
      summary: 'How many guides a filter reaches today, by mail and in the app only (the live count of the form)',
      querystring: messageFilterQuery,
      response: { 200: recipientPreviewSchema, ...errors },
    },
    handler: (req) => messages.preview(requireActor(req), req.query),
  });
  api.post('/messages', {
    schema: {
      tags,
      summary: 'Send a message to the filtered guides: freezes the recipient list, one mail per recipient',
      body: messageCreateInput,
      response: { 201: messageDetailSchema, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await messages.send(requireActor(req), req.body)),
  });
  api.get('/messages', {
    schema: {
      tags,
      summary: 'Sent messages with their delivery counts',
      querystring: messageListQuery,
      response: { 200: listOf(messageSummarySchema), ...errors },
    },
    handler: (req) => messages.list(requireActor(req), req.query),
  });
  api.get('/messages/:id', {
    schema: {
      tags,
      summary: 'A sent message: its frozen recipient list, delivery per recipient and the threads',
      params: idParams,
      response: { 200: messageDetailSchema, ...errors },
    },
    handler: (req) => messages.get(requireActor(req), req.params.id),
  });
  api.post('/messages/:id/threads/:guideId', {
    schema: {
      tags,
      summary: "Answer in a recipient's thread",
      params: threadParams,
      body: threadPostInput,
      response: { 200: messageDetailSchema, ...errors },
    },
    handler: (req) => messages.answer(requireActor(req), req.params.id, req.params.guideId, req.body.body),
  });
  api.get('/me/messages', {
    schema: {
      tags,
      summary: "The signed-in guide's messages (inbox) with the unread count",
      querystring: myMessageListQuery,
      response: { 200: inboxListSchema, ...errors },
    },
    handler: (req) => messages.inbox(requireActor(req), req.query),
  });
  api.get('/me/messages/:id', {
    schema: {
      tags,
      summary: "A message of the signed-in guide with the guide's own thread",
      params: idParams,
      response: { 200: inboxMessageSchema, ...errors },
    },
    handler: (req) => messages.myMessage(requireActor(req), req.params.id),
  });
  api.post('/me/messages/:id/read', {
    schema: {
      tags,
      summary: 'Mark a message read',
      params: idParams,
      response: { 200: inboxMessageSchema, ...errors },
    },
    handler: (req) => messages.markRead(requireActor(req), req.params.id),
  });
  api.post('/me/messages/:id/replies', {
    schema: {
      tags,
      summary: 'Reply to a message (only the coordinators of the office read the thread)',
      params: idParams,
      body: threadPostInput,
      response: { 200: inboxMessageSchema, ...errors },
    },
    handler: (req) => messages.reply(requireActor(req), req.params.id, req.body.body),
  });
  api.get('/me/message-settings', {
    schema: {
      tags,
      summary: "The signed-in guide's broadcast opt-out",
      response: { 200: messageSettingsSchema, ...errors },
    },
    handler: (req) => messages.settings(requireActor(req)),
  });
  api.put('/me/message-settings', {
    schema: {
      tags,
      summary: 'Opt out of (or back into) broadcast mail; mail about own offers and deployments is not affected',
      body: messageSettingsInput,
      response: { 200: messageSettingsSchema, ...errors },
    },
    handler: (req) => messages.setOptOut(requireActor(req), req.body.broadcastOptOut),
  });
};
