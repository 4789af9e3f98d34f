/** The office's figures for a period (issue 13 §1): the contract of the reports API, its XLSX export and the page. */
import { z } from 'zod';
import { MAX_PERIOD_DAYS, periodDays } from '../domain/reports/period.js';
import { isoDate, isoDateOut } from './common.js';

export const reportQuery = z
  .strictObject({ from: isoDate, to: isoDate })
  .refine((q) => q.from <= q.to, { message: 'validation.periodEndsBeforeStart', path: ['to'] })
  .refine((q) => q.from > q.to || periodDays(q) <= MAX_PERIOD_DAYS, {
    message: 'validation.periodTooLong',
    path: ['to'],
  });
export type ReportQuery = z.infer<typeof reportQuery>;

/** The sections of the Sachbericht the coordinator writes; the document adds the figures between them. */
export const SACHBERICHT_SECTIONS = ['goals', 'activities', 'outcomes', 'outlook'] as const;
export const SACHBERICHT_TEXT_MAX = 6000;
const sectionText = z.string().trim().max(SACHBERICHT_TEXT_MAX).nullable().optional();

/**
 * The Sachbericht draft (issue 13 §2): the period and the coordinator's own text per section, each optional (an empty
 * section prints a visible placeholder). Nothing of it is stored: the page keeps the texts in its form.
 */
export const sachberichtInput = z
  .strictObject({
    from: isoDate,
    to: isoDate,
    goals: sectionText,
    activities: sectionText,
    outcomes: sectionText,
    outlook: sectionText,
  })
  .refine((q) => q.from <= q.to, { message: 'validation.periodEndsBeforeStart', path: ['to'] })
  .refine((q) => q.from > q.to || periodDays(q) <= MAX_PERIOD_DAYS, {
    message: 'validation.periodTooLong',
    path: ['to'],
  });
export type SachberichtInput = z.infer<typeof sachberichtInput>;

/**
 * One bar of a breakdown. `key` is a stable code (a gender, a field of action, an ISO language code …) or, for
 * records the office names itself (partners, districts, courses, services), their id; `label` is then the name.
 * `unknown` / `not_stated` are keys too: a figure never silently drops the guides who gave no answer.
 */
export const countRow = z.object({ key: z.string(), label: z.string().nullable(), count: z.number().int() });
export type CountRow = z.infer<typeof countRow>;

export const periodSchema = z.object({ from: isoDateOut, to: isoDateOut });

export const officeFiguresSchema = z.object({
  guides: z.object({
    /** Certificates of completed courses whose course ended in the period (not withdrawn), per course. */
    newlyQualified: z.array(countRow),
    newlyQualifiedTotal: z.number().int(),
    /** Guides with at least one deployment activity or hour entry dated in the period; the base of the breakdowns. */
    active: z.number().int(),
    byGender: z.array(countRow),
    byAgeGroup: z.array(countRow),
    byMigrationBackground: z.array(countRow),
    byCountry: z.array(countRow),
    byLanguage: z.array(countRow),
  }),
  requests: z.object({
    /** Requests filed in the period: the base of the four breakdowns. */
    filed: z.number().int(),
    byField: z.array(countRow),
    byType: z.array(countRow),
    byPartner: z.array(countRow),
    byDistrict: z.array(countRow),
    /** Requests whose first guide was found in the period, and how long that took from filing, in days. */
    matched: z.number().int(),
    daysToMatchMedian: z.number().nullable(),
    daysToMatchP90: z.number().nullable(),
    /** Requests that ended in the period without a guide: key = status (no_match, cancelled), label = the reason. */
    withoutMatch: z.array(countRow),
    /** Deployments closed in the period with the outcome "referred", by the service referred to. */
    referralsByService: z.array(countRow),
  }),
  deployments: z.object({
    /** Deployments running at any time in the period. */
    active: z.number().int(),
    closed: z.number().int(),
    outcomes: z.array(countRow),
    /** The distinct requests behind the running deployments: one person or one family each. */
    supported: z.object({
      individuals: z.number().int(),
      families: z.number().int(),
      people: z.number().int(),
    }),
    householdSizes: z.array(countRow),
    languages: z.array(countRow),
  }),
  hours: z.object({
    totalMinutes: z.number().int(),
    /** key = `deployments` for the activity log, otherwise the hour category's key; label = its name. */
    byCategory: z.array(countRow),
    /** Approved or paid expense claims dated in the period. */
    reimbursedCents: z.number().int(),
    reimbursedClaims: z.number().int(),
    /** Payout runs paid in the period. */
    paidOutCents: z.number().int(),
    /** Approved time sheets of months in the period (the evidence allowances are paid on). */
    approvedSheetMinutes: z.number().int(),
  }),
  courses: z.object({
    items: z.array(
      z.object({
        courseId: z.uuid(),
        title: z.string(),
        participants: z.number().int(),
        unitsHeld: z.number().int(),
        /** Present marks ÷ marks that could have been made (held sessions × participants), 0…1; null if none. */
        attendanceRate: z.number().nullable(),
        completions: z.number().int(),
        /** The course's last session is held and lies in the period: its fundable amount counts in this period. */
        ended: z.boolean(),
        /**
         * The fundable amount under the course's rule set (the version valid on its first day), over its sessions held
         * up to the period's end: the same computation as the course report. Null: no rule set (see fundingProblem).
         */
        funding: z
          .object({
            ruleSetName: z.string(),
            kind: z.enum(['per_unit', 'per_participant_unit']),
            fundable: z.boolean(),
            notes: z.array(z.enum(['unitsCapped', 'materialsCapped', 'tooFewUnits', 'tooManyUnits'])),
            unitsFunded: z.number().int(),
            teachingCents: z.number().int(),
            materialsCents: z.number().int(),
            totalCents: z.number().int(),
          })
          .nullable(),
        fundingProblem: z.enum(['noneChosen', 'notValidYet']).nullable(),
      }),
    ),
    participants: z.number().int(),
    unitsHeld: z.number().int(),
    completions: z.number().int(),
    /** Fundable amount of the courses that ended in the period (each course counts once: in the period it ends). */
    fundableCents: z.number().int(),
  }),
});
export type OfficeFigures = z.infer<typeof officeFiguresSchema>;

