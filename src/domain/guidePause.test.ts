import { describe, expect, it } from 'vitest';
import { endPause, overlaps, pausedDuring, pauseProblems, pauseState, pauseWindow } from './guidePause.js';

const today = '2026-06-10';

describe('pauseProblems', () => {
  it('accepts a holiday in the coming weeks and an illness entered a few days late', () => {
    expect(pauseProblems({ startsOn: '2026-07-01', endsOn: '2026-07-14' }, today)).toEqual([]);
    expect(pauseProblems({ startsOn: '2026-06-05', endsOn: '2026-06-12' }, today)).toEqual([]);
    expect(pauseProblems({ startsOn: today, endsOn: today }, today)).toEqual([]);
  });
  it('refuses an end before the start', () => {
    expect(pauseProblems({ startsOn: '2026-07-14', endsOn: '2026-07-01' }, today)).toEqual([
      { path: 'endsOn', code: 'pauseEndBeforeStart' },
    ]);
  });
  it('refuses a start more than 30 days back and a pause longer than 366 days', () => {
    expect(pauseProblems({ startsOn: '2026-05-10', endsOn: '2026-06-20' }, today)).toEqual([
      { path: 'startsOn', code: 'pauseStartTooEarly' },
    ]);
    expect(pauseProblems({ startsOn: '2026-05-11', endsOn: '2026-06-20' }, today)).toEqual([]);
    expect(pauseProblems({ startsOn: '2026-07-01', endsOn: '2027-07-01' }, today)).toEqual([]);
    expect(pauseProblems({ startsOn: '2026-07-01', endsOn: '2027-07-02' }, today)).toEqual([
      { path: 'endsOn', code: 'pauseTooLong' },
    ]);
  });
  it('refuses a pause that is already over', () => {
    expect(pauseProblems({ startsOn: '2026-06-01', endsOn: '2026-06-09' }, today)).toEqual([
      { path: 'endsOn', code: 'pauseEnded' },
    ]);
  });
});

describe('overlaps and the request window', () => {
  it('counts both ends as days of the pause', () => {
    const pause = { startsOn: '2026-07-01', endsOn: '2026-07-14' };
    expect(overlaps(pause, { startsOn: '2026-07-14', endsOn: '2026-07-20' })).toBe(true);
    expect(overlaps(pause, { startsOn: '2026-06-20', endsOn: '2026-07-01' })).toBe(true);
    expect(overlaps(pause, { startsOn: '2026-07-15', endsOn: '2026-07-20' })).toBe(false);
    expect(overlaps(pause, { startsOn: '2026-06-20', endsOn: '2026-06-30' })).toBe(false);
  });
  it('checks an open-ended request on its first day, a bounded one on every day', () => {
    expect(pauseWindow({ startsOn: '2026-07-03', endsOn: null }, today)).toEqual({
      startsOn: '2026-07-03',
      endsOn: '2026-07-03',
    });
    expect(pauseWindow({ startsOn: '2026-07-03', endsOn: '2026-08-01' }, today)).toEqual({
      startsOn: '2026-07-03',
      endsOn: '2026-08-01',
    });
  });
  it('starts the window today when the request has already started, and never ends it before it starts', () => {
    expect(pauseWindow({ startsOn: '2026-05-01', endsOn: null }, today)).toEqual({ startsOn: today, endsOn: today });
    expect(pauseWindow({ startsOn: '2026-05-01', endsOn: '2026-06-01' }, today)).toEqual({
      startsOn: today,
      endsOn: today,
    });
    expect(pauseWindow({ startsOn: null, endsOn: null }, today)).toEqual({ startsOn: today, endsOn: today });
  });
  it('a guide is paused for a request only while a pause touches its window', () => {
    const pauses = [{ startsOn: '2026-07-01', endsOn: '2026-07-14' }];
    expect(pausedDuring(pauses, pauseWindow({ startsOn: '2026-07-10', endsOn: null }, today))).toBe(true);
    expect(pausedDuring(pauses, pauseWindow({ startsOn: '2026-07-15', endsOn: null }, today))).toBe(false);
    expect(pausedDuring(pauses, pauseWindow({ startsOn: '2026-06-20', endsOn: '2026-07-02' }, today))).toBe(true);
    expect(pausedDuring([], pauseWindow({ startsOn: '2026-07-10', endsOn: null }, today))).toBe(false);
  });
});

describe('pauseState and endPause', () => {
  it('tells upcoming, current and past pauses apart', () => {
    expect(pauseState({ startsOn: '2026-06-11', endsOn: '2026-06-20' }, today)).toBe('upcoming');
    expect(pauseState({ startsOn: today, endsOn: today }, today)).toBe('current');
    expect(pauseState({ startsOn: '2026-06-01', endsOn: '2026-06-09' }, today)).toBe('past');
  });
  it('deletes a pause that has not begun or began today, and ends a running one yesterday', () => {
    expect(endPause({ startsOn: '2026-06-20', endsOn: '2026-06-30' }, today)).toEqual({ delete: true });
    expect(endPause({ startsOn: today, endsOn: '2026-06-30' }, today)).toEqual({ delete: true });
    expect(endPause({ startsOn: '2026-06-01', endsOn: '2026-06-30' }, today)).toEqual({
      delete: false,
      endsOn: '2026-06-09',
    });
  });
});
