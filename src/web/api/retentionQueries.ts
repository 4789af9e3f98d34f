import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { retentionDueListSchema } from '../../shared/retention.js';
import { api } from './client';

export type RetentionDueList = z.infer<typeof retentionDueListSchema>;
export type RetentionDueEntry = RetentionDueList['items'][number];

export const retentionKeys = { due: ['retention', 'due'] as const };

export const useRetentionDue = (days = 30) =>
  useQuery({
    queryKey: [...retentionKeys.due, days],
    queryFn: () => api.get<RetentionDueList>('/retention/due', { days }),
  });
