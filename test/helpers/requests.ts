import type { TestOffice } from './factories.js';

export const today = new Date().toISOString().slice(0, 10);
export const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** A complete request as a partner would file it. */
export function requestBody(office: TestOffice, over: Record<string, unknown> = {}) {
  return {
    field: 'authorities',
    type: 'accompaniment',
    title: 'Begleitung zur Ausländerbehörde',
    description: 'Termin zur Verlängerung, Familie braucht Orientierung im Amt.',
    districtId: office.districtIds[0],
    startsOn: today,
    endsOn: inDays(90),
    frequency: 'weekly',
    expectedHours: 6,
    slots: [{ weekday: 2, from: '09:30', to: '11:00' }],
    languages: ['ar'],
    minorsInvolved: false,
    person: {
      initials: 'A. K.',
      ageGroup: 'adult',
      languages: ['ar'],
      household: 'family',
      householdSize: 4,
      consentGiven: true,
      consentVersion: '2026-01',
      consentLanguage: 'ar',
    },
    ...over,
  };
}
