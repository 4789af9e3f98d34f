import { addDays, addMonths } from './dates.js';

type RequestTimes = { startsOn: string; endsOn: string | null; frequency: string };

/**
 * The period of a first agreement draft. A one-off request is agreed for its one date (or its given end), with the
 * review on the last day; a recurring one for the request's period, or three months, reviewed after
 * `reviewAfterDays` (never after the end).
 */
export function draftAgreementPeriod(request: RequestTimes, today: string, reviewAfterDays: number) {
  const startsOn = request.startsOn > today ? request.startsOn : today;
  const givenEnd = request.endsOn && request.endsOn >= startsOn ? request.endsOn : null;
  if (request.frequency === 'once') {
    const endsOn = givenEnd ?? startsOn;
    return { startsOn, endsOn, reviewOn: endsOn };
  }
  const endsOn = givenEnd ?? addMonths(startsOn, 3);
  const review = addDays(startsOn, reviewAfterDays);
  // biome-ignore lint/complexity/useMathMinMax: ISO dates are strings; they compare lexically, not numerically.
  return { startsOn, endsOn, reviewOn: review < endsOn ? review : endsOn };
}
