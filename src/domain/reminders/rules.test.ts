import { describe, expect, it } from 'vitest';
import {
  agreementUnconfirmedCutoff,
  backgroundCheckExpiresOn,
  backgroundCheckWarnDue,
  offerCutoffs,
  offerReminderStage,
  type ReminderRules,
  reviewDueUntil,
  timeSheetOverdueMonth,
  weekOf,
} from './rules.js';

const rules: ReminderRules = {
  offerGuideAfterHours: 24,
  offerCoordinatorAfterHours: 12,
  agreementUnconfirmedAfterDays: 3,
  reviewAheadDays: 7,
  backgroundCheckWarnMonths: 3,
  timeSheetDeadlineDay: 10,
};
const at = (iso: string) => new Date(iso);

describe('reminder rules', () => {
  it('reminds the guide after N hours, the coordinators M hours later', () => {
    const sent = at('2026-03-02T08:00:00Z');
    expect(offerReminderStage(sent, at('2026-03-03T07:59:59Z'), rules)).toBe('none');
    expect(offerReminderStage(sent, at('2026-03-03T08:00:00Z'), rules)).toBe('guide');
    expect(offerReminderStage(sent, at('2026-03-03T19:59:00Z'), rules)).toBe('guide');
    expect(offerReminderStage(sent, at('2026-03-03T20:00:00Z'), rules)).toBe('coordinator');
    const cut = offerCutoffs(at('2026-03-03T20:00:00Z'), rules);
    expect(cut.guide.toISOString()).toBe('2026-03-02T20:00:00.000Z');
    expect(cut.coordinator.toISOString()).toBe('2026-03-02T08:00:00.000Z');
  });

  it('reminds an agreement unconfirmed after N days', () => {
    expect(agreementUnconfirmedCutoff(at('2026-03-05T07:00:00Z'), rules).toISOString()).toBe(
      '2026-03-02T07:00:00.000Z',
    );
  });

  it('reminds a review date N days ahead', () => {
    expect(reviewDueUntil('2026-03-28', rules)).toBe('2026-04-04');
    expect(reviewDueUntil('2026-03-28', { ...rules, reviewAheadDays: 0 })).toBe('2026-03-28');
  });

  it('warns of a background check the configured months before it runs out', () => {
    const expires = backgroundCheckExpiresOn('2021-06-15', 60);
    expect(expires).toBe('2026-06-15');
    expect(backgroundCheckWarnDue(expires, '2026-03-14', rules)).toBe(false);
    expect(backgroundCheckWarnDue(expires, '2026-03-15', rules)).toBe(true);
    expect(backgroundCheckWarnDue(expires, '2026-01-15', { ...rules, backgroundCheckWarnMonths: 6 })).toBe(true);
  });

  it('finds last month overdue from the deadline day on, across the year', () => {
    expect(timeSheetOverdueMonth('2026-03-09', rules)).toBeNull();
    expect(timeSheetOverdueMonth('2026-03-10', rules)).toBe('2026-02');
    expect(timeSheetOverdueMonth('2026-01-31', rules)).toBe('2025-12');
    expect(timeSheetOverdueMonth('2026-01-01', { ...rules, timeSheetDeadlineDay: 1 })).toBe('2025-12');
  });

  it('groups a repeating reminder by the Monday of its week', () => {
    expect(weekOf('2026-03-04')).toBe('2026-03-02');
    expect(weekOf('2026-03-02')).toBe('2026-03-02');
    expect(weekOf('2026-03-08')).toBe('2026-03-02');
  });
});
