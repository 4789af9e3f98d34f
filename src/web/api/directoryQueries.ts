import { useQuery } from '@tanstack/react-query';
import type { DirectoryList, DirectoryOffice, DirectorySettings } from '../../shared/directory.js';
import { api } from './client';

export const directoryKeys = {
  all: ['directory'] as const,
  list: (language: string) => ['directory', 'list', language] as const,
  office: (slug: string, language: string) => ['directory', 'office', slug, language] as const,
  settings: ['directory', 'settings'] as const,
};

/** The public directory, in the reader's language (the office texts fall back to German). */
export const useDirectory = (language: string) =>
  useQuery({
    queryKey: directoryKeys.list(language),
    queryFn: () => api.get<DirectoryList>('/public/directory', { language }),
    staleTime: 60_000,
  });

export const useDirectoryOffice = (slug: string, language: string) =>
  useQuery({
    queryKey: directoryKeys.office(slug, language),
    queryFn: () => api.get<DirectoryOffice>(`/public/directory/${encodeURIComponent(slug)}`, { language }),
    staleTime: 60_000,
    retry: false,
  });

export const useDirectorySettings = () =>
  useQuery({ queryKey: directoryKeys.settings, queryFn: () => api.get<DirectorySettings>('/directory-settings') });
