/**
 * Erasure by anonymisation (GDPR Art. 17) inside the caller's transaction: used by the coordinator's "anonymise now"
 * and by the daily retention job. The record stays (deployments, hours and expenses are evidence for the funder and
 * the insurer); what names the person goes, everywhere: the row, their accounts, mail to them, and every text column
 * of the office through the privileged scrub in db/erasure.ts (timelines, agreements, the audit log's values).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import {
  applicants,
  guideBankAccounts,
  guidePauses,
  guideStatusHistory,
  guides,
  messagePosts,
  messageRecipients,
  partnerContacts,
  requestContacts,
  requestEvents,
  requests,
  users,
} from '../../db/schema/index.js';
import type { Actor } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { ERASED } from '../../shared/retention.js';
import { recordAudit } from '../audit/recorder.js';
import { withdrawPendingForGuide } from '../offers/commands.js';
import { retentionRepository as repo } from './repository.js';

export type ErasureTrigger = 'request' | 'retention';

const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
const present = (values: (string | null | undefined)[]) => [
  ...new Set(values.map((v) => v?.trim()).filter((v): v is string => Boolean(v))),
];

/** The ways a name is written: "First Last", "Last First", "Last, First", and the surname alone. */
function nameForms(first: string, last: string): string[] {
  return present([`${first} ${last}`, `${last} ${first}`, `${last}, ${first}`, last]);
}

/** Mail to these addresses says nothing any more: address, subject and text are replaced, secrets dropped. */
async function eraseMailTo(tx: Tx, officeId: string, addresses: string[]) {
  if (!addresses.length) return;
  await tx.execute(sql`
    update outbox set to_address = ${ERASED}, subject = ${ERASED}, body_text = ${ERASED}, secret_payload = null
     where office_id = ${officeId} and lower(to_address) in (${sql.join(
       addresses.map((a) => sql`${a.toLowerCase()}`),
       sql`, `,
     )})`);
}

/** Accounts of the person are deleted (their sessions and links go with them); their names become needles. */
async function deleteAccounts(tx: Tx, condition: ReturnType<typeof eq>) {
  return tx.delete(users).where(condition).returning({ email: users.email, displayName: users.displayName });
}

export async function anonymiseGuide(tx: Tx, actor: Actor, guideId: string, now: Date, trigger: ErasureTrigger) {
  const [row] = await tx.select().from(guides).where(eq(guides.id, guideId));
  if (!row) throw new AppError(404, 'not_found');
  if (row.anonymisedAt) return row.anonymisedAt;
  const [{ running }] = rowsOf<{ running: number }>(
    await tx.execute(sql`select count(*)::int as running from assignments
                          where guide_id = ${guideId} and status in ('pending_agreement', 'active')`),
  );
  if (running > 0) throw new AppError(409, 'conflict', [{ path: 'id', code: 'guideHasRunningDeployments' }]);
  // Offers first (the one lock order of offer writes: request, offer, then the guide's row).
  await withdrawPendingForGuide(tx, actor, guideId, 'Automatisch zurückgezogen: Lots:in anonymisiert', now);
  const accounts = await deleteAccounts(tx, eq(users.guideId, guideId));
  const emails = present([row.email, ...accounts.map((a) => a.email)]);
  await eraseMailTo(tx, row.officeId, emails);
  const needles = present([
    ...nameForms(row.firstName, row.lastName),
    ...accounts.map((a) => a.displayName),
    ...emails,
    row.phone,
  ]);
  // What statistics need stays: status, districts served, language codes, gender, capacity, consent dates.
  await tx
    .update(guides)
    .set({
      firstName: '',
      lastName: `${ERASED} ${guideId.slice(0, 8)}`,
      email: null,
      phone: null,
      languages: [],
      countries: [],
      homeDistrictId: null,
      availability: [],
      notes: null,
      shareContact: 'none',
      backgroundCheckedAt: null,
      backgroundIssuedAt: null,
      backgroundRelevantConviction: null,
      birthYear: null,
      migrationBackground: null,
      statisticsConsentAt: null,
      status: 'left',
      ...(row.status !== 'left' ? { statusChangedAt: now } : {}),
      anonymisedAt: now,
      updatedAt: now,
    })
    .where(eq(guides.id, guideId));
  // The application the guide came from (recruitment) is deleted with its steps and conversations: nothing of it counts.
  await tx.delete(applicants).where(eq(applicants.guideId, guideId));
  // Bank details serve only the payouts still to come: they go. Claims and receipts stay as payment evidence.
  await tx.delete(guideBankAccounts).where(eq(guideBankAccounts.guideId, guideId));
  // The guide's own pauses may name an illness: they go (the accounts' push subscriptions went with the accounts).
  await tx.delete(guidePauses).where(eq(guidePauses.guideId, guideId));
  // The guide's replies to messages are their own words: they go. Their place on a recipient list stays (no data).
  await tx
    .delete(messagePosts)
    .where(
      and(
        eq(messagePosts.authorRole, 'guide'),
        sql`${messagePosts.recipientId} in (select id from ${messageRecipients} where guide_id = ${guideId})`,
      ),
    );
  if (row.status !== 'left')
    await tx.insert(guideStatusHistory).values({ officeId: row.officeId, guideId, status: 'left', at: now });
  await repo.erase(tx, row.officeId, needles, guideId, present([row.firstName]), ERASED);
  await recordAudit(tx, actor, {
    action: 'guide.anonymised',
    entityType: 'guide',
    entityId: guideId,
    changes: { trigger },
    at: now,
  });
  return now;
}

