import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { DistrictTerm } from '../../shared/enums.js';
import { localizedLabel } from '../../shared/localized.js';
import type { ReferenceItem } from '../../shared/reference.js';
import { api, type List, type Query } from './client';
import type {
  Account,
  AuditEvent,
  District,
  GuideDetail,
  GuideListItem,
  Office,
  OutboxMessage,
  Partner,
} from './types';

/** Query keys in one place, so mutations invalidate exactly what they change. */
export const keys = {
  guides: ['guides'] as const,
  guideList: (q: Query) => ['guides', 'list', q] as const,
  guide: (id: string) => ['guides', 'detail', id] as const,
  partners: ['partners'] as const,
  partnerList: (q: Query) => ['partners', 'list', q] as const,
  partner: (id: string) => ['partners', 'detail', id] as const,
  districts: ['districts'] as const,
  fields: ['fields'] as const,
  specializations: ['specializations'] as const,
  users: ['users'] as const,
  offices: ['offices'] as const,
  office: (id: string) => ['offices', id] as const,
  outbox: (q: Query) => ['outbox', q] as const,
  audit: (q: Query) => ['audit', q] as const,
};

export const useGuideList = (q: Query, enabled = true) =>
  useQuery({
    queryKey: keys.guideList(q),
    queryFn: () => api.get<List<GuideListItem>>('/guides', q),
    placeholderData: keepPreviousData,
    enabled,
  });
export const useGuide = (id: string | undefined) =>
  useQuery({ queryKey: keys.guide(id ?? ''), queryFn: () => api.get<GuideDetail>(`/guides/${id}`), enabled: !!id });

export const usePartnerList = (q: Query, enabled = true) =>
  useQuery({
    queryKey: keys.partnerList(q),
    queryFn: () => api.get<List<Partner>>('/partners', q),
    placeholderData: keepPreviousData,
    enabled,
  });
export const usePartner = (id: string | undefined) =>
  useQuery({ queryKey: keys.partner(id ?? ''), queryFn: () => api.get<Partner>(`/partners/${id}`), enabled: !!id });

const STATIC = { staleTime: 5 * 60_000 };
export const useDistricts = (enabled = true) =>
  useQuery({
    queryKey: keys.districts,
    queryFn: () => api.get<List<District> & { term: DistrictTerm }>('/districts'),
    enabled,
    ...STATIC,
  });
/**
 * The office's fields of action and specialisations. `name` is shown in the reader's UI language (the office's
 * translation, else German: `localizedLabel`); `localized: false` keeps the German name for the settings editor.
 */
function useReferenceItems(kind: 'fields' | 'specializations', enabled: boolean, localized: boolean) {
  const language = useTranslation().i18n.language;
  const select = useCallback(
    (data: List<ReferenceItem>): List<ReferenceItem> =>
      localized
        ? { ...data, items: data.items.map((i) => ({ ...i, name: localizedLabel(i.name, i.translations, language) })) }
        : data,
    [localized, language],
  );
  return useQuery({
    queryKey: keys[kind],
    queryFn: () => api.get<List<ReferenceItem>>(`/${kind}`),
    enabled,
    select,
    ...STATIC,
  });
}
export const useFields = (enabled = true, localized = true) => useReferenceItems('fields', enabled, localized);
export const useSpecializations = (enabled = true, localized = true) =>
  useReferenceItems('specializations', enabled, localized);

export const useUsers = (enabled = true) =>
  useQuery({ queryKey: keys.users, queryFn: () => api.get<List<Account>>('/users'), enabled });
export const useOffices = (enabled = true) =>
  useQuery({ queryKey: keys.offices, queryFn: () => api.get<List<Office>>('/offices'), enabled });
export const useOffice = (id: string | undefined) =>
  useQuery({ queryKey: keys.office(id ?? ''), queryFn: () => api.get<Office>(`/offices/${id}`), enabled: !!id });
export const useOutbox = (q: Query) =>
  useQuery({
    queryKey: keys.outbox(q),
    queryFn: () => api.get<List<OutboxMessage>>('/outbox', q),
    placeholderData: keepPreviousData,
  });
export const useAudit = (q: Query) =>
  useQuery({
    queryKey: keys.audit(q),
    queryFn: () => api.get<List<AuditEvent>>('/audit-events', q),
    placeholderData: keepPreviousData,
  });

/** A mutation that invalidates the given query keys when it succeeds. */
export function useApiMutation<TVars, TResult = unknown>(
  fn: (vars: TVars) => Promise<TResult>,
  invalidate: readonly (readonly unknown[])[] = [],
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all(invalidate.map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
}

/** Name lookups for reference data shown in lists and detail pages. */
export function useReferenceNames(enabled = true) {
  const districts = useDistricts(enabled);
  const fields = useFields(enabled);
  const specializations = useSpecializations(enabled);
  const byId = new Map((districts.data?.items ?? []).map((d) => [d.id, d.name]));
  const fieldNames = new Map((fields.data?.items ?? []).map((f) => [f.key, f.name]));
  const specNames = new Map((specializations.data?.items ?? []).map((s) => [s.key, s.name]));
  return {
    /** True while the names are still on their way: lists show a placeholder rather than "–" or a raw key. */
    loading: districts.isPending || fields.isPending || specializations.isPending,
    district: (id: string | null | undefined) => (id ? (byId.get(id) ?? '–') : '–'),
    field: (key: string) => fieldNames.get(key) ?? key,
    specialization: (key: string) => specNames.get(key) ?? key,
    districts: districts.data?.items ?? [],
    /** The office's word for districts (settings); labels use it as i18n context. */
    districtTerm: districts.data?.term ?? ('Stadtbezirk' as DistrictTerm),
    fields: fields.data?.items ?? [],
    specializations: specializations.data?.items ?? [],
  };
}
