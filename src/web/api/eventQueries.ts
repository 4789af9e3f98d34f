import { useQuery } from '@tanstack/react-query';
import type { RsvpResponse } from '../../shared/eventEnums.js';
import type { EventItem } from '../../shared/events.js';
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
};

export const useEvents = (from: string, to: string) =>
  useQuery({
    queryKey: eventKeys.range(from, to),
    queryFn: () => api.get<{ items: EventItem[]; total: number }>('/events', { from, to }),
  });

/** What a personal answer link is about; public, no session. A bad or expired link is a 404 shown on the page. */
export const useEventLink = (token: string) =>
  useQuery({
    queryKey: eventKeys.link(token),
    queryFn: () => api.get<EventLink>(`/event-links/${encodeURIComponent(token)}`),
    retry: false,
  });
