/**
 * Invented consent texts for the Hannover demo (German, English, Arabic) and the records that go with the seeded
 * guides: everyone signed version 1 on paper; version 2 of the data-protection consent was published a week ago and
 * about half of the guides have confirmed it in the app, so the "not yet confirmed" list and the guide's prompt show.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { consentRecords, consentTexts, guides } from '../db/schema/index.js';
import { addDays, addMonths } from '../domain/dates.js';
import type { ConsentKind, ConsentTexts } from '../shared/consent.js';

const GUIDE_CONSENT_V1: ConsentTexts = {
  de: {
    title: 'Einwilligung in die Verarbeitung personenbezogener Daten',
    body: `Ich willige ein, dass die Koordinierungsstelle meine Angaben (Name, Kontaktdaten, Sprachen, Verfügbarkeit, Einsatzgebiete und Nachweise wie das erweiterte Führungszeugnis) speichert, um mich für Begleitungen anzufragen und meine Einsätze zu dokumentieren.

Meine Daten werden nur an Einsatzstellen weitergegeben, soweit es für einen Einsatz nötig ist, und nur in dem Umfang, dem ich zugestimmt habe.

Ich kann diese Einwilligung jederzeit ohne Angabe von Gründen widerrufen. Nach dem Widerruf werde ich nicht mehr angefragt; meine Daten werden nach Ablauf der Aufbewahrungsfristen gelöscht.`,
  },
  en: {
    title: 'Consent to the processing of personal data',
    body: `I consent to the coordination office storing my details (name, contact details, languages, availability, areas and records such as the extended certificate of conduct) in order to ask me for accompaniments and to document my deployments.

My data is passed to partner organisations only as far as a deployment requires, and only to the extent I agreed to.

I can withdraw this consent at any time without giving reasons. After the withdrawal I will no longer be asked; my data is deleted once the retention periods have passed.`,
  },
  ar: {
    title: 'الموافقة على معالجة البيانات الشخصية',
    body: `أوافق على أن يحفظ مكتب التنسيق بياناتي (الاسم، بيانات التواصل، اللغات، أوقات التوفر، مناطق العمل، والوثائق مثل شهادة حسن السيرة والسلوك الموسعة) من أجل التواصل معي بخصوص المرافقات وتوثيق مهامي.

لا تُنقل بياناتي إلى الجهات الشريكة إلا بالقدر الذي تتطلبه المهمة، وفي حدود ما وافقت عليه.

يمكنني سحب هذه الموافقة في أي وقت دون ذكر الأسباب. بعد السحب لن يتم التواصل معي، وتُحذف بياناتي بعد انتهاء مدة الاحتفاظ.`,
  },
};

const GUIDE_CONSENT_V2: ConsentTexts = {
  de: {
    title: GUIDE_CONSENT_V1.de.title,
    body: `${GUIDE_CONSENT_V1.de.body}

Neu: Für die Abrechnung mit dem Fördermittelgeber werden Stunden und Auslagen meiner Einsätze auch nach meinem Ausscheiden ohne meinen Namen aufbewahrt.`,
  },
  en: {
    title: GUIDE_CONSENT_V1.en?.title ?? '',
    body: `${GUIDE_CONSENT_V1.en?.body}

New: for reporting to the funder, the hours and expenses of my deployments are kept without my name even after I leave.`,
  },
  ar: {
    title: GUIDE_CONSENT_V1.ar?.title ?? '',
    body: `${GUIDE_CONSENT_V1.ar?.body}

جديد: لأغراض التقارير المقدّمة إلى الجهة المموِّلة، تُحفظ ساعات مهامي ونفقاتها دون اسمي حتى بعد انتهاء عملي.`,
  },
};

const PLEDGE_V1: ConsentTexts = {
  de: {
    title: 'Verschwiegenheitserklärung für Integrationslots:innen',
    body: `Ich verpflichte mich, über alles, was mir bei meinen Begleitungen über die begleiteten Personen und ihre Familien bekannt wird, Stillschweigen zu bewahren – auch gegenüber Angehörigen und auch nach dem Ende meiner Tätigkeit.

Unterlagen und Nachrichten der begleiteten Personen gebe ich nicht weiter und bewahre sie nicht länger auf als nötig.`,
  },
  en: {
    title: 'Confidentiality pledge for guides',
    body: `I undertake to keep confidential everything I learn about the people I accompany and their families – also towards my relatives and also after my volunteering ends.

I do not pass on documents or messages of the people I accompany and do not keep them longer than necessary.`,
  },
  ar: {
    title: 'تعهد بالحفاظ على السرية للمرشدين',
    body: `أتعهد بالحفاظ على سرية كل ما أعرفه أثناء المرافقة عن الأشخاص المرافَقين وعائلاتهم، حتى أمام أقاربي وبعد انتهاء عملي التطوعي.

لا أنقل وثائق الأشخاص المرافَقين أو رسائلهم إلى أحد، ولا أحتفظ بها أطول من اللازم.`,
  },
};

const PERSON_CONSENT_V1: ConsentTexts = {
  de: {
    title: 'Einwilligung der begleiteten Person',
    body: `Ich bin einverstanden, dass die Koordinierungsstelle meine Initialen, meine Sprachen und den Anlass der Begleitung speichert und an die Lotsin oder den Lotsen weitergibt, die mich begleiten.

Ich kann diese Einwilligung jederzeit widerrufen. Danach wird keine neue Begleitung mehr vermittelt.`,
  },
  en: {
    title: 'Consent of the person accompanied',
    body: `I agree that the coordination office stores my initials, my languages and the reason for the accompaniment and passes them on to the guide who accompanies me.

I can withdraw this consent at any time. After that, no new accompaniment is arranged.`,
  },
  ar: {
    title: 'موافقة الشخص المرافَق',
    body: `أوافق على أن يحفظ مكتب التنسيق الأحرف الأولى من اسمي ولغاتي وسبب المرافقة، وأن ينقلها إلى المرشد أو المرشدة الذي يرافقني.

يمكنني سحب هذه الموافقة في أي وقت، وبعدها لا تُرتَّب مرافقة جديدة.`,
  },
};

type SeededGuide = typeof guides.$inferSelect;

/** Texts and records for one office; `keepPending` guides (e.g. the demo guide) have not confirmed version 2. */
export async function seedConsent(
  tx: Tx,
  officeId: string,
  seeded: SeededGuide[],
  today: string,
  keepPending: string[],
) {
  const text = async (kind: ConsentKind, version: number, texts: ConsentTexts, publishedAt: string, note?: string) =>
    (
      await tx
        .insert(consentTexts)
        .values({ officeId, kind, version, texts, publishedAt, changeNote: note ?? null })
        .returning()
    )[0];
  const consentV1 = await text('guide_consent', 1, GUIDE_CONSENT_V1, addMonths(today, -18));
  const consentV2 = await text(
    'guide_consent',
    2,
    GUIDE_CONSENT_V2,
    addDays(today, -7),
    'Stunden und Auslagen bleiben ohne Namen als Nachweis für den Fördermittelgeber erhalten.',
  );
  const pledge = await text('confidentiality_pledge', 1, PLEDGE_V1, addMonths(today, -18));
  await text('person_consent', 1, PERSON_CONSENT_V1, addMonths(today, -18));

  const records: (typeof consentRecords.$inferInsert)[] = [];
  for (const [i, g] of seeded.entries()) {
    if (!g.consentGivenAt) continue;
    const language = g.locale === 'ar' ? 'ar' : g.locale === 'en' ? 'en' : 'de';
    // Paper signatures on the day consent was given; never before version 1 was published.
    const signedOn =
      g.consentGivenAt < (consentV1.publishedAt as string) ? (consentV1.publishedAt as string) : g.consentGivenAt;
    records.push({
      officeId,
      textId: consentV1.id,
      kind: 'guide_consent',
      guideId: g.id,
      language,
      givenAt: signedOn,
      method: 'paper',
    });
    const confirmedV2 = g.status !== 'left' && i % 2 === 0 && !keepPending.includes(g.id);
    if (confirmedV2)
      records.push({
        officeId,
        textId: consentV2.id,
        kind: 'guide_consent',
        guideId: g.id,
        language,
        givenAt: addDays(today, -(i % 6)),
        method: 'app',
      });
    if (g.confidentialityPledgeAt)
      records.push({
        officeId,
        textId: pledge.id,
        kind: 'confidentiality_pledge',
        guideId: g.id,
        language,
        givenAt: signedOn,
        method: 'paper',
      });
    // The guide's columns mirror the newest record, as the consent service keeps them.
    await tx
      .update(guides)
      .set({
        consentVersion: confirmedV2 ? '2' : '1',
        consentLanguage: language,
        consentGivenAt: confirmedV2 ? addDays(today, -(i % 6)) : signedOn,
        ...(g.confidentialityPledgeAt ? { confidentialityPledgeVersion: '1', confidentialityPledgeAt: signedOn } : {}),
      })
      .where(eq(guides.id, g.id));
  }
  if (records.length) await tx.insert(consentRecords).values(records);
}