export const officeReportSchema = z.object({
  office: z.object({ id: z.uuid(), name: z.string() }),
  period: periodSchema,
  previousPeriod: periodSchema,
  current: officeFiguresSchema,
  previous: officeFiguresSchema,
});
export type OfficeReport = z.infer<typeof officeReportSchema>;

/** How a breakdown's keys become words: by a translation prefix, a language or country name, or the data's own name. */
export type LabelKind =
  | 'data'
  | 'gender'
  | 'ageGroup'
  | 'migrationBackground'
  | 'country'
  | 'language'
  | 'requestType'
  | 'field'
  | 'withoutMatch'
  | 'outcome'
  | 'householdSize'
  | 'hourCategory';

export type Breakdown = {
  /** Stable id: the i18n key `reports.figure.<id>`, the chart's anchor and the XLSX sheet's order. */
  id: string;
  section: 'guides' | 'requests' | 'deployments' | 'hours';
  kind: LabelKind;
  pick: (f: OfficeFigures) => CountRow[];
  /** Hours are counted in minutes and shown in hours. */
  unit?: 'minutes';
};

/** Every breakdown the page charts and the XLSX writes as a sheet, in the order of the report. */
export const BREAKDOWNS: readonly Breakdown[] = [
  { id: 'newlyQualified', section: 'guides', kind: 'data', pick: (f) => f.guides.newlyQualified },
  { id: 'guidesByGender', section: 'guides', kind: 'gender', pick: (f) => f.guides.byGender },
  { id: 'guidesByAgeGroup', section: 'guides', kind: 'ageGroup', pick: (f) => f.guides.byAgeGroup },
  {
    id: 'guidesByMigrationBackground',
    section: 'guides',
    kind: 'migrationBackground',
    pick: (f) => f.guides.byMigrationBackground,
  },
  { id: 'guidesByCountry', section: 'guides', kind: 'country', pick: (f) => f.guides.byCountry },
  { id: 'guidesByLanguage', section: 'guides', kind: 'language', pick: (f) => f.guides.byLanguage },
  { id: 'requestsByField', section: 'requests', kind: 'field', pick: (f) => f.requests.byField },
  { id: 'requestsByType', section: 'requests', kind: 'requestType', pick: (f) => f.requests.byType },
  { id: 'requestsByPartner', section: 'requests', kind: 'data', pick: (f) => f.requests.byPartner },
  { id: 'requestsByDistrict', section: 'requests', kind: 'data', pick: (f) => f.requests.byDistrict },
  { id: 'requestsWithoutMatch', section: 'requests', kind: 'withoutMatch', pick: (f) => f.requests.withoutMatch },
  { id: 'referralsByService', section: 'requests', kind: 'data', pick: (f) => f.requests.referralsByService },
  { id: 'deploymentOutcomes', section: 'deployments', kind: 'outcome', pick: (f) => f.deployments.outcomes },
  { id: 'householdSizes', section: 'deployments', kind: 'householdSize', pick: (f) => f.deployments.householdSizes },
  { id: 'deploymentLanguages', section: 'deployments', kind: 'language', pick: (f) => f.deployments.languages },
  { id: 'hoursByCategory', section: 'hours', kind: 'hourCategory', pick: (f) => f.hours.byCategory, unit: 'minutes' },
];

