import type { DistrictTerm } from '../../../shared/enums.js';
import type { RequestFormValues } from './requestFormValues';

type T = (key: string, o?: Record<string, unknown>) => string;

/**
 * Client-side checks mirror the server's required fields, so mistakes show before sending; each message says what
 * to do ("Bitte mindestens eine Sprache der Person angeben"), as the error summary lists them out of context.
 */
export function requestValidation(t: T, opts: { partner: boolean; districtTerm?: DistrictTerm }) {
  const need = (key: string) => (v: unknown) =>
    v === '' || v === null || v === undefined ? t(`forms.required.${key}`) : null;
  return {
    partnerId: (v: string) => (opts.partner ? need('partner')(v) : null),
    title: (v: string) => (v.trim() ? null : t('forms.required.title')),
    field: need('field'),
    type: need('type'),
    description: (v: string) => (v.trim().length >= 10 ? null : t('forms.invalid.description', { minimum: 10 })),
    districtId: (v: string) =>
      v ? null : t('forms.required.district', { context: opts.districtTerm ?? 'Stadtbezirk' }),
    guidesNeeded: (v: number | string | null) =>
      v === '' || v === null || !Number.isInteger(Number(v)) || Number(v) < 1 || Number(v) > 10
        ? t('forms.invalid.guidesNeeded')
        : null,
    startsOn: need('startsOn'),
    endsOn: (v: string, values: RequestFormValues) =>
      v && values.startsOn && v < values.startsOn ? t('validation.endBeforeStart') : null,
    frequency: need('frequency'),
    expectedHours: (v: number | string | null) =>
      typeof v === 'number' && Number.isNaN(v)
        ? t('numbers.fix')
        : v === '' || v === null || Number(v) < 0.5
          ? t('forms.invalid.expectedHours')
          : null,
    minorsInvolved: need('minorsInvolved'),
    person: {
      initials: (v: string) => (v.trim() ? null : t('forms.required.initials')),
      ageGroup: need('ageGroup'),
      languages: (v: string[]) => (v.length ? null : t('forms.invalid.personLanguages')),
      household: need('household'),
      // A family is at least two people: "Familie (1 Person)" must never be saved.
      householdSize: (v: number | string | null, values: RequestFormValues) =>
        values.person.household === 'family' &&
        (v === '' || v === null || !Number.isInteger(Number(v)) || Number(v) < 2 || Number(v) > 20)
          ? t('validation.familySize')
          : null,
    },
  };
}
