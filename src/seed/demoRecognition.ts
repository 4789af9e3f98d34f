/**
 * Demo hours for recognition (issue 11 §4), invented: two years of hours outside deployments for some of Hannover's
 * active guides, so that the Ehrenamtskarte list shows guides who qualify (the demo guide among them), who will soon
 * (at 80 % of the hours, or by their pace) and who do not; and one card issued almost three years ago that runs out
 * in three weeks. Categories are the office's defaults (ensureDefaultHourCategories).
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { cardConfirmations, hourEntries } from '../db/schema/index.js';
import { addDays, addMonths } from '../domain/dates.js';
import { addToMonth, CARD_RULE_SETS, cardExpiresOn } from '../domain/recognition/card.js';
import { hourCategoryIdsByKey } from '../modules/timesheets/repository.js';

type GuideRef = { id: string; status: string };

/** Minutes a month, and for how many months back (the current month gets a little too). */
const PROFILES: { minutes: number; months: number }[] = [
  { minutes: 1380, months: 26 }, // the demo guide: qualifies
  { minutes: 1320, months: 64 }, // qualifies; the card from three years ago runs out soon
  { minutes: 1560, months: 25 }, // qualifies
  { minutes: 1080, months: 26 }, // soon: 216 h a year, over 80 %
  { minutes: 1500, months: 21 }, // soon: at this pace in a few months
  { minutes: 900, months: 26 }, // 180 h a year: not yet
  { minutes: 480, months: 14 }, // not yet
  { minutes: 300, months: 8 }, // not yet
];

/** How a month's minutes are spread over the categories (shares of the whole). */
const SPREAD: [string, number, number][] = [
  ['plenum', 0.2, 5],
  ['supervision', 0.1, 12],
  ['course', 0.15, 15],
  ['public_talk', 0.15, 19],
  ['coordination', 0.1, 22],
  ['other', 0.3, 26],
];

export async function seedDemoRecognition(
  tx: Tx,
  input: {
    officeId: string;
    guides: readonly GuideRef[];
    demoGuideId: string;
    coordinatorUserId: string;
    today: string;
  },
) {
  const { officeId, today } = input;
  const categories = await hourCategoryIdsByKey(tx, officeId);
  const active = input.guides.filter((g) => g.status === 'active' && g.id !== input.demoGuideId);
  const chosen = [input.demoGuideId, ...active.map((g) => g.id)].slice(0, PROFILES.length);
  const thisMonth = today.slice(0, 7);
  const rows: (typeof hourEntries.$inferInsert)[] = [];
  chosen.forEach((guideId, i) => {
    const profile = PROFILES[i];
    for (let k = 0; k <= profile.months; k++) {
      const month = addToMonth(thisMonth, -k);
      for (const [key, share, day] of SPREAD) {
        const date = `${month}-${String(day).padStart(2, '0')}`;
        if (date > today) continue;
        // A little variation between months, the same every time the demo is seeded.
        const minutes = Math.round((profile.minutes * share * (1 + (((k * 7 + i * 3) % 5) - 2) / 100)) / 15) * 15;
        const categoryId = categories.get(key);
        if (categoryId && minutes > 0)
          rows.push({ officeId, guideId, categoryId, date, minutes: Math.min(minutes, 1440) });
      }
    }
  });
  for (let i = 0; i < rows.length; i += 500) await tx.insert(hourEntries).values(rows.slice(i, i + 500));

  // The second guide's card, confirmed and issued almost three years ago: it runs out in three weeks.
  const cardGuide = chosen[1];
  if (cardGuide) {
    const rules = CARD_RULE_SETS.niedersachsen;
    const expires = addDays(today, 21);
    const issued = addDays(addMonths(expires, -12 * rules.validityYears), 1);
    const confirmed = addDays(issued, -20);
    await tx.insert(cardConfirmations).values({
      officeId,
      guideId: cardGuide,
      ruleKey: 'niedersachsen',
      confirmedOn: confirmed,
      periodFrom: addToMonth(confirmed.slice(0, 7), -24),
      periodTo: addToMonth(confirmed.slice(0, 7), -1),
      confirmedMinutes: 24 * 1320,
      yearMinutes: [12 * 1320, 12 * 1320],
      validityYears: rules.validityYears,
      cardIssuedOn: issued,
      cardExpiresOn: cardExpiresOn(issued, rules.validityYears),
      createdByUserId: input.coordinatorUserId,
    });
  }
}

/**
 * The Ehrenamtskarte counts approved hours only (domain/recognition/countedHours.ts): every past month of the
 * office that has hours but no time sheet yet is approved, as the office would have done month by month. Runs after
 * the hours demo (seedDemoHours), whose submitted, returned and open months stay as they are.
 */
export async function approveDemoRecognitionMonths(tx: Tx, input: { officeId: string; today: string }) {
  const thisMonth = input.today.slice(0, 7);
  await tx.execute(sql`
    with months as (
      select e.office_id, e.guide_id, to_char(e.date, 'YYYY-MM') as month, sum(e.minutes)::int as minutes
        from hour_entries e
       where e.office_id = ${input.officeId} and to_char(e.date, 'YYYY-MM') < ${thisMonth}
       group by e.office_id, e.guide_id, to_char(e.date, 'YYYY-MM'))
    insert into time_sheets (office_id, guide_id, month, status, submitted_at, decided_at, approved_minutes)
    select m.office_id, m.guide_id, m.month, 'approved',
           (m.month || '-01')::timestamptz + interval '1 month 2 days 18 hours',
           (m.month || '-01')::timestamptz + interval '1 month 5 days 9 hours',
           m.minutes + coalesce((select sum(a.minutes) from activities a
                                  where a.guide_id = m.guide_id and to_char(a.date, 'YYYY-MM') = m.month), 0)::int
      from months m
     where not exists (select 1 from time_sheets ts where ts.guide_id = m.guide_id and ts.month = m.month)`);
  await tx.execute(sql`
    update activities a set approved_at = ts.decided_at
      from time_sheets ts
     where ts.guide_id = a.guide_id and ts.month = to_char(a.date, 'YYYY-MM') and ts.status = 'approved'
       and a.office_id = ${input.officeId} and a.approved_at is null`);
}
