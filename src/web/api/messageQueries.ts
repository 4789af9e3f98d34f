import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  InboxItem,
  InboxMessage,
  MessageDetail,
  MessageSummary,
  messageSettingsSchema,
  RecipientPreview,
} from '../../shared/messages.js';
import { api, type List, type Query } from './client';

export const messageKeys = {
  all: ['messages'] as const,
  preview: (q: Query) => ['messages', 'preview', q] as const,
  sent: ['messages', 'sent'] as const,
  detail: (id: string) => ['messages', 'detail', id] as const,
  inbox: ['messages', 'inbox'] as const,
  mine: (id: string) => ['messages', 'mine', id] as const,
  settings: ['messages', 'settings'] as const,
};

export const useRecipientPreview = (q: Query) =>
  useQuery({
    queryKey: messageKeys.preview(q),
    queryFn: () => api.get<RecipientPreview>('/messages/recipients', q),
    placeholderData: keepPreviousData,
  });
export const useSentMessages = () =>
  useQuery({
    queryKey: messageKeys.sent,
    queryFn: () => api.get<List<MessageSummary>>('/messages', { limit: 200 }),
  });
export const useMessage = (id: string | undefined) =>
  useQuery({
    queryKey: messageKeys.detail(id ?? ''),
    queryFn: () => api.get<MessageDetail>(`/messages/${id}`),
    enabled: !!id,
  });
export const useInbox = (enabled = true) =>
  useQuery({
    queryKey: messageKeys.inbox,
    queryFn: () => api.get<List<InboxItem> & { unread: number }>('/me/messages', { limit: 200 }),
    enabled,
  });
export const useMyMessage = (id: string | undefined) =>
  useQuery({
    queryKey: messageKeys.mine(id ?? ''),
    queryFn: () => api.get<InboxMessage>(`/me/messages/${id}`),
    enabled: !!id,
  });
export const useMessageSettings = () =>
  useQuery({
    queryKey: messageKeys.settings,
    queryFn: () => api.get<z.infer<typeof messageSettingsSchema>>('/me/message-settings'),
  });
