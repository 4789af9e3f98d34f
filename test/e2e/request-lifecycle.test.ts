import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../helpers/pdf.js';
import { browserAvailable, launch } from './browser.js';
import { api, COORDINATOR, day, fileRequest, GUIDE, PARTNER, signedIn, visit } from './flows.js';

describe.runIf(browserAvailable())(
  'the request-to-deployment cycle in Chromium: partner, coordinator and guide',
  () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launch();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('partner files, coordinator offers, guide accepts, both confirm, and the agreement PDF reads back', async () => {
      const partner = await signedIn(browser, PARTNER);
      const coordinator = await signedIn(browser, COORDINATOR);
      const guide = await signedIn(browser, GUIDE);
      const guideId = (await api<{ me: { guideId: string } }>(guide.page, 'GET', '/me')).json.me.guideId;
      // Room for one more deployment, whatever the demo seed gave this guide; she shares her phone (or e-mail) with
      // the partner of a running deployment.
      const profile = (
        await api<{ phone: string | null; email: string | null }>(coordinator.page, 'GET', `/guides/${guideId}`)
      ).json;
      const shared = profile.phone
        ? { shareContact: 'phone', value: profile.phone }
        : { shareContact: 'email', value: profile.email };
      expect(
        (
          await api(coordinator.page, 'PATCH', `/guides/${guideId}`, {
            maxActiveAssignments: 20,
            shareContact: shared.shareContact,
          })
        ).status,
      ).toBe(200);
      const districts = (await api<{ items: { id: string }[] }>(partner.page, 'GET', '/districts')).json.items;

      // 1. The partner files a request (AWO's own organisation is implied by the account).
      const title = `Begleitung zur Familienkasse ${Date.now().toString(36)}`;
      const filed = await api<{ id: string; status: string }>(partner.page, 'POST', '/requests', {
        field: 'authorities',
        type: 'accompaniment',
        title,
        description: 'Kindergeldantrag gemeinsam ausfüllen und zur Familienkasse begleiten.',
        meetingPoint: 'Haupteingang der Familienkasse',
        onSiteContact: 'Empfang, Erdgeschoss',
        districtId: districts[0].id,
        startsOn: day(0),
        endsOn: day(60),
        frequency: 'weekly',
        expectedHours: 4,
        languages: ['de'],
        minorsInvolved: false,
        person: {
          initials: 'E. T.',
          ageGroup: 'adult',
          languages: ['de'],
          household: 'family',
          householdSize: 3,
          consentGiven: true,
        },
      });
      expect(filed.status).toBe(201);
      const requestId = filed.json.id;
      await visit(partner.page, `/requests/${requestId}`);
      expect(await partner.page.getByRole('heading', { level: 1 }).first().textContent()).toContain(title);

      // 2. The coordinator reviews it on the request page, sees ranked candidates, picks the demo guide through the
      //    search for guides outside the list, and sends the offer from the dialog with a reason and a deadline.
      const guideName = (
        await api<{ firstName: string; lastName: string }>(coordinator.page, 'GET', `/guides/${guideId}`)
      ).json;
      const fullName = `${guideName.firstName} ${guideName.lastName}`;
      const c = coordinator.page;
      await visit(c, `/requests/${requestId}`);
      await c.getByRole('button', { name: 'In Prüfung nehmen' }).first().click();
      await c.getByRole('dialog').getByRole('button', { name: 'In Prüfung nehmen' }).click();
      await c.getByText(/\d+ Lots:innen: \d+ bewertet/).waitFor();
      await c.getByRole('button', { name: 'Lots:in außerhalb der Liste anfragen' }).click();
      await c.getByRole('textbox', { name: 'Lots:in suchen' }).fill(guideName.lastName);
      await c.getByRole('option', { name: fullName }).first().click();
      const outside = c.locator('#cand-outside .candidate-card');
      await outside.getByRole('checkbox', { name: fullName }).check();
      await c.getByRole('button', { name: 'Angebot senden …' }).click();
      const offerDialog = c.getByRole('dialog', { name: 'Angebot senden' });
      await offerDialog.getByRole('textbox', { name: /Nachricht/ }).fill('Hast du Zeit?');
      await offerDialog
        .getByRole('textbox', { name: /Begründung für die Ausnahme/ })
        .fill('E2E: die Demo-Lotsin soll den Ablauf durchspielen');
      await offerDialog.getByRole('button', { name: 'Angebot senden' }).click();
      await c.getByText('Angebot an 1 Lots:in gesendet.').first().waitFor();
      const offers = await api<{ items: { id: string; guideId: string; status: string }[] }>(
        c,
        'GET',
        `/requests/${requestId}/offers`,
      );
      const offerId = offers.json.items.find((o) => o.guideId === guideId && o.status === 'pending')?.id as string;
      expect(offerId).toBeTruthy();

      // 3. The guide accepts on her phone-sized screen.
      await visit(guide.page, `/my/offers/${offerId}`);
      await guide.page.getByRole('heading', { name: 'Auf einen Blick' }).waitFor();
      await guide.page.getByText(/Treffpunkt: .?Haupteingang der Familienkasse/).waitFor();
      await guide.page.getByRole('button', { name: 'Annehmen' }).click();
      await guide.page.getByRole('dialog').getByRole('button', { name: 'Verbindlich annehmen' }).click();
      await expect
        .poll(async () => (await api<{ status: string }>(guide.page, 'GET', `/offers/${offerId}`)).json.status, {
          timeout: 15_000,
        })
        .toBe('accepted');
      const assignmentId = (await api<{ assignmentId: string }>(guide.page, 'GET', `/offers/${offerId}`)).json
        .assignmentId;

      // 4. Guide and partner confirm the agreement on the deployment page.
      for (const side of [guide, partner]) {
        await visit(side.page, `/assignments/${assignmentId}`);
        await side.page.getByText('Fassung 1', { exact: true }).waitFor();
        await side.page.getByRole('button', { name: 'Vereinbarung bestätigen' }).click();
        await side.page.getByRole('dialog').getByRole('button', { name: 'Bestätigen' }).click();
        await side.page.getByText('Danke, Ihre Bestätigung ist gespeichert.').first().waitFor();
        // Once this side confirmed, the button is gone and the page says who confirmed when.
        await side.page.getByRole('button', { name: 'Vereinbarung bestätigen' }).waitFor({ state: 'detached' });
        await side.page
          .getByText(/Bestätigt von .+ am \d{1,2}\. \S+ \d{4}, \d{2}:\d{2}/)
          .first()
          .waitFor();
      }
      const assignment = await api<{ status: string }>(coordinator.page, 'GET', `/assignments/${assignmentId}`);
      expect(assignment.json.status).toBe('active');

      // 5. After matching the partner sees the deployment, the guide's first name and the contact she shares.
      await visit(partner.page, `/assignments/${assignmentId}`);
      const contact = partner.page.getByTestId('guide-contact');
      await contact.getByText(guideName.firstName).waitFor();
      await contact.getByRole('link', { name: shared.value as string }).waitFor();
      const seen = await api<{ guideName: string }>(partner.page, 'GET', `/assignments/${assignmentId}`);
      expect(seen.json.guideName).not.toContain(guideName.lastName);
      await partner.page.getByText('Laufend', { exact: true }).first().waitFor();

      // The partner downloads the agreement PDF; its text is read back.
      const [download] = await Promise.all([
        partner.page.waitForEvent('download'),
        partner.page.getByRole('link', { name: 'Vereinbarung als PDF' }).click(),
      ]);
      const text = await pdfText(new Uint8Array(readFileSync((await download.path()) as string)));
      expect(text).toContain('Vereinbarung über eine Begleitung durch Integrationslots:innen');
      expect(text).toContain(title);
      expect(text).toContain('Begleitete Person: E. T.');
      expect(text).toMatch(/Einsatzstelle: bestätigt am \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} Uhr von/);

      // 6. A change to the confirmed agreement makes version 2, which needs both confirmations again. The partner's
      //    page shows version 2; meanwhile the guide confirms it and the coordinator changes it again (version 3):
      //    confirming the version on screen is refused, the page reloads and says so, and version 3 is confirmed.
      const changed = await api(coordinator.page, 'PATCH', `/assignments/${assignmentId}/agreement`, {
        frequency: 'biweekly',
        changeNote: 'Nur noch alle zwei Wochen',
      });
      expect(changed.status).toBe(200);
      const p = partner.page;
      await visit(p, `/assignments/${assignmentId}`);
      await p.getByText('Fassung 2', { exact: true }).waitFor();
      await p
        .getByText(/Nur noch alle zwei Wochen/)
        .first()
        .waitFor();
      expect(
        (await api(guide.page, 'POST', `/assignments/${assignmentId}/agreement/confirm`, { version: 2 })).status,
      ).toBe(200);
      expect(
        (
          await api(coordinator.page, 'PATCH', `/assignments/${assignmentId}/agreement`, {
            contactChannels: 'Telefon über die Einsatzstelle',
            changeNote: 'Kontaktweg ergänzt',
          })
        ).status,
      ).toBe(200);
      await p.getByRole('button', { name: 'Vereinbarung bestätigen' }).click();
      await p.getByRole('dialog').getByRole('button', { name: 'Bestätigen' }).click();
      await p.getByText(/Die Vereinbarung wurde inzwischen geändert/).waitFor();
      await p.getByText('Fassung 3', { exact: true }).waitFor();
      await p.getByRole('button', { name: 'Vereinbarung bestätigen' }).click();
      await p.getByRole('dialog').getByRole('button', { name: 'Bestätigen' }).click();
      await p.getByRole('button', { name: 'Vereinbarung bestätigen' }).waitFor({ state: 'detached' });
      // The history lists all three versions, each with its own PDF.
      await p.locator('button[aria-controls="agreement-versions"]').click();
      await p.getByRole('link', { name: 'PDF der Fassung 1' }).waitFor();
      expect(await p.locator('#agreement-versions li').count()).toBe(3);

      // The refused confirmation (409) is the one failed request the browser logs.
      expect(partner.errors.filter((e) => !/status of 409/.test(e))).toEqual([]);
      expect(partner.errors.filter((e) => /status of 409/.test(e))).toHaveLength(1);
      for (const side of [partner, coordinator, guide]) {
        if (side !== partner) expect(side.errors).toEqual([]);
        await side.context.close();
      }
    }, 300_000);

    it('a request needing Dari warns at once that nobody speaks it, names Persian, and marks nobody a good fit', async () => {
      const coordinator = await signedIn(browser, COORDINATOR);
      const partnerId = (await api<{ items: { id: string }[] }>(coordinator.page, 'GET', '/partners?limit=1')).json
        .items[0].id;
      const requestId = await fileRequest(coordinator.page, {
        partnerId,
        title: `Termin bei der Ausländerbehörde ${Date.now().toString(36)}`,
        languages: ['prs'],
      });
      await visit(coordinator.page, `/requests/${requestId}`);
      const warning = coordinator.page.getByTestId('missing-language');
      await warning.getByText('Keine aktive Lots:in spricht Dari.').waitFor();
      await warning.getByText(/Persisch: \d+ Lots:in/).waitFor();
      await warning.getByRole('link', { name: 'Zum Verzeichnis der Beratungsstellen' }).waitFor();
      // The ranked list is there, and every candidate is capped below the threshold: no "good fit" anywhere.
      const cards = coordinator.page.locator('.candidate-card');
      await cards.first().waitFor();
      expect(await cards.count()).toBeGreaterThan(0);
      await cards
        .first()
        .getByText(/ohne Dari – höchstens 59/)
        .waitFor();
      expect(await cards.getByText('Gute Passung', { exact: true }).count()).toBe(0);
      await coordinator.page.getByText('Keine gute Passung').waitFor();
      expect(coordinator.errors).toEqual([]);
      await coordinator.context.close();
    }, 120_000);
    // The axe walk over these pages and dialogs, for every role and in German and Arabic, is test/e2e/axe.test.ts.
  },
);
