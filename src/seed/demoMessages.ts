/**
 * Demo messages (issue 12 §3), invented: the broadcast "Wer spricht Tigrinya und hat im Dezember Zeit?" to the active
 * Tigrinya speakers of Hannover, two replies in their threads and a coordinator's answer; one guide of that group
 * has opted out of broadcast mail (she gets it in the app only). A second, short message to all active guides puts
 * something in the demo guide's inbox. Sent through the service, so the lists are frozen and mailed as in real use.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { guides, users } from '../db/schema/index.js';
import { inScope } from '../db/scope.js';
import { messageRepository } from '../modules/messages/repository.js';
import { MessageService } from '../modules/messages/service.js';
import type { Actor, AppContext } from '../server/context.js';

const REPLIES = [
  'Ja, ich habe im Dezember dienstags und donnerstags Zeit. Ich spreche Tigrinya als Muttersprache.',
  'Ich kann ab dem 10. Dezember, vormittags. Ab Mitte Januar bin ich im Urlaub.',
];

export async function seedDemoMessages(ctx: AppContext, officeId: string) {
  const db = ctx.database.db;
  const { coordinator, speakers } = await inScope(db, 'system', async (tx) => {
    const [user] = await tx
      .select()
      .from(users)
      .where(and(eq(users.officeId, officeId), eq(users.role, 'coordinator')))
      .orderBy(asc(users.createdAt))
      .limit(1);
    const speakers = await tx
      .select({ id: guides.id, firstName: guides.firstName, lastName: guides.lastName })
      .from(guides)
      .where(
        and(
          eq(guides.officeId, officeId),
          eq(guides.status, 'active'),
          sql`${guides.languageCodes} @> array['ti']::text[]`,
        ),
      )
      .orderBy(asc(guides.lastName), asc(guides.id));
    // The last of the group opted out of broadcast mail: she still gets the message in the app.
    if (speakers.length > 2) await messageRepository.setOptOut(tx, speakers[speakers.length - 1].id, true, ctx.now());
    return { coordinator: user, speakers };
  });
  if (!coordinator || speakers.length === 0) return;
  const actor: Actor = {
    userId: coordinator.id,
    role: 'coordinator',
    officeId,
    partnerId: null,
    guideId: null,
    displayName: coordinator.displayName,
    email: coordinator.email,
    locale: 'de',
  };
  const service = new MessageService(ctx);
  const message = await service.send(actor, {
    subject: 'Wer spricht Tigrinya und hat im Dezember Zeit?',
    body: [
      'Liebe Lots:innen,',
      '',
      'das Jobcenter Mitte und zwei Familienzentren fragen für Dezember Begleitungen für Familien aus Eritrea an.',
      'Wer Tigrinya spricht und im Dezember einige Vormittage Zeit hat, antwortet bitte hier kurz mit den Tagen.',
      '',
      'Herzliche Grüße aus der Koordinierungsstelle',
    ].join('\n'),
    filter: { language: 'ti', status: ['active'] },
  });
  // Two replies come back in their own threads (the guides have no account in the demo, so they are written here
  // as the app would), the second one answered by the coordinator.
  const repliers = speakers.slice(0, 2);
  await inScope(db, { officeId }, async (tx) => {
    for (const [i, g] of repliers.entries()) {
      const recipient = await messageRepository.recipient(tx, message.id, g.id);
      if (!recipient) continue;
      const at = new Date(ctx.now().getTime() - (3 - i) * 3_600_000);
      await messageRepository.markRead(tx, recipient.id, at);
      await messageRepository.insertPost(tx, {
        officeId,
        recipientId: recipient.id,
        authorRole: 'guide',
        authorName: `${g.firstName} ${g.lastName}`,
        body: REPLIES[i],
        createdAt: at,
      });
    }
  });
  if (repliers.length > 1)
    await service.answer(
      actor,
      message.id,
      repliers[1].id,
      'Danke! Wir melden uns bis Freitag mit einem Termin beim Jobcenter Mitte.',
    );
  await service.send(actor, {
    subject: 'Plenum im Dezember mit Jahresabschluss',
    body: 'Liebe Lots:innen,\n\ndas Plenum im Dezember ist zugleich unser Jahresabschluss. Bringt gern etwas zu essen mit!',
    filter: { status: ['active'] },
  });
}