export type Kpi = {
  id: string;
  section: 'guides' | 'requests' | 'deployments' | 'hours' | 'courses';
  format: 'count' | 'days' | 'minutes' | 'cents';
  pick: (f: OfficeFigures) => number | null;
};

/** The single numbers of the report (the page's cards, the XLSX's "Kennzahlen" sheet). */
export const KPIS: readonly Kpi[] = [
  { id: 'activeGuides', section: 'guides', format: 'count', pick: (f) => f.guides.active },
  { id: 'newlyQualifiedTotal', section: 'guides', format: 'count', pick: (f) => f.guides.newlyQualifiedTotal },
  { id: 'requestsFiled', section: 'requests', format: 'count', pick: (f) => f.requests.filed },
  { id: 'requestsMatched', section: 'requests', format: 'count', pick: (f) => f.requests.matched },
  { id: 'daysToMatchMedian', section: 'requests', format: 'days', pick: (f) => f.requests.daysToMatchMedian },
  { id: 'daysToMatchP90', section: 'requests', format: 'days', pick: (f) => f.requests.daysToMatchP90 },
  { id: 'deploymentsActive', section: 'deployments', format: 'count', pick: (f) => f.deployments.active },
  { id: 'deploymentsClosed', section: 'deployments', format: 'count', pick: (f) => f.deployments.closed },
  {
    id: 'supportedIndividuals',
    section: 'deployments',
    format: 'count',
    pick: (f) => f.deployments.supported.individuals,
  },
  { id: 'supportedFamilies', section: 'deployments', format: 'count', pick: (f) => f.deployments.supported.families },
  { id: 'supportedPeople', section: 'deployments', format: 'count', pick: (f) => f.deployments.supported.people },
  { id: 'hoursTotal', section: 'hours', format: 'minutes', pick: (f) => f.hours.totalMinutes },
  { id: 'approvedSheetHours', section: 'hours', format: 'minutes', pick: (f) => f.hours.approvedSheetMinutes },
  { id: 'reimbursed', section: 'hours', format: 'cents', pick: (f) => f.hours.reimbursedCents },
  { id: 'reimbursedClaims', section: 'hours', format: 'count', pick: (f) => f.hours.reimbursedClaims },
  { id: 'paidOut', section: 'hours', format: 'cents', pick: (f) => f.hours.paidOutCents },
  { id: 'courseParticipants', section: 'courses', format: 'count', pick: (f) => f.courses.participants },
  { id: 'courseUnitsHeld', section: 'courses', format: 'count', pick: (f) => f.courses.unitsHeld },
  { id: 'courseCompletions', section: 'courses', format: 'count', pick: (f) => f.courses.completions },
  { id: 'courseFundable', section: 'courses', format: 'cents', pick: (f) => f.courses.fundableCents },
];

type Translate = (key: string) => string;
type NameOf = (kind: 'language' | 'region', code: string) => string;

/** A breakdown row's words in the reader's language; the same on the page and in the XLSX. */
export function rowLabel(kind: LabelKind, row: CountRow, t: Translate, nameOf: NameOf): string {
  if (row.key === 'not_stated') return t('reports.notStated');
  // Requests by partner: the public form's requests have no partner (reports/repository.ts).
  if (row.key === 'public_form' && row.label === null) return t('requests.origin.public');
  switch (kind) {
    case 'gender':
      return t(`gender.${row.key}`);
    case 'ageGroup':
      return t(`reports.ageGroup.${row.key}`);
    case 'migrationBackground':
      return t(`migrationBackground.${row.key}`);
    case 'country':
      return nameOf('region', row.key);
    case 'language':
      return nameOf('language', row.key);
    case 'requestType':
      return t(`requests.type.${row.key}`);
    case 'outcome':
      return t(`assignments.outcome.${row.key}`);
    case 'householdSize':
      return t(`reports.householdSize.${row.key === '1' ? 'one' : 'other'}`).replace('{{count}}', row.key);
    case 'withoutMatch':
      return row.label ? `${t(`requests.status.${row.key}`)}: ${row.label}` : t(`requests.status.${row.key}`);
    case 'hourCategory':
      return row.key === 'deployments' ? t('reports.deploymentHours') : (row.label ?? row.key);
    case 'field':
      return row.label ?? row.key;
    default:
      return row.label ?? (row.key === 'other' ? t('reports.otherService') : row.key);
  }
}
