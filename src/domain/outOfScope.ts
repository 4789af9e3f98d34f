/**
 * Volunteers give no legal, medical or debt advice (domain.md): they show the way and accompany. Accompanying
 * someone to the immigration office, to an asylum hearing or to a doctor, and interpreting there, is core work.
 * Out of scope are legal advice or representation, medical or psychological treatment, and other tasks for
 * professionals. A request is recognised as out of scope from its structured answers first (the matters the
 * partner ticked, field and type rules), and from keywords in the free text second. The rules are office settings.
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
  /** Field + type combinations that imply a matter (none by default: interpreting at the doctor is core work). */
  fieldTypeRules: { field: string; type: string; matter: RequestMatter }[];
  /**
   * Lower-case keywords or phrases per matter, searched in the title, description and notes. A keyword matches at
   * the start of a word, so "anwalt" finds "Anwaltstermin" but not "Sachwalter"; words of ordinary accompaniment
   * ("Befund", "Asylverfahren", "Aufenthaltstitel", "Schuldnerberatung") are not keywords on their own.
   */
  keywords: Partial<Record<RequestMatter, string[]>>;
};

export const DEFAULT_OUT_OF_SCOPE_RULES: OutOfScopeRules = {
  matters: [...REQUEST_MATTERS],
  fieldTypeRules: [],
  keywords: {
    court: [
      'vor gericht',
      'gerichtsverhandlung',
      'gerichtstermin',
      'verwaltungsgericht',
      'sozialgericht',
      'amtsgericht',
      'klage einreichen',
      'klage erheben',
    ],
    lawyer: [
      'rechtsberatung',
      'rechtlich beraten',
      'rechtliche beratung',
      'rechtsanwalt',
      'rechtsanwältin',
      'anwalt',
      'anwältin',
      'widerspruch schreiben',
      'widerspruch formulieren',
      'vertretung gegenüber',
      'vor der behörde vertreten',
    ],
    police: ['polizei', 'anzeige erstatten', 'strafanzeige', 'vernehmung', 'ermittlungsverfahren'],
    medical_diagnosis: [
      'medikamente verabreichen',
      'medikamente geben',
      'wundversorgung',
      'diagnose stellen',
      'medizinisch beraten',
      'medizinische beratung',
      'pflege übernehmen',
    ],
    psychotherapy: [
      'psychotherapie',
      'traumatherapie',
      'therapie durchführen',
      'psychologische betreuung',
      'psychologisch betreuen',
      'trauma aufarbeiten',
    ],
    debt_counselling: [
      'schulden regulieren',
      'schulden regeln',
      'mit gläubigern verhandeln',
      'ratenzahlung aushandeln',
      'insolvenzantrag',
      'privatinsolvenz',
    ],
    residence_law: [
      'asylberatung',
      'verfahrensberatung',
      'aufenthaltsrechtliche beratung',
      'asylrechtlich beraten',
      'abschiebung verhindern',
      'abschiebung abwenden',
      'härtefallantrag',
    ],
    money_matters: ['bargeld', 'kontovollmacht', 'bankvollmacht', 'geld leihen', 'geld verwalten'],
  },
};

export type OutOfScopeFinding = {
  matter: RequestMatter;
  source: 'matter' | 'field_type' | 'keyword';
  keyword?: string;
};

/** True when `keyword` occurs in `text` at the start of a word (text is lower-case with a leading space). */
function startsAWord(text: string, keyword: string): boolean {
  let from = text.indexOf(keyword);
  while (from !== -1) {
    if (!/[\p{L}\p{N}]/u.test(text[from - 1] ?? ' ')) return true;
    from = text.indexOf(keyword, from + 1);
  }
  return false;
}

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
  const text = ` ${request.texts.filter(Boolean).join(' ').toLowerCase().replace(/\s+/g, ' ')}`;
  for (const [matter, words] of Object.entries(rules.keywords) as [RequestMatter, string[]][]) {
    const keyword = words.find((w) => startsAWord(text, w));
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
