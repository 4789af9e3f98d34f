import { and, desc, eq, getTableColumns, inArray, isNotNull, isNull, max, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { consentRecords, consentTexts, guides, requests, users } from '../../db/schema/index.js';
import type { ConsentKind } from '../../shared/consent.js';

export type ConsentTextRow = typeof consentTexts.$inferSelect;
export type ConsentRecordRow = typeof consentRecords.$inferSelect & { version: number; recordedByName: string | null };

const recordColumns = {
  ...getTableColumns(consentRecords),
  version: consentTexts.version,
  recordedByName: users.displayName,
};

const selectRecords = (tx: Tx) =>
  tx
    .select(recordColumns)
    .from(consentRecords)
    .innerJoin(consentTexts, eq(consentTexts.id, consentRecords.textId))
    .leftJoin(users, eq(users.id, consentRecords.recordedBy));

export const consentRepository = {
  listTexts: (tx: Tx, officeId: string, kind?: ConsentKind) =>
    tx
      .select()
      .from(consentTexts)
      .where(and(eq(consentTexts.officeId, officeId), kind ? eq(consentTexts.kind, kind) : undefined))
      .orderBy(consentTexts.kind, desc(consentTexts.version)),

  findText: async (tx: Tx, id: string) =>
    (await tx.select().from(consentTexts).where(eq(consentTexts.id, id)).limit(1))[0],

  /** Locks the office's texts of one kind, so two new versions never get the same number. */
  async nextVersion(tx: Tx, officeId: string, kind: ConsentKind) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`consent:${officeId}:${kind}`}))`);
    const [row] = await tx
      .select({ v: max(consentTexts.version) })
      .from(consentTexts)
      .where(and(eq(consentTexts.officeId, officeId), eq(consentTexts.kind, kind)));
    return (row?.v ?? 0) + 1;
  },

  /** The newest published version of each kind (the one that is in force). */
  async currentTexts(tx: Tx, officeId: string) {
    const rows = await tx
      .selectDistinctOn([consentTexts.kind])
      .from(consentTexts)
      .where(and(eq(consentTexts.officeId, officeId), isNotNull(consentTexts.publishedAt)))
      .orderBy(consentTexts.kind, desc(consentTexts.version));
    return new Map(rows.map((r) => [r.kind as ConsentKind, r]));
  },

  insertText: async (tx: Tx, row: typeof consentTexts.$inferInsert) =>
    (await tx.insert(consentTexts).values(row).returning())[0],
  updateText: async (tx: Tx, id: string, values: Partial<typeof consentTexts.$inferInsert>) =>
    (await tx.update(consentTexts).set(values).where(eq(consentTexts.id, id)).returning())[0],

  listRecords: (tx: Tx, officeId: string, filter: { guideId?: string; requestId?: string }) =>
    selectRecords(tx)
      .where(
        and(
          eq(consentRecords.officeId, officeId),
          filter.guideId ? eq(consentRecords.guideId, filter.guideId) : undefined,
          filter.requestId ? eq(consentRecords.requestId, filter.requestId) : undefined,
        ),
      )
      .orderBy(desc(consentRecords.givenAt), desc(consentRecords.createdAt)),

  findRecord: async (tx: Tx, id: string) => (await selectRecords(tx).where(eq(consentRecords.id, id)).limit(1))[0],

  insertRecord: async (tx: Tx, row: typeof consentRecords.$inferInsert) =>
    (await tx.insert(consentRecords).values(row).returning())[0],

  /** Withdraws every open record of one kind for one person: consent is withdrawn, not a single version of it. */
  withdrawOpen: (
    tx: Tx,
    subject: { guideId: string | null; requestId: string | null },
    kind: ConsentKind,
    withdrawnAt: string,
    method: 'paper' | 'app',
  ) =>
    tx
      .update(consentRecords)
      .set({ withdrawnAt, withdrawalMethod: method })
      .where(
        and(
          subject.guideId ? eq(consentRecords.guideId, subject.guideId) : undefined,
          subject.requestId ? eq(consentRecords.requestId, subject.requestId) : undefined,
          eq(consentRecords.kind, kind),
          isNull(consentRecords.withdrawnAt),
          sql`${consentRecords.givenAt} <= ${withdrawnAt}`,
        ),
      )
      .returning({ id: consentRecords.id }),

  /** The newest record of a kind for a person (the one the guide's or request's columns mirror). */
  latestRecord: async (tx: Tx, subject: { guideId?: string; requestId?: string }, kind: ConsentKind) =>
    (
      await selectRecords(tx)
        .where(
          and(
            subject.guideId ? eq(consentRecords.guideId, subject.guideId) : undefined,
            subject.requestId ? eq(consentRecords.requestId, subject.requestId) : undefined,
            eq(consentRecords.kind, kind),
          ),
        )
        .orderBy(desc(consentRecords.givenAt), desc(consentRecords.createdAt))
        .limit(1)
    )[0],

  findGuide: async (tx: Tx, id: string) =>
    (await tx.select().from(guides).where(eq(guides.id, id)).limit(1))[0] as typeof guides.$inferSelect | undefined,
  updateGuide: (tx: Tx, id: string, values: Partial<typeof guides.$inferInsert>) =>
    tx.update(guides).set(values).where(eq(guides.id, id)),
  findRequest: async (tx: Tx, id: string) =>
    (await tx.select().from(requests).where(eq(requests.id, id)).limit(1))[0] as
      | typeof requests.$inferSelect
      | undefined,
  updateRequest: (tx: Tx, id: string, values: Partial<typeof requests.$inferInsert>) =>
    tx.update(requests).set(values).where(eq(requests.id, id)),

  /**
   * Guides who consented to (or signed) an earlier version of the text and have not confirmed this one: not left,
   * consent or pledge currently on record, and no open record of this very text.
   */
  async unconfirmed(tx: Tx, officeId: string, text: ConsentTextRow, guideIds?: string[]) {
    const onRecord =
      text.kind === 'guide_consent'
        ? sql`${guides.consentGivenAt} is not null and ${guides.consentWithdrawnAt} is null`
        : sql`${guides.confidentialityPledgeAt} is not null`;
    return tx
      .select({
        guideId: guides.id,
        firstName: guides.firstName,
        lastName: guides.lastName,
        status: guides.status,
        confirmedVersion: sql<number | null>`(
          select t.version from consent_records r join consent_texts t on t.id = r.text_id
          where r.guide_id = guides.id and r.kind = ${text.kind}
          order by r.given_at desc, r.created_at desc limit 1)`,
      })
      .from(guides)
      .where(
        and(
          eq(guides.officeId, officeId),
          ne(guides.status, 'left'),
          guideIds ? inArray(guides.id, guideIds) : undefined,
          onRecord,
          sql`not exists (select 1 from consent_records r where r.guide_id = guides.id
            and r.text_id = ${text.id} and r.withdrawn_at is null)`,
        ),
      )
      .orderBy(guides.lastName, guides.firstName);
  },
};
