import { useQuery } from '@tanstack/react-query';
import type { Notification, NotificationChannel, NotificationKind } from '../../shared/notifications.js';
import { api } from './client';

export type NotificationList = { items: Notification[]; total: number; unread: number };
export type NotificationPreference = {
  kind: NotificationKind;
  channel: NotificationChannel;
  mandatory: boolean;
  mailedBySender: boolean;
  isDefault: boolean;
};

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  list: (order: string, limit: number) => ['notifications', 'list', order, limit] as const,
  preferences: ['notification-preferences'] as const,
};

/**
 * The bell's count: polled once a minute and when the window regains focus, but never more often than that (a focus
 * within 30 s of the last answer uses it), so a hundred open tabs stay a small load.
 */
export const useUnreadCount = () =>
  useQuery({
    queryKey: notificationKeys.unread,
    queryFn: () => api.get<{ unread: number }>('/notifications/unread-count'),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
    staleTime: 30_000,
  });

export const useNotifications = (order: 'unread_first' | 'newest_first', limit: number, enabled = true) =>
  useQuery({
    queryKey: notificationKeys.list(order, limit),
    queryFn: () => api.get<NotificationList>('/notifications', { order, limit }),
    enabled,
  });

export const useNotificationPreferences = () =>
  useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: () => api.get<{ items: NotificationPreference[] }>('/me/notification-preferences'),
  });
