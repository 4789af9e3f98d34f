import { useQuery } from '@tanstack/react-query';
import type {
  Applicant,
  ApplicantDetail,
  ApplicantList,
  ApplicantStatus,
  VolunteerForm,
} from '../../shared/recruitment.js';
import { api } from './client';

export type { Applicant, ApplicantDetail, ApplicantList, ApplicantStatus, VolunteerForm };

export const recruitmentKeys = {
  applicants: ['applicants'] as const,
  applicant: (id: string) => ['applicants', id] as const,
  form: (slug: string, language: string) => ['volunteer-form', slug, language] as const,
};

export const useApplicants = (query: { status?: string; q?: string }) =>
  useQuery({
    queryKey: [...recruitmentKeys.applicants, query],
    queryFn: () => api.get<ApplicantList>('/applicants', { ...query, limit: 500 }),
  });

export const useApplicant = (id: string) =>
  useQuery({ queryKey: recruitmentKeys.applicant(id), queryFn: () => api.get<ApplicantDetail>(`/applicants/${id}`) });

/** The public form: fetched again when the language changes (the consent text and a fresh form token). */
export const useVolunteerForm = (slug: string, language: string) =>
  useQuery({
    queryKey: recruitmentKeys.form(slug, language),
    queryFn: () => api.get<VolunteerForm>(`/public/offices/${slug}/volunteer-form`, { language }),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
