import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_FILL_MS } from '../../src/modules/recruitment/formToken.js';
import { pdfText } from '../helpers/pdf.js';
import { browserAvailable, launch, newPage } from './browser.js';
import { api, COORDINATOR, day, mailTo, signedIn, visit } from './flows.js';

/**
 * Issue 10, "Done when": the whole journey in one browser. A person fills in the public form on a phone and confirms
 * the address; the coordinator records the get-to-know conversation, accepts them as a guide, enrols them in a basic
 * course, records the attendance of all its sessions and finishes the course; the certificate PDF names them and the
 * course; the pipeline's last step, "active", makes the certified guide active (only certified guides are deployed:
 * domain.md, life cycle step 1; the product's rule is `checkStatusChange`). Axe runs on these pages in
 * recruitment.test.ts and courses.test.ts; this test is about the flow.
 */
describe.runIf(browserAvailable())('from the public form to an active, certified guide, in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('public form → conversation → accepted → enrolled → attended all sessions → certificate → active', async () => {
    const id = Date.now().toString(36);
    const email = `reise-${id}@test.example`;
    const lastName = `Haddad-${id}`;
    const name = `Samira ${lastName}`;

    const phone = await newPage(browser, { mobile: true });
    const { page } = phone;
    await visit(page, '/volunteer/hannover');
    const formOpened = Date.now();
    await page.getByRole('textbox', { name: 'Vorname' }).fill('Samira');
    await page.getByRole('textbox', { name: 'Nachname' }).fill(lastName);
    await page.getByRole('textbox', { name: 'E-Mail' }).fill(email);
    await page.getByRole('textbox', { name: /Warum möchten Sie/ }).fill('Ich kenne die Wege durch die Ämter.');
    await page.getByRole('checkbox', { name: /Einwilligungserklärung gelesen/ }).check();

    // While the person fills in the form, the office has planned its basic course: 8 UE in two past evenings.
    const coordinator = await signedIn(browser, COORDINATOR);
    const office = coordinator.page;
    const title = `Basisqualifizierung Reise ${id}`;
    const course = await api<{ id: string }>(office, 'POST', '/courses', {
      title,
      type: 'basic',
      teachingUnits: 8,
      capacity: 12,
      status: 'open',
    });
    expect(course.status).toBe(201);
    for (const [offset, topic] of [
      [-14, `Rolle der Lots:innen ${id}`],
      [-7, `Behördenwege ${id}`],
    ] as const) {
      const session = await api(office, 'POST', `/courses/${course.json.id}/sessions`, {
        startsAt: `${day(offset)}T16:00:00Z`,
        endsAt: `${day(offset)}T19:00:00Z`,
        topic,
        teachingUnits: 4,
      });
      expect(session.status).toBe(201);
    }

    // The form refuses what is sent faster than a person types (spam protection): only what is left of it is waited.
    const left = MIN_FILL_MS + 300 - (Date.now() - formOpened);
    if (left > 0) await page.waitForTimeout(left);
    await page.getByRole('button', { name: 'Interesse senden' }).click();
    await page.getByText('Fast geschafft!').waitFor();
    const confirmation = await mailTo(email);
    const link = /(\/volunteer\/confirm\/[A-Za-z0-9_-]+)/.exec(confirmation)?.[1];
    expect(link, confirmation).toBeTruthy();
    await page.goto(link as string);
    await page.getByText(/Ihre E-Mail-Adresse ist bestätigt/).waitFor();

    // Conversation and acceptance on the applicant's page.
    await visit(office, '/recruitment');
    await office.getByRole('region', { name: 'Interessiert', exact: true }).getByRole('link', { name }).click();
    await office.getByRole('heading', { level: 1, name }).waitFor();
    await office.getByRole('button', { name: 'Gespräch eintragen' }).click();
    let dialog = office.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Ergebnis' }).click();
    await office.getByRole('option', { name: 'Geeignet', exact: true }).click();
    await dialog.getByRole('button', { name: /Speichern/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await office.getByRole('button', { name: 'Als Lots:in aufnehmen' }).click();
    await office.getByRole('dialog').getByRole('button', { name: 'Als Lots:in aufnehmen' }).click();
    await office.getByRole('link', { name: 'Zur Lots:in' }).waitFor();
    const applicantUrl = office.url();
    // The pipeline's steps are the coordinator's to record (courses do not record them): enrolled in a course moves
    // the new guide from "interested" to "in training".
    const recordStep = async (status: string) => {
      await office.getByRole('button', { name: 'Schritt eintragen' }).click();
      const stepDialog = office.getByRole('dialog');
      await stepDialog.getByRole('textbox', { name: /^Neuer Status/ }).click();
      await office.getByRole('option', { name: status, exact: true }).click();
      await stepDialog.getByRole('button', { name: /Speichern/ }).click();
      await stepDialog.waitFor({ state: 'detached' });
      await office.getByRole('heading', { level: 1, name }).waitFor();
    };
    await recordStep('Im Kurs');

    // Enrolment and the attendance of both sessions on the course page.
    await visit(office, `/courses/${course.json.id}`);
    await office.getByRole('heading', { level: 1, name: title }).waitFor();
    await office.getByRole('button', { name: 'Lots:in anmelden' }).click();
    dialog = office.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Lots:in/ }).fill(lastName);
    await office.getByRole('option', { name: `${lastName}, Samira` }).click();
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    const present = office.getByRole('checkbox', { name: `${name} anwesend` });
    await present.check();
    await office.getByRole('button', { name: 'Anwesenheit speichern' }).click();
    await office.getByRole('cell', { name: '4 von 8 UE' }).first().waitFor();
    await office.getByRole('textbox', { name: 'Termin' }).click();
    await office.getByRole('option', { name: new RegExp(`Rolle der Lots:innen ${id}`) }).click();
    await present.check();
    await office.getByRole('button', { name: 'Anwesenheit speichern' }).click();
    await office.getByRole('cell', { name: '8 von 8 UE' }).first().waitFor();

    // Finishing the course completes the enrolment; the basic course certifies the guide.
    await office.getByRole('button', { name: 'Kurs abschließen' }).click();
    await office.getByRole('dialog').getByRole('button', { name: 'Kurs abschließen' }).click();
    await office
      .getByText(/Kurs abgeschlossen: 1 erfolgreich/)
      .first()
      .waitFor();
    const [download] = await Promise.all([
      office.waitForEvent('download'),
      office.getByRole('link', { name: `Bescheinigung für ${name} als PDF` }).click(),
    ]);
    const certificate = await pdfText(await readFile((await download.path()) as string));
    expect(certificate).toContain(name);
    expect(certificate).toContain(title);
    expect(certificate).toContain(`Behördenwege ${id}`);
    expect(certificate).toMatch(/8 (UE|Unterrichtseinheiten)/);
    // Issued on its first print, with a verification code: the course page lists it so once reloaded.
    await visit(office, `/courses/${course.json.id}`);
    await office.getByText('ausgestellt', { exact: true }).first().waitFor();

    // The pipeline's last step: active. It moves the guide from "in training" to active, which needs the certificate
    // the course has just given (without it: 409 certificate_required).
    await office.goto(applicantUrl);
    await office.getByRole('heading', { level: 1, name }).waitFor();
    await recordStep('Aktiv');
    await visit(office, '/recruitment');
    await office.getByRole('region', { name: 'Aktiv', exact: true }).getByRole('link', { name }).waitFor();
    await office.goto(applicantUrl);
    await office.getByRole('link', { name: 'Zur Lots:in' }).click();
    await office.getByRole('heading', { level: 1, name }).waitFor();
    await office.getByText('Aktiv', { exact: true }).first().waitFor();
    const guideId = /\/guides\/([0-9a-f-]{36})/.exec(office.url())?.[1] as string;
    expect(guideId, office.url()).toBeTruthy();
    const guide = await api<{ status: string; certifiedAt: string | null; email: string }>(
      office,
      'GET',
      `/guides/${guideId}`,
    );
    expect(guide.json).toMatchObject({ status: 'active', email });
    expect(guide.json.certifiedAt).not.toBeNull();
    expect([...phone.errors, ...coordinator.errors]).toEqual([]);
  }, 120_000);
});
