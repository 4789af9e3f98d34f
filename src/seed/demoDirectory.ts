/**
 * The demo offices' entries in the public directory (issue 13 §4), invented. Hannover opts in with every section
 * filled in three languages; Osnabrück opts in with a German text only and without the languages (its pool is
 * small), so the directory shows both the full and the sparse case and the map has two points.
 */
import type { Tx } from '../db/client.js';
import { directoryEntries } from '../db/schema/index.js';
import { DEFAULT_FIELDS_OF_ACTION } from '../shared/reference-data.js';
import { HANNOVER_DISTRICTS, OSNABRUECK_DISTRICTS } from './demoData.js';

const allFields = DEFAULT_FIELDS_OF_ACTION.map((f) => f.key);

export async function seedDemoDirectory(tx: Tx, input: { hannoverOfficeId: string; osnabrueckOfficeId: string }) {
  await tx
    .insert(directoryEntries)
    .values([
      {
        officeId: input.hannoverOfficeId,
        listed: true,
        provider: 'Volkshochschule Hannover mit dem Büro des Oberbürgermeisters',
        description: {
          de: 'Seit 2007 begleiten ehrenamtliche Integrationslots:innen in Hannover Menschen mit Zuwanderungsgeschichte: zu Ämtern, in Kita und Schule, bei der Suche nach Ausbildung und Arbeit. Die Volkshochschule qualifiziert die Lots:innen in einem Basiskurs.',
          en: 'Since 2007 volunteer integration guides in Hannover have accompanied people with a migration history: to public offices, at day care and school, and in the search for training and work. The adult education centre trains the guides in a basic course.',
          ar: 'منذ عام 2007 يرافق مرشدو الاندماج المتطوعون في هانوفر الأشخاص ذوي الخلفية المهاجرة: إلى الدوائر الرسمية، وفي رياض الأطفال والمدرسة، وفي البحث عن تدريب مهني وعمل. تؤهل الجامعة الشعبية المرشدين في دورة أساسية.',
        },
        howToGetHelp: {
          de: 'Rufen Sie uns an oder schreiben Sie eine E-Mail, gern auch über eine Beratungsstelle. Wir suchen eine Lotsin oder einen Lotsen, die Ihre Sprache sprechen.',
          en: 'Call us or send an email, also through a counselling service if you like. We look for a guide who speaks your language.',
          ar: 'اتصل بنا أو أرسل بريدًا إلكترونيًا، ويمكن ذلك أيضًا عن طريق مركز استشارات. سنبحث لك عن مرشد أو مرشدة يتحدث لغتك.',
        },
        areas: HANNOVER_DISTRICTS.map((d) => d.name),
        lat: 52.3759,
        lon: 9.732,
        contactEmail: 'lotsen@hannover.example',
        contactPhone: '0511 000 000 0',
        website: 'https://hannover.example/integrationslotsen',
        showLanguages: true,
        fieldKeys: allFields,
        showVolunteerForm: true,
      },
      {
        officeId: input.osnabrueckOfficeId,
        listed: true,
        provider: 'Landkreis Osnabrück, Fachdienst Integration',
        description: {
          de: 'Integrationslots:innen im Landkreis begleiten Neuzugewanderte in den Gemeinden: bei Behördengängen, in der Schule und im Alltag.',
          en: '',
          ar: '',
        },
        howToGetHelp: { de: 'Schreiben Sie uns eine E-Mail; wir melden uns innerhalb einer Woche.', en: '', ar: '' },
        areas: OSNABRUECK_DISTRICTS.map((d) => d.name),
        lat: 52.35,
        lon: 8.05,
        contactEmail: 'integration@landkreis-osnabrueck.example',
        contactPhone: null,
        website: null,
        showLanguages: false,
        fieldKeys: ['authorities', 'school_kita', 'orientation'],
        showVolunteerForm: true,
      },
    ])
    .onConflictDoNothing();
}
