import { describe, expect, it } from 'vitest';
import { DEFAULT_OUT_OF_SCOPE_RULES, detectOutOfScope, sensitiveCategories } from './outOfScope.js';
import { canTransition, REQUEST_STATUSES, REQUEST_TRANSITIONS } from './requestStatus.js';

describe('out-of-scope detection', () => {
  it('recognises ticked matters without any keyword', () => {
    const findings = detectOutOfScope({
      matters: ['court'],
      field: 'authorities',
      type: 'accompaniment',
      texts: ['Termin begleiten'],
    });
    expect(findings).toEqual([{ matter: 'court', source: 'matter' }]);
  });

  it('recognises a field and type combination (language mediation in health care)', () => {
    const findings = detectOutOfScope({ matters: [], field: 'health_care', type: 'language_mediation', texts: [] });
    expect(findings).toEqual([{ matter: 'medical_diagnosis', source: 'field_type' }]);
  });

  it('falls back to keywords in the free text', () => {
    const findings = detectOutOfScope({
      matters: [],
      field: 'housing',
      type: 'accompaniment',
      texts: ['Brief vom Inkasso-Büro'],
    });
    expect(findings).toEqual([{ matter: 'debt_counselling', source: 'keyword', keyword: 'inkasso' }]);
  });

  it('reports each matter once and follows the office rules', () => {
    const findings = detectOutOfScope({
      matters: ['lawyer'],
      field: null,
      type: 'orientation',
      texts: ['Anwalt anrufen'],
    });
    expect(findings).toHaveLength(1);
    const relaxed = { ...DEFAULT_OUT_OF_SCOPE_RULES, matters: [], keywords: {} };
    expect(
      detectOutOfScope({ matters: ['lawyer'], field: null, type: 'orientation', texts: ['Anwalt'] }, relaxed),
    ).toEqual([]);
  });

  it('finds nothing in an ordinary request', () => {
    expect(
      detectOutOfScope({
        matters: [],
        field: 'school_kita',
        type: 'accompaniment',
        texts: ['Elterngespräch in der Grundschule'],
      }),
    ).toEqual([]);
  });
});

describe('sensitive free text', () => {
  it('warns about health, religion and residence details', () => {
    expect(sensitiveCategories('Sie ist schwanger und hat eine Duldung')).toEqual(['health', 'residence']);
    expect(sensitiveCategories('Anmeldung in der Kita')).toEqual([]);
  });
});

describe('request status', () => {
  it('walks the main path', () => {
    const path = ['new', 'in_review', 'offered', 'matched', 'active', 'closed'] as const;
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1], path[i])).toBe(true);
  });
  it('has terminal closed and cancelled states, and no match can be reopened', () => {
    expect(REQUEST_TRANSITIONS.closed).toEqual([]);
    expect(REQUEST_TRANSITIONS.cancelled).toEqual([]);
    expect(canTransition('no_match', 'in_review')).toBe(true);
    expect(canTransition('active', 'cancelled')).toBe(false);
    for (const s of REQUEST_STATUSES) expect(REQUEST_TRANSITIONS[s]).not.toContain(s);
  });
});
