import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, todayIn } from '../../src/domain/dates.js';
import { runDailyReminders } from '../../src/jobs/reminders.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { createOffice, type TestOffice } from '../helpers/factories.js';
import { mailsTo, type ReceivedMail } from '../helpers/mail.js';
import { acceptedAssignment as acceptedAssignmentOf, inDays, offerToOfficeGuide, today } from '../helpers/requests.js';

/**
 * The daily reminder digest, line by line: each situation is set up through the API, the job runs directly with an
 * injected clock (reminders look days or years ahead), and the mail is read as the recipient receives it, in the
 * recipient's language. Every test has its own office, so a digest holds only that test's items.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(() => t?.close());

/**
 * Runs the daily job as if it were `at` (at noon in Berlin unless a time is given): the reminders become
 * notifications, and the coordinators' daily digest and the guide's immediate mail follow from them.
 */
const runOn = (day: string) => runDailyReminders({ ...t.ctx, now: () => new Date(`${day}T10:00:00Z`) });
const runAt = (at: Date) => runDailyReminders({ ...t.ctx, now: () => at });

/** The coordinator's digests (newest first), told apart from other mail by their subject. */
async function digestsTo(office: TestOffice): Promise<ReceivedMail[]> {
  const mails = await mailsTo(t, office.emails.coordinator);
  return mails.filter((m) => /Aufmerksamkeit|attention|انتباهك/.test(m.subject));
}

/** The digest's body as heading → its "- " lines, e.g. { 'Überprüfung fällig': ['Amal … (fällig am …)'] }. */
function digestSections(text: string): Record<string, string[]> {
  const sections: Record<string, string[]> = {};
  let heading: string | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('- ') && heading) {
      sections[heading] ??= [];
      sections[heading].push(line.slice(2));
    } else if (line.trim()) heading = line.trim();
  }
  return sections;
}

/** 2027-01-05 as German (05.01.2027) and Arabic (05‏/01‏/2027, with right-to-left marks) readers write it. */
const deDate = (iso: string) => iso.split('-').reverse().join('.');
const arDate = (iso: string) => iso.split('-').reverse().join('\u200f/');

async function guideName(office: TestOffice): Promise<string> {
  const res = await client(t.app, office.sessions.coordinator).get(`/guides/${office.guideId}`);
  expect(res.statusCode, res.body).toBe(200);
  return `${res.json().firstName} ${res.json().lastName}`;
}

const offer = (office: TestOffice, title: string) => offerToOfficeGuide(t, office, title);
const acceptedAssignment = (office: TestOffice, title: string) => acceptedAssignmentOf(t, office, title);

