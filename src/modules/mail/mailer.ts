import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db, Tx } from '../../db/client.js';
import { outbox } from '../../db/schema/index.js';
import { inScope } from '../../db/scope.js';

export type OutgoingMail = { officeId: string | null; to: string; subject: string; text: string };

/**
 * Every message is written to the outbox in the caller's transaction, so no mail goes out for a change that
 * rolled back. With SMTP_URL the message is then delivered and marked sent; without it, it stays in the outbox
 * ("stored"), where coordinators can read it, so the demo works offline.
 */
export class Mailer {
  private transport: nodemailer.Transporter | null;

  constructor(private readonly options: { smtpUrl?: string; from: string }) {
    this.transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  }

  async enqueue(tx: Tx, mail: OutgoingMail): Promise<string> {
    const [row] = await tx
      .insert(outbox)
      .values({ ...mail, status: this.transport ? 'queued' : 'stored' })
      .returning({ id: outbox.id });
    return row.id;
  }

  /** Delivers queued messages after their transaction committed. Failures stay in the outbox with the error. */
  async deliver(db: Db, ids: ReadonlyArray<string | null>): Promise<void> {
    if (!this.transport) return;
    for (const id of ids) {
      if (!id) continue;
      const [message] = await inScope(db, 'system', (tx) => tx.select().from(outbox).where(eq(outbox.id, id)));
      if (message?.status !== 'queued') continue;
      try {
        await this.transport.sendMail({
          from: this.options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
        });
        await inScope(db, 'system', (tx) =>
          tx.update(outbox).set({ status: 'sent', sentAt: new Date() }).where(eq(outbox.id, id)),
        );
      } catch (error) {
        await inScope(db, 'system', (tx) =>
          tx
            .update(outbox)
            .set({ status: 'failed', error: String((error as Error).message).slice(0, 500) })
            .where(eq(outbox.id, id)),
        );
      }
    }
  }
}
