import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type List, type Query } from './client';
import type {
  Activity,
  ActivityTotal,
  Agreement,
  AssignmentItem,
  Candidates,
  Dashboard,
  OfferDetail,
  OfferItem,
  OfferLink,
  OfficeSettings,
  RequestDetail,
  RequestItem,
  ServiceEntry,
} from './coordinationTypes';

/** Query keys of the request-to-deployment cycle. A change to a request can move offers, deployments and the dashboard. */
export const coordinationKeys = {
  requests: ['requests'] as const,
  requestList: (q: Query) => ['requests', 'list', q] as const,
  request: (id: string) => ['requests', 'detail', id] as const,
  candidates: (id: string) => ['requests', 'candidates', id] as const,
  candidatePage: (id: string, q: Query) => ['requests', 'candidates', id, q] as const,
  requestOffers: (id: string) => ['requests', 'offers', id] as const,
  offers: ['offers'] as const,
  myOffers: (q: Query) => ['offers', 'mine', q] as const,
  offer: (id: string) => ['offers', 'detail', id] as const,
  offerLink: (token: string) => ['offers', 'link', token] as const,
  assignments: ['assignments'] as const,
  assignmentList: (q: Query) => ['assignments', 'list', q] as const,
  assignment: (id: string) => ['assignments', 'detail', id] as const,
  agreementVersions: (id: string) => ['assignments', 'agreementVersions', id] as const,
  activities: (id: string) => ['assignments', 'activities', id] as const,
  activityTotals: ['assignments', 'totals'] as const,
  dashboard: ['dashboard'] as const,
  services: ['services'] as const,
  settings: ['officeSettings'] as const,
};

/** Everything a step from request to deployment can change, for mutations that move a request along. */
export const coordinationWide = [
  coordinationKeys.requests,
  coordinationKeys.offers,
  coordinationKeys.assignments,
  coordinationKeys.dashboard,
] as const;

export const useRequestList = (q: Query, enabled = true) =>
  useQuery({
    queryKey: coordinationKeys.requestList(q),
    queryFn: () => api.get<List<RequestItem>>('/requests', q),
    placeholderData: keepPreviousData,
    enabled,
  });
export const useRequest = (id: string | undefined) =>
  useQuery({
    queryKey: coordinationKeys.request(id ?? ''),
    queryFn: () => api.get<RequestDetail>(`/requests/${id}`),
    enabled: !!id,
  });
/** One page of a request's candidates, with the filters; `guideId` scores one chosen guide instead. */
export const useCandidates = (id: string, q: Query = {}, enabled = true) =>
  useQuery({
    queryKey: coordinationKeys.candidatePage(id, q),
    queryFn: () => api.get<Candidates>(`/requests/${id}/candidates`, q),
    placeholderData: keepPreviousData,
    enabled,
  });
export const useRequestOffers = (id: string, enabled = true) =>
  useQuery({
    queryKey: coordinationKeys.requestOffers(id),
    queryFn: () => api.get<List<OfferItem>>(`/requests/${id}/offers`),
    enabled,
  });

export const useMyOffers = (q: Query = {}) =>
  useQuery({
    queryKey: coordinationKeys.myOffers(q),
    queryFn: () => api.get<List<OfferItem>>('/me/offers', q),
    placeholderData: keepPreviousData,
  });
export const useOffer = (id: string | undefined) =>
  useQuery({
    queryKey: coordinationKeys.offer(id ?? ''),
    queryFn: () => api.get<OfferDetail>(`/offers/${id}`),
    enabled: !!id,
  });

/** The e-mail link's page: which request the link answers and whether it is still open (no sign-in). */
export const useOfferLink = (token: string) =>
  useQuery({
    queryKey: coordinationKeys.offerLink(token),
    queryFn: () => api.get<OfferLink>(`/offer-links/${encodeURIComponent(token)}`),
    retry: false,
  });

export const useAssignmentList = (q: Query, enabled = true) =>
  useQuery({
    queryKey: coordinationKeys.assignmentList(q),
    queryFn: () => api.get<List<AssignmentItem>>('/assignments', q),
    placeholderData: keepPreviousData,
    enabled,
  });
export const useAssignment = (id: string | undefined) =>
  useQuery({
    queryKey: coordinationKeys.assignment(id ?? ''),
    queryFn: () => api.get<AssignmentItem>(`/assignments/${id}`),
    enabled: !!id,
  });
export const useAgreementVersions = (id: string, enabled = true) =>
  useQuery({
    queryKey: coordinationKeys.agreementVersions(id),
    queryFn: () => api.get<List<Agreement>>(`/assignments/${id}/agreement/versions`),
    enabled,
  });
export const useActivities = (id: string, enabled = true) =>
  useQuery({
    queryKey: coordinationKeys.activities(id),
    queryFn: () => api.get<List<Activity>>(`/assignments/${id}/activities`),
    enabled,
  });
/** Totals per guide for a period (inclusive dates), optionally for one guide. */
export const useActivityTotals = (q: Query = {}, enabled = true) =>
  useQuery({
    queryKey: [...coordinationKeys.activityTotals, q],
    queryFn: () => api.get<List<ActivityTotal>>('/activity-totals', q),
    placeholderData: keepPreviousData,
    enabled,
  });
export const useGuideOffers = (guideId: string, enabled = true) =>
  useQuery({
    queryKey: ['offers', 'guide', guideId] as const,
    queryFn: () => api.get<List<OfferItem>>(`/guides/${guideId}/offers`),
    enabled,
  });

export const useDashboard = (enabled = true) =>
  useQuery({ queryKey: coordinationKeys.dashboard, queryFn: () => api.get<Dashboard>('/dashboard'), enabled });

export const useServices = (enabled = true) =>
  useQuery({
    queryKey: coordinationKeys.services,
    queryFn: () => api.get<List<ServiceEntry>>('/services'),
    enabled,
    staleTime: 5 * 60_000,
  });

export const useOfficeSettings = (enabled = true) =>
  useQuery({ queryKey: coordinationKeys.settings, queryFn: () => api.get<OfficeSettings>('/settings'), enabled });

/** The PDF of an agreement (a given version, else the current one), as a plain link: the session cookie authorises it. */
export const agreementPdfUrl = (assignmentId: string, version?: number) =>
  `/api/v1/assignments/${assignmentId}/agreement.pdf${version ? `?version=${version}` : ''}`;
