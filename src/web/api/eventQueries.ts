import { useQuery } from '@tanstack/react-query';
import type { RsvpResponse } from '../../shared/eventEnums.js';
import type { EventDetail, EventItem } from '../../shared/events.js';
import { api } from './client';

export type EventLink = {
  title: string;
  type: EventItem['type'];
  startsAt: string;
  endsAt: string;
  place: string | null;
  timeZone: string;
  cancelled: boolean;
  response: RsvpResponse | null;
};

export const eventKeys = {
  all: ['events'] as const,
  range: (from: string, to: string) => ['events', 'range', from, to] as const,
  link: (token: string) => ['event-link', token] as const,
  detail: (id: string) => ['events', 'detail', id] as const,
  groups: ['event-groups'] as const,
};

export type GuideGroup = { id: string; name: string; description: string | null; guideIds: string[] };

export const useEvent = (id: string | undefined) =>
  useQuery({
    queryKey: eventKeys.detail(id ?? ''),
    queryFn: () => api.get<EventDetail>(`/events/${id}`),
    enabled: Boolean(id),
  });

/** The office's guide groups, an audience of events (coordinators only). */
export const useEventGroups = (enabled = true) =>
  useQuery({
    queryKey: eventKeys.groups,
    queryFn: () => api.get<{ items: GuideGroup[]; total: number }>('/event-groups'),
    enabled,
  });

export const useEvents = (from: string, to: string) =>
  useQuery({
    queryKey: eventKeys.range(from, to),
    queryFn: () => api.get<{ items: EventItem[]; total: number; timeZone: string }>('/events', { from, to }),
  });

/** What a personal answer link is about; public, no session. A bad or expired link is a 404 shown on the page. */
export const useEventLink = (token: string) =>
  useQuery({
    queryKey: eventKeys.link(token),
    queryFn: () => api.get<EventLink>(`/event-links/${encodeURIComponent(token)}`),
    retry: false,
  });
