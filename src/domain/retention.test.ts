import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION_SCHEDULE as schedule } from '../shared/retention.js';
import { auditCutoff, backgroundCheckDueOn, guideDataDueOn, guideLeftOn, isDue, personDataDueOn } from './retention.js';

describe('retention dates', () => {
  it('a guide leaves on the day of status "left" or of the consent withdrawal, whichever was first', () => {
    expect(guideLeftOn({ status: 'left', statusChangedOn: '2025-03-01', consentWithdrawnAt: null })).toBe('2025-03-01');
    expect(guideLeftOn({ status: 'left', statusChangedOn: '2025-03-01', consentWithdrawnAt: '2025-01-10' })).toBe(
      '2025-01-10',
    );
    expect(guideLeftOn({ status: 'active', statusChangedOn: '2025-03-01', consentWithdrawnAt: '2025-02-02' })).toBe(
      '2025-02-02',
    );
    expect(guideLeftOn({ status: 'paused', statusChangedOn: '2025-03-01', consentWithdrawnAt: null })).toBeNull();
  });

  it('defaults: background check 3 months after the last activity, guide data 3 years, person data 6 months', () => {
    expect(backgroundCheckDueOn('2025-01-31', schedule)).toBe('2025-04-30');
    expect(backgroundCheckDueOn(null, schedule)).toBeNull();
    expect(guideDataDueOn('2025-02-28', schedule)).toBe('2028-02-28');
    expect(personDataDueOn('2025-08-31', schedule)).toBe('2026-02-28');
    expect(auditCutoff('2026-06-15', schedule)).toBe('2023-06-15');
  });

  it('is due on the due day, not the day before', () => {
    expect(isDue('2025-04-30', '2025-04-29')).toBe(false);
    expect(isDue('2025-04-30', '2025-04-30')).toBe(true);
  });
});
