import { useQuery } from '@tanstack/react-query';
import { intlLocaleOf } from '../../shared/numbers.js';
import type {
  AllowanceOverview,
  HourCategory,
  HourTotals,
  ProgrammeRuleSet,
  TimeSheet,
} from '../../shared/timesheets.js';
import { api, type List } from './client';

export type QueueItem = {
  id: string;
  guideId: string;
  guideName: string;
  month: string;
  state: TimeSheet['state'];
  submittedAt: string | null;
  totalMinutes: number;
  totals: TimeSheet['totals'];
  allowanceCents: number;
  taxFree: 'ok' | 'warning' | 'exceeds';
  cap: TimeSheet['cap'];
};

export const timesheetKeys = {
  all: ['timesheets'] as const,
  categories: ['timesheets', 'categories'] as const,
  mine: (month: string) => ['timesheets', 'mine', month] as const,
  queue: (status: string) => ['timesheets', 'queue', status] as const,
  ruleSets: ['timesheets', 'rule-sets'] as const,
  allowances: (year: number) => ['timesheets', 'allowances', year] as const,
  totals: (year: number) => ['timesheets', 'totals', year] as const,
};

export const useHourCategories = () =>
  useQuery({ queryKey: timesheetKeys.categories, queryFn: () => api.get<List<HourCategory>>('/hour-categories') });
export const useMyTimeSheet = (month: string) =>
  useQuery({ queryKey: timesheetKeys.mine(month), queryFn: () => api.get<TimeSheet>(`/me/time-sheets/${month}`) });
export const useTimeSheetQueue = (status: string) =>
  useQuery({
    queryKey: timesheetKeys.queue(status),
    queryFn: () => api.get<List<QueueItem>>('/time-sheets', { status }),
  });
export const useProgrammeRuleSets = () =>
  useQuery({
    queryKey: timesheetKeys.ruleSets,
    queryFn: () => api.get<List<ProgrammeRuleSet>>('/programme-rule-sets'),
  });
export const useAllowances = (year: number) =>
  useQuery({
    queryKey: timesheetKeys.allowances(year),
    queryFn: () => api.get<AllowanceOverview>('/hour-allowances', { year }),
  });
export const useHourTotals = (year: number) =>
  useQuery({ queryKey: timesheetKeys.totals(year), queryFn: () => api.get<HourTotals>('/hour-totals', { year }) });

/** "3 Std. 15 Min." in the UI language. */
export function hoursLabel(minutes: number, t: (key: string, o?: Record<string, unknown>) => string) {
  const sign = minutes < 0 ? '−' : '';
  const abs = Math.abs(minutes);
  return `${sign}${t('timesheets.duration', { hours: Math.floor(abs / 60), minutes: String(abs % 60).padStart(2, '0') })}`;
}

/** The month's name in the UI language ("März 2026"). */
export function monthLabel(month: string, locale: string) {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(intlLocaleOf(locale), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

export function shiftMonth(month: string, by: number) {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export const currentMonth = () => new Date().toISOString().slice(0, 7);
