import { addDays } from '../../src/domain/dates.js';
import type { TestOffice } from './factories.js';

/** Today as the server sees it in a test office: the UTC date, midday there (factories.ts, testTimeZone). */
export const today = new Date().toISOString().slice(0, 10);
export const inDays = (n: number) => addDays(today, n);
/**
 * A clock in this evening (18:30 UTC; 20:30 in a test office, see testTimeZone), so activities of earlier today are
 * not "in the future";
 * it advances a second at each reading, so events keep their order on the timeline.
 */
export function thisEvening() {
  let at = Date.parse(`${today}T18:30:00Z`);
  return () => {
    at += 1000;
    return new Date(at);
  };
}

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
