import type { RequestFormValues } from './requestFormValues';

type T = (key: string, o?: Record<string, unknown>) => string;

/** Client-side checks mirror the server's required fields, so mistakes show before sending. */
export function requestValidation(t: T, opts: { partner: boolean }) {
  const required = (v: unknown) => (v === '' || v === null || v === undefined ? t('validation.required') : null);
  return {
    partnerId: (v: string) => (opts.partner ? required(v) : null),
    title: (v: string) => (v.trim() ? null : t('validation.required')),
    field: required,
    type: required,
    description: (v: string) => (v.trim().length >= 10 ? null : t('validation.too_small_string', { minimum: 10 })),
    districtId: required,
    guidesNeeded: (v: number | string | null) =>
      v === '' || v === null || !Number.isInteger(Number(v)) || Number(v) < 1
        ? t('validation.too_small_number', { minimum: 1 })
        : Number(v) > 10
          ? t('validation.too_big_number', { maximum: 10 })
          : null,
    startsOn: required,
    endsOn: (v: string, values: RequestFormValues) =>
      v && values.startsOn && v < values.startsOn ? t('validation.endBeforeStart') : null,
    frequency: required,
    expectedHours: (v: number | string | null) =>
      typeof v === 'number' && Number.isNaN(v)
        ? t('numbers.fix')
        : v === '' || v === null || Number(v) < 0.5
          ? t('validation.too_small_number', { minimum: 0.5 })
          : null,
    minorsInvolved: required,
    person: {
      initials: (v: string) => (v.trim() ? null : t('validation.required')),
      ageGroup: required,
      languages: (v: string[]) => (v.length ? null : t('validation.too_small_array', { minimum: 1 })),
      household: required,
    },
  };
}