describe('the reminder digest', () => {
  it('lists a review due within a week, once, in German', async () => {
    const office = await createOffice(t);
    const title = 'Begleitung Mutter & Kind';
    const assignmentId = await acceptedAssignment(office, title);
    const reviewOn = inDays(30);
    const agreement = await client(t.app, office.sessions.coordinator).patch(`/assignments/${assignmentId}/agreement`, {
      goal: 'Die Familie kennt die Wege zu den Ämtern.',
      steps: [{ title: 'Unterlagen sortieren' }],
      contactChannels: 'Telefon',
      reviewOn,
    });
    expect(agreement.statusCode, agreement.body).toBe(200);
    for (const session of [office.sessions.guide, office.sessions.partner]) {
      const res = await client(t.app, session).post(`/assignments/${assignmentId}/agreement/confirm`, { version: 1 });
      expect(res.statusCode, res.body).toBe(200);
    }

    // Eight days ahead of the review it is not yet due; seven days ahead it is.
    await runOn(addDays(reviewOn, -8));
    expect(await digestsTo(office)).toEqual([]);
    await runOn(addDays(reviewOn, -7));
    const [digest, ...older] = await digestsTo(office);
    expect(older).toEqual([]);
    expect(digest.subject).toBe('Lotsennetz: 1 Punkt braucht Ihre Aufmerksamkeit');
    expect(digestSections(digest.text)).toEqual({
      'Überprüfung fällig': [`${await guideName(office)} – ${title} (fällig am ${deDate(reviewOn)})`],
    });
    expect(digest.text).toContain('diese Punkte brauchen heute Ihre Aufmerksamkeit:');

    // The outbox keeps the same text the coordinator received.
    const outbox = await client(t.app, office.sessions.coordinator).get(
      `/outbox?to=${encodeURIComponent(office.emails.coordinator)}`,
    );
    expect(outbox.json().items[0].text).toBe(digest.text);

    // The same review is not mentioned again the next day.
    await runOn(addDays(reviewOn, -6));
    expect(await digestsTo(office)).toHaveLength(1);
  });

  it('lists a background check to renew three months before it runs out, in Arabic for an Arabic coordinator', async () => {
    const office = await createOffice(t);
    const coordinator = client(t.app, office.sessions.coordinator);
    expect((await coordinator.patch('/me', { locale: 'ar' })).statusCode).toBe(200);
    const checked = await coordinator.patch(`/guides/${office.guideId}`, {
      backgroundCheck: { checkedAt: today, relevantConviction: false },
    });
    expect(checked.statusCode, checked.body).toBe(200);
    // Re-checked after 60 months; the reminder starts 3 months before.
    const due = addMonths(today, 60);

    await runOn(addDays(addMonths(today, 57), -1));
    expect(await digestsTo(office)).toEqual([]);
    await runOn(addMonths(today, 57));
    const [digest, ...older] = await digestsTo(office);
    expect(older).toEqual([]);
    expect(digest.subject).toBe('لوتسن‌نتس: بند واحد بحاجة إلى انتباهك');
    expect(digestSections(digest.text)).toEqual({
      'تجديد شهادة حسن السيرة والسلوك': [`${await guideName(office)} (موعد التجديد ${arDate(due)})`],
    });
    expect(digest.text).toContain('هذه البنود تحتاج إلى انتباهك اليوم:');
    expect(digest.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('lists an agreement still unconfirmed three days after it was drafted', async () => {
    const office = await createOffice(t);
    const title = 'Begleitung zum Jobcenter';
    await acceptedAssignment(office, title);
    const drafted = Date.now();
    const day = 86_400_000;

    await runAt(new Date(drafted + 2 * day));
    expect(await digestsTo(office)).toEqual([]);
    await runAt(new Date(drafted + 3 * day + 60_000));
    const [digest, ...older] = await digestsTo(office);
    expect(older).toEqual([]);
    expect(digest.subject).toBe('Lotsennetz: 1 Punkt braucht Ihre Aufmerksamkeit');
    expect(digestSections(digest.text)).toEqual({
      'Vereinbarung noch nicht bestätigt': [`${await guideName(office)} – ${title}`],
    });
  });

  it('reminds the guide of offers unanswered after a day in Arabic; a day later the coordinator reads German', async () => {
    const office = await createOffice(t);
    const guide = await client(t.app, office.sessions.coordinator).patch(`/guides/${office.guideId}`, { locale: 'ar' });
    expect(guide.statusCode, guide.body).toBe(200);
    const first = await offer(office, 'Begleitung zur Kita-Anmeldung');
    const second = await offer(office, 'Begleitung zum Kinderarzt');
    const offered = Date.now();
    const hour = 3_600_000;
    const offerMails = (await mailsTo(t, office.emails.guide)).length;

    await runAt(new Date(offered + 23 * hour));
    expect(await digestsTo(office)).toEqual([]);
    expect(await mailsTo(t, office.emails.guide)).toHaveLength(offerMails);
    // After 24 hours (settings.reminders.offerGuideAfterHours) the guide is reminded, the coordinators not yet.
    await runAt(new Date(offered + 25 * hour));
    expect(await digestsTo(office)).toEqual([]);
    expect(await mailsTo(t, office.emails.guide)).toHaveLength(offerMails + 2);
    // 24 hours later (offerCoordinatorAfterHours) the coordinators hear of it, in their digest.
    await runAt(new Date(offered + 49 * hour));
    const [digest, ...older] = await digestsTo(office);
    expect(older).toEqual([]);
    expect(digest.subject).toBe('Lotsennetz: 2 Punkte brauchen Ihre Aufmerksamkeit');
    const name = await guideName(office);
    // The reminder dates the deadline in the office's time zone (the tests' offices keep clear of midnight).
    const zone = (await client(t.app, office.sessions.coordinator).get('/settings')).json().timeZone as string;
    const deadline = (expiresAt: string) => deDate(todayIn(zone, new Date(expiresAt)));
    const sections = digestSections(digest.text);
    expect(Object.keys(sections)).toEqual(['Angebot noch nicht beantwortet']);
    expect(sections['Angebot noch nicht beantwortet'].sort()).toEqual([
      `${name} – Begleitung zum Kinderarzt (Frist bis ${deadline(second.expiresAt)})`,
      `${name} – Begleitung zur Kita-Anmeldung (Frist bis ${deadline(first.expiresAt)})`,
    ]);

    // The guide gets one reminder per offer, in the guide's language, with the deadline in Arabic.
    const toGuide = await mailsTo(t, office.emails.guide);
    const reminders = toGuide.slice(0, toGuide.length - offerMails);
    expect(reminders).toHaveLength(2);
    for (const reminder of reminders) expect(reminder.subject).toBe('تذكير: عرض بانتظار ردّك');
    const kita = reminders.find((m) => m.text.includes('«Begleitung zur Kita-Anmeldung»'));
    expect(kita?.text).toContain(`(حتى ${arDate(todayIn(zone, new Date(first.expiresAt)))})`);
    expect(kita?.text).toContain(`/my/offers/${first.offerId}`);
  });
});