export async function anonymiseContact(tx: Tx, actor: Actor, partnerId: string, contactId: string, now: Date) {
  const [row] = await tx
    .select()
    .from(partnerContacts)
    .where(and(eq(partnerContacts.id, contactId), eq(partnerContacts.partnerId, partnerId)));
  if (!row) throw new AppError(404, 'not_found');
  if (row.anonymisedAt) return row.anonymisedAt;
  const accounts = row.userId ? await deleteAccounts(tx, eq(users.id, row.userId)) : [];
  const emails = present([row.email, ...accounts.map((a) => a.email)]);
  await eraseMailTo(tx, row.officeId, emails);
  const words = row.name.trim().split(/\s+/);
  const needles = present([
    row.name,
    words.length > 1 ? words[words.length - 1] : null,
    ...accounts.map((a) => a.displayName),
    ...emails,
    row.phone,
  ]);
  await tx
    .update(partnerContacts)
    .set({ name: ERASED, email: `${contactId}@anonymised.invalid`, phone: null, userId: null, anonymisedAt: now })
    .where(eq(partnerContacts.id, contactId));
  await repo.erase(tx, row.officeId, needles, null, [], ERASED);
  await recordAudit(tx, actor, {
    action: 'partner.contact_anonymised',
    entityType: 'partner',
    entityId: partnerId,
    changes: { contactId },
    at: now,
  });
  return now;
}

/** Audit keys of a request that carry the accompanied person's details. */
const PERSON_AUDIT_KEYS = [
  'person',
  'personInitials',
  'description',
  'notes',
  'meetingPoint',
  'onSiteContact',
  'message',
];

export async function anonymisePerson(tx: Tx, actor: Actor, requestId: string, now: Date, trigger: ErasureTrigger) {
  const [row] = await tx.select().from(requests).where(eq(requests.id, requestId));
  if (!row) throw new AppError(404, 'not_found');
  if (row.personAnonymisedAt) return row.personAnonymisedAt;
  if (!['closed', 'cancelled', 'no_match'].includes(row.status))
    throw new AppError(409, 'conflict', [{ path: 'id', code: 'requestNotEnded' }]);
  // Age group, household type and size, languages, field and district stay: they are what statistics count.
  await tx
    .update(requests)
    .set({
      personInitials: '—',
      description: ERASED,
      notes: null,
      meetingPoint: null,
      onSiteContact: null,
      personAnonymisedAt: now,
      updatedAt: now,
    })
    .where(eq(requests.id, requestId));
  // A request from the public form: the person's name and how to reach them go entirely.
  await tx.delete(requestContacts).where(eq(requestContacts.requestId, requestId));
  // The timeline keeps what happened when, not what was said.
  await tx
    .update(requestEvents)
    .set({ message: ERASED })
    .where(and(eq(requestEvents.requestId, requestId), sql`${requestEvents.message} is not null`));
  await repo.eraseAuditFields(tx, row.officeId, 'request', requestId, PERSON_AUDIT_KEYS, ERASED);
  await recordAudit(tx, actor, {
    action: 'request.person_anonymised',
    entityType: 'request',
    entityId: requestId,
    changes: { trigger },
    at: now,
  });
  return now;
}
