/**
 * Volunteers give no legal, medical or debt advice (domain.md). A request is recognised as out of scope from its
 * structured answers first (the matters the partner ticked, the field and type), and from keywords in the free
 * text second. The rules are office settings.
 */
export const REQUEST_MATTERS = [
  'court',
  'lawyer',
  'police',
  'medical_diagnosis',
  'psychotherapy',
  'debt_counselling',
  'residence_law',
  'money_matters',
] as const;
export type RequestMatter = (typeof REQUEST_MATTERS)[number];

export type OutOfScopeRules = {
  /** Ticked matters that are never for volunteers. */
  matters: RequestMatter[];
  /** Field + type combinations that imply a matter, e.g. language mediation in health care → diagnosis talks. */
  fieldTypeRules: { field: string; type: string; matter: RequestMatter }[];
  /** Lower-case keywords per matter, searched in the description and notes. */
  keywords: Partial<Record<RequestMatter, string[]>>;
};

export const DEFAULT_OUT_OF_SCOPE_RULES: OutOfScopeRules = {
  matters: [
    'court',
    'lawyer',
    'police',
    'medical_diagnosis',
    'psychotherapy',
    'debt_counselling',
    'residence_law',
    'money_matters',
  ],
  fieldTypeRules: [{ field: 'health_care', type: 'language_mediation', matter: 'medical_diagnosis' }],
  keywords: {
    court: ['gericht', 'verhandlung', 'richter'],
    lawyer: ['anwalt', 'anwältin', 'rechtsanwalt'],
    police: ['polizei', 'anzeige erstatten', 'vernehmung'],
    medical_diagnosis: ['diagnose', 'befund', 'operation'],
    psychotherapy: ['therapie', 'psychiat', 'trauma'],
    debt_counselling: ['schulden', 'inkasso', 'pfändung'],
    residence_law: ['abschiebung', 'asylverfahren', 'aufenthaltstitel'],
    money_matters: ['bargeld', 'kontovollmacht', 'geld leihen'],
  },
};

export type OutOfScopeFinding = {
  matter: RequestMatter;
  source: 'matter' | 'field_type' | 'keyword';
  keyword?: string;
};

export function detectOutOfScope(
  request: {
    matters: readonly string[];
    field: string | null;
    type: string;
    texts: readonly (string | null | undefined)[];
  },
  rules: OutOfScopeRules = DEFAULT_OUT_OF_SCOPE_RULES,
): OutOfScopeFinding[] {
  const findings: OutOfScopeFinding[] = [];
  const seen = new Set<string>();
  const add = (finding: OutOfScopeFinding) => {
    if (seen.has(finding.matter)) return;
    seen.add(finding.matter);
    findings.push(finding);
  };
  for (const matter of request.matters) {
    if ((rules.matters as readonly string[]).includes(matter))
      add({ matter: matter as RequestMatter, source: 'matter' });
  }
  for (const rule of rules.fieldTypeRules) {
    if (rule.field === request.field && rule.type === request.type) add({ matter: rule.matter, source: 'field_type' });
  }
  const text = request.texts.filter(Boolean).join(' ').toLowerCase();
  for (const [matter, words] of Object.entries(rules.keywords) as [RequestMatter, string[]][]) {
    const keyword = words.find((w) => text.includes(w));
    if (keyword) add({ matter, source: 'keyword', keyword });
  }
  return findings;
}

/**
 * Free-text warning (DSGVO Art. 9): words that suggest health, religion or residence details in a description.
 * The form warns; it does not block, since a coordinator may need to read what was written.
 */
const SENSITIVE_HINTS: Record<'health' | 'religion' | 'residence', string[]> = {
  health: ['krank', 'diagnose', 'schwanger', 'behinderung', 'depression', 'hiv', 'medikament', 'arzt', 'ärztin'],
  religion: ['muslim', 'christ', 'jüd', 'jesid', 'religion', 'moschee', 'kirche'],
  residence: ['duldung', 'asyl', 'abschiebung', 'aufenthalt', 'illegal'],
};

export function sensitiveCategories(text: string | null | undefined): ('health' | 'religion' | 'residence')[] {
  if (!text) return [];
  const lower = text.toLowerCase();
  return (Object.keys(SENSITIVE_HINTS) as ('health' | 'religion' | 'residence')[]).filter((cat) =>
    SENSITIVE_HINTS[cat].some((w) => lower.includes(w)),
  );
}
