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

  it("applies an office's own field and type rule", () => {
    const rules = {
      ...DEFAULT_OUT_OF_SCOPE_RULES,
      fieldTypeRules: [{ field: 'health_care', type: 'orientation', matter: 'medical_diagnosis' as const }],
    };
    const findings = detectOutOfScope({ matters: [], field: 'health_care', type: 'orientation', texts: [] }, rules);
    expect(findings).toEqual([{ matter: 'medical_diagnosis', source: 'field_type' }]);
  });

  it('falls back to keywords in the free text, at the start of words', () => {
    const findings = detectOutOfScope({
      matters: [],
      field: 'housing',
      type: 'accompaniment',
      texts: ['Die Familie möchte Schulden regeln, Briefe vom Inkasso liegen vor.'],
    });
    expect(findings).toEqual([{ matter: 'debt_counselling', source: 'keyword', keyword: 'schulden regeln' }]);
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

/** Typical requests from the sources' practice, both ways: core work is never flagged, professional work is. */
const CORE_WORK: [string, string, string, string][] = [
  [
    'authorities',
    'accompaniment',
    'Begleitung zur Ausländerbehörde',
    'Verlängerung des Aufenthaltstitels, Unterlagen mitnehmen und gemeinsam hingehen.',
  ],
  [
    'authorities',
    'language_mediation',
    'Begleitung zur Anhörung beim BAMF',
    'Anhörung im Asylverfahren, die Lotsin begleitet und übersetzt dort.',
  ],
  ['health_care', 'language_mediation', 'Begleitung zum Kinderarzt', 'Vorsorgeuntersuchung, beim Termin dolmetschen.'],
  [
    'health_care',
    'accompaniment',
    'Arzttermin mit Befundbesprechung',
    'Der Arzt bespricht den Befund, die Lotsin übersetzt und erklärt den Weg zur Apotheke.',
  ],
  [
    'authorities',
    'accompaniment',
    'Begleitung zur Schuldnerberatung',
    'Termin bei der Schuldnerberatung der Stadt, gemeinsam hingehen und Unterlagen ordnen.',
  ],
  [
    'authorities',
    'orientation',
    'Jobcenter: Antrag verstehen',
    'Antrag auf Bürgergeld gemeinsam ausfüllen, Fristen erklären.',
  ],
  [
    'school_kita',
    'language_mediation',
    'Elternabend in der Grundschule',
    'Übersetzung beim Elternabend, Fragen zum Schulweg.',
  ],
  [
    'housing',
    'orientation',
    'Wohnungsbesichtigung',
    'Mietvertrag lesen und Hausordnung erklären, Sachwalter der Hausverwaltung treffen.',
  ],
];
const PROFESSIONAL_WORK: [string, string, string, string][] = [
  [
    'residence_law',
    'authorities',
    'Vor der Anhörung',
    'Verfahrensberatung zum Asylantrag und wie die Abschiebung verhindern.',
  ],
  [
    'lawyer',
    'authorities',
    'Rechtsberatung zum Asylverfahren',
    'Widerspruch gegen den Bescheid schreiben und rechtliche Beratung.',
  ],
  [
    'court',
    'authorities',
    'Vertretung vor Gericht',
    'Gerichtsverhandlung am Verwaltungsgericht, die Lotsin soll aussagen.',
  ],
  ['lawyer', 'authorities', 'Anwaltstermin organisieren', 'Ein Anwalt muss den Fall übernehmen.'],
  ['police', 'authorities', 'Anzeige bei der Polizei', 'Die Frau möchte Anzeige erstatten.'],
  ['medical_diagnosis', 'health_care', 'Pflege zu Hause', 'Medikamente verabreichen und Wundversorgung übernehmen.'],
  ['psychotherapy', 'health_care', 'Trauma', 'Psychologische Betreuung nach der Flucht, Trauma aufarbeiten.'],
  ['debt_counselling', 'housing', 'Schulden', 'Mit Gläubigern verhandeln und eine Ratenzahlung aushandeln.'],
  [
    'money_matters',
    'orientation',
    'Geld verwalten',
    'Die Lotsin soll eine Kontovollmacht bekommen und Bargeld abheben.',
  ],
];

describe('regression: out-of-scope rules do not flag core work', () => {
  it.each(CORE_WORK)('core work is not flagged: %s / %s – %s', (field, type, title, description) => {
    expect(detectOutOfScope({ matters: [], field, type, texts: [title, description] })).toEqual([]);
  });
  it.each(PROFESSIONAL_WORK)('flags %s: %s – %s', (matter, field, title, description) => {
    const findings = detectOutOfScope({ matters: [], field, type: 'accompaniment', texts: [title, description] });
    expect(findings.map((f) => f.matter)).toContain(matter);
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
