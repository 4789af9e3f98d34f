/**
 * Demo hours (invented, issue 11): a Hessen-WIR-style programme rule set on the Hannover office, a year of hours
 * outside deployments for the active guides (Plenum, supervision, courses, public talks, coordination), monthly
 * time sheets in every state (approved, submitted, returned, open), one guide near the 276 h cap, a coordinating
 * guide with the 414 h cap and a guide on AsylbLG. Runs after the demo requests, so their activities of recent
 * months stay in months that are not approved.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import {
  guideHourProfiles,
  guides,
  hourCategories,
  hourEntries,
  programmeRuleSets,
  timeSheets,
} from '../db/schema/index.js';
import { inScope } from '../db/scope.js';
import { todayIso } from '../domain/dates.js';
import { monthRange } from '../domain/hours/timesheet.js';
import { ensureDefaultHourCategories } from '../modules/timesheets/repository.js';
import type { AppContext } from '../server/context.js';
import { PROGRAMME_DEFAULTS } from '../shared/programmes.js';
import { DEMO_ACCOUNTS } from './demoData.js';

const shift = (month: string, by: number) => {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};

export async function seedDemoHours(ctx: AppContext, officeId: string) {
  const today = todayIso(ctx.now());
  const thisMonth = today.slice(0, 7);
  const year = Number(today.slice(0, 4));
  await inScope(ctx.database.db, 'system', async (tx) => {
    await ensureDefaultHourCategories(tx, officeId);
    await tx.insert(programmeRuleSets).values([
      {
        officeId,
        name: 'Hessen WIR (Lotsenprogramm)',
        programme: 'hessenWir',
        validFrom: `${year - 1}-01-01`,
        options: { ...PROGRAMME_DEFAULTS.hessenWir, timesheetDeadlineDay: 10 },
      },
      // A new version from this year: the km rate went up; everything else stays.
      {
        officeId,
        name: 'Hessen WIR (Lotsenprogramm)',
        programme: 'hessenWir',
        validFrom: `${year}-01-01`,
        options: { ...PROGRAMME_DEFAULTS.hessenWir, kmRateCents: 35, timesheetDeadlineDay: 10 },
      },
    ]);
    const cats = new Map(
      (await tx.select().from(hourCategories).where(eq(hourCategories.officeId, officeId))).map((c) => [c.key, c.id]),
    );
    // The demo guide first (her last month was returned with a comment), then five more active guides.
    const active = await tx
      .select({ id: guides.id, email: guides.email })
      .from(guides)
      .where(and(eq(guides.officeId, officeId), eq(guides.status, 'active')))
      .orderBy(asc(guides.lastName));
    const pool = [
      ...active.filter((g) => g.email === DEMO_ACCOUNTS.hannoverGuide),
      ...active.filter((g) => g.email !== DEMO_ACCOUNTS.hannoverGuide),
    ].slice(0, 6);
    if (pool.length === 0) return;
    const [nearCap, coordinating, onAsylblg] = [pool[1 % pool.length], pool[2 % pool.length], pool[3 % pool.length]];
    await tx
      .insert(guideHourProfiles)
      .values([
        { officeId, guideId: coordinating.id, coordinating: true, benefits: 'none' },
        ...(onAsylblg.id !== coordinating.id
          ? [{ officeId, guideId: onAsylblg.id, coordinating: false, benefits: 'asylblg' as const }]
          : []),
      ]);
    // Months of this year up to the current one (at least the last three, reaching into last year in early months).
    const first = Math.min(1, Number(thisMonth.slice(5)) - 2);
    const months: string[] = [];
    for (let m = first; m <= Number(thisMonth.slice(5)); m++) months.push(shift(`${year}-01`, m - 1));
    const monthsThisYear = months.filter((m) => m.startsWith(`${year}-`)).length || 1;
    const rows: (typeof hourEntries.$inferInsert)[] = [];
    const day = (month: string, d: number) => {
      const { to } = monthRange(month);
      const date = `${month}-${String(Math.min(d, Number(to.slice(8)))).padStart(2, '0')}`;
      return date > today ? today : date;
    };
    for (const [gi, g] of pool.entries()) {
      for (const [mi, month] of months.entries()) {
        if (month === thisMonth && Number(today.slice(8)) < 3) continue;
        const add = (key: string, d: number, minutes: number, note: string | null = null) =>
          rows.push({
            officeId,
            guideId: g.id,
            categoryId: cats.get(key) as string,
            date: day(month, d),
            minutes,
            note,
          });
        add('plenum', 3, 120, 'Monatliches Plenum');
        if ((mi + gi) % 2 === 0) add('supervision', 12, 90);
        if (mi % 4 === gi % 4) add('course', 18, 180, 'Fortbildung Aufenthaltsrecht');
        if (gi === 4 && mi % 3 === 0) add('public_talk', 22, 120, 'Infostand Stadtteilfest');
        // Near the 276 h cap by now: about 92 % of it over this year's months.
        if (g.id === nearCap.id && month.startsWith(`${year}-`)) {
          let rest = Math.round((0.92 * 276 * 60) / monthsThisYear) - 120;
          for (let d = 6; rest > 0; d += 2) {
            const minutes = Math.min(rest, 360);
            add('other', d, minutes, 'Sprachcafé und Begleitung von Gruppen');
            rest -= minutes;
          }
        }
        if (g.id === coordinating.id && month.startsWith(`${year}-`)) {
          let rest = Math.round((0.85 * 414 * 60) / monthsThisYear) - 120;
          for (let d = 7; rest > 0; d += 2) {
            const minutes = Math.min(rest, 300);
            add('coordination', d, minutes, 'Koordination des Teams Nord');
            rest -= minutes;
          }
        }
      }
    }
    for (let i = 0; i < rows.length; i += 500) await tx.insert(hourEntries).values(rows.slice(i, i + 500));

    // Sheets: months before last month approved, last month submitted (one returned), this month open.
    const lastMonth = shift(thisMonth, -1);
    const sheetRows: (typeof timeSheets.$inferInsert)[] = [];
    for (const [gi, g] of pool.entries()) {
      for (const month of months) {
        if (month >= thisMonth) continue;
        const submittedAt = new Date(`${shift(month, 1)}-03T18:00:00Z`);
        if (month < lastMonth) {
          sheetRows.push({
            officeId,
            guideId: g.id,
            month,
            status: 'approved',
            submittedAt,
            decidedAt: new Date(`${shift(month, 1)}-06T09:00:00Z`),
          });
        } else if (gi === 0) {
          sheetRows.push({
            officeId,
            guideId: g.id,
            month,
            status: 'returned',
            submittedAt,
            decidedAt: new Date(submittedAt.getTime() + 86_400_000),
            returnComment: 'Bitte die Supervision vom 12. mit Uhrzeit in der Notiz ergänzen.',
          });
        } else if (gi % 2 === 1) {
          sheetRows.push({ officeId, guideId: g.id, month, status: 'submitted', submittedAt });
        }
      }
    }
    // What each approved month approved (entries and deployment activities), copied at approval as in real use.
    const activityMinutes = new Map(
      (
        (await tx.execute(sql`
          select guide_id || ' ' || to_char(date, 'YYYY-MM') as key, sum(minutes)::int as minutes
            from activities where office_id = ${officeId} group by 1`)) as unknown as {
          rows?: { key: string; minutes: number }[];
        }
      ).rows?.map((r) => [r.key, Number(r.minutes)] as const) ?? [],
    );
    for (const sheet of sheetRows) {
      if (sheet.status !== 'approved') continue;
      sheet.approvedMinutes =
        rows
          .filter((r) => r.guideId === sheet.guideId && r.date.startsWith(sheet.month))
          .reduce((sum, r) => sum + r.minutes, 0) + (activityMinutes.get(`${sheet.guideId} ${sheet.month}`) ?? 0);
      await tx.execute(sql`
        update activities set approved_at = ${sheet.decidedAt as Date}
         where guide_id = ${sheet.guideId} and to_char(date, 'YYYY-MM') = ${sheet.month} and approved_at is null`);
    }
    if (sheetRows.length) await tx.insert(timeSheets).values(sheetRows);
  });
}
