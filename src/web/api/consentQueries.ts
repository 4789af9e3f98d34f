import { useQuery } from '@tanstack/react-query';
import type { ConsentRecord, ConsentText, MyConsents, PendingConfirmation } from '../../shared/consent.js';
import { api, type List } from './client';

export const consentKeys = {
  all: ['consent'] as const,
  texts: ['consent', 'texts'] as const,
  pending: ['consent', 'pending'] as const,
  records: (q: { guideId?: string; requestId?: string }) => ['consent', 'records', q] as const,
  mine: ['consent', 'mine'] as const,
};

export const useConsentTexts = () =>
  useQuery({ queryKey: consentKeys.texts, queryFn: () => api.get<List<ConsentText>>('/consent-texts') });
export const usePendingConfirmations = () =>
  useQuery({
    queryKey: consentKeys.pending,
    queryFn: () => api.get<List<PendingConfirmation>>('/consent-texts/pending-confirmations'),
  });
export const useConsentRecords = (q: { guideId?: string; requestId?: string }, enabled = true) =>
  useQuery({
    queryKey: consentKeys.records(q),
    queryFn: () => api.get<List<ConsentRecord>>('/consent-records', q),
    enabled,
  });
export const useMyConsents = (enabled = true) =>
  useQuery({ queryKey: consentKeys.mine, queryFn: () => api.get<MyConsents>('/me/consents'), enabled });

export const consentPdfUrl = (textId: string, language: string) =>
  `/api/v1/consent-texts/${textId}/document.pdf?language=${language}`;
