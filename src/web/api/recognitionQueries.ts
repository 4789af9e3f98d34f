import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CardConfirmation,
  cardEligibilityListSchema,
  HoursSummary,
  MilestoneItem,
} from '../../shared/recognition.js';
import { api, type List } from './client';

export type CardRule = 'niedersachsen' | 'hessen';
export type EligibilityList = z.infer<typeof cardEligibilityListSchema>;

export const recognitionKeys = {
  all: ['recognition'] as const,
  eligibility: (rule: string) => ['recognition', 'eligibility', rule] as const,
  confirmations: ['recognition', 'confirmations'] as const,
  milestones: (from: string, to: string) => ['recognition', 'milestones', from, to] as const,
  mySummary: (from: string, to: string) => ['recognition', 'my-summary', from, to] as const,
};

export const useMyHoursSummary = (from: string, to: string, enabled: boolean) =>
  useQuery({
    queryKey: recognitionKeys.mySummary(from, to),
    queryFn: () => api.get<HoursSummary>('/me/hours-summary', { from, to }),
    enabled,
  });

export const useCardEligibility = (rule: CardRule) =>
  useQuery({
    queryKey: recognitionKeys.eligibility(rule),
    queryFn: () => api.get<EligibilityList>('/recognition/card-eligibility', { rule }),
  });

export const useMyCardConfirmations = () =>
  useQuery({
    queryKey: ['recognition', 'my-confirmations'],
    queryFn: () => api.get<List<CardConfirmation>>('/me/card-confirmations'),
  });

export const useCardConfirmations = () =>
  useQuery({
    queryKey: recognitionKeys.confirmations,
    queryFn: () => api.get<List<CardConfirmation>>('/recognition/card-confirmations'),
  });

export const useMilestones = (from: string, to: string, enabled: boolean) =>
  useQuery({
    queryKey: recognitionKeys.milestones(from, to),
    queryFn: () => api.get<List<MilestoneItem>>('/recognition/milestones', { from, to }),
    enabled,
  });

export function useCreateConfirmation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { guideId: string; rule: CardRule }) =>
      api.post<CardConfirmation>('/recognition/card-confirmations', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: recognitionKeys.all }),
  });
}

export function useRecordCard() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, issuedOn }: { id: string; issuedOn: string }) =>
      api.post<CardConfirmation>(`/recognition/card-confirmations/${id}/card`, { issuedOn }),
    onSuccess: () => qc.invalidateQueries({ queryKey: recognitionKeys.all }),
  });
}
