import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule } from '../../server/routing.js';
import { idParams } from '../../shared/common.js';
import {
  markedSchema,
  notificationListQuery,
  notificationListSchema,
  notificationPreferencesInput,
  notificationPreferencesSchema,
  unreadCountSchema,
} from '../../shared/notifications.js';

const tags = ['Notifications'];

export const notificationRoutes: RouteModule = (api, { notifications }) => {
  api.get('/notifications', {
    schema: {
      tags,
      summary: "The caller's notification centre, unread first or newest first",
      querystring: notificationListQuery,
      response: { 200: notificationListSchema, ...problemResponses },
    },
    handler: (req) => notifications.list(requireActor(req), req.query),
  });
  api.get('/notifications/unread-count', {
    schema: {
      tags,
      summary: "How many of the caller's notifications are unread (the bell polls this)",
      response: { 200: unreadCountSchema, ...problemResponses },
    },
    handler: (req) => notifications.unreadCount(requireActor(req)),
  });
  api.post('/notifications/:id/read', {
    schema: {
      tags,
      summary: 'Mark one of the caller’s notifications read',
      params: idParams,
      response: { 200: markedSchema, ...problemResponses },
    },
    handler: (req) => notifications.markRead(requireActor(req), req.params.id),
  });
  api.post('/notifications/read-all', {
    schema: {
      tags,
      summary: "Mark all the caller's notifications read",
      response: { 200: markedSchema, ...problemResponses },
    },
    handler: (req) => notifications.markAllRead(requireActor(req)),
  });
  api.get('/me/notification-preferences', {
    schema: {
      tags,
      summary: "The caller's mail preference per notification kind (immediately, daily digest, off)",
      response: { 200: notificationPreferencesSchema, ...problemResponses },
    },
    handler: (req) => notifications.preferences(requireActor(req)),
  });
  api.put('/me/notification-preferences', {
    schema: {
      tags,
      summary: "Set the caller's mail preference for some kinds; mandatory kinds cannot be off",
      body: notificationPreferencesInput,
      response: { 200: notificationPreferencesSchema, ...problemResponses },
    },
    handler: (req) => notifications.updatePreferences(requireActor(req), req.body),
  });
};
