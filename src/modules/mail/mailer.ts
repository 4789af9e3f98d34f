import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Config } from '../../config.js';
import type { Db, Tx } from '../../db/client.js';
import { outbox } from '../../db/schema/index.js';
import { inScope } from '../../db/scope.js';
import { resolveAppSecret, SecretBox } from './secrets.js';
import { revealText, type SecretSlot } from './templates.js';

export type OutgoingMail = {
  officeId: string | null;
  to: string;
  subject: string;
  /** The text with every secret replaced by its placeholder (see templates.ts `composeText`). */
  text: string;
  secrets?: SecretSlot[];
};

/** Receives the raw RFC 822 message of a buffering stream transport (the demo mailbox, the tests' capture). */
export type MailSink = (raw: Buffer, mail: { id: string; to: string }) => Promise<void> | void;

export type MailerOptions = {
  from: string;
  /** Key material for the secrets of stored mail. Without it a random per-process key (tools, benchmarks). */
  appSecret?: string;
  smtpUrl?: string;
  /** A ready transport instead of `smtpUrl`; with `sink`, a `streamTransport` with `buffer: true`. */
  transport?: nodemailer.Transporter;
  sink?: MailSink;
};

/** `DATA_DIR/demo-mailbox`: where the offline demo delivers mail, one .eml file per message. */
export const demoMailboxDir = (dataDir: string) => join(dataDir, 'demo-mailbox');

/** Writes each message as `<time>-<id>.eml` (sortable by time), readable by its owner only. */
export function demoMailboxSink(dir: string): MailSink {
  return (raw, mail) => {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = join(dir, `${stamp}-${mail.id.slice(0, 8)}.eml`);
    writeFileSync(file, raw, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  };
}

/**
 * Every message is written to the outbox in the caller's transaction, so no mail goes out for a change that rolled
 * back. Secret values (links with tokens) never reach the outbox text: it holds placeholders, and the secrets are
 * sealed in `secret_payload` with a key outside the database. `deliver` puts them back, sends, and then forgets them.
 * Without a transport (production without SMTP_URL) the message stays in the outbox as "stored", sealed.
 */
export class Mailer {
  private readonly transport: nodemailer.Transporter | null;
  private readonly box: SecretBox;

  constructor(private readonly options: MailerOptions) {
    this.transport = options.transport ?? (options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null);
    this.box = new SecretBox(options.appSecret ?? randomBytes(32).toString('base64url'));
  }

  /** Binds a sealed payload to its message and recipient: moved to another row or re-addressed, it does not open. */
  private static context(id: string, to: string) {
    return `outbox:${id}:${to}`;
  }

  async enqueue(tx: Tx, mail: OutgoingMail): Promise<string> {
    const id = randomUUID();
    const secrets = mail.secrets ?? [];
    const [row] = await tx
      .insert(outbox)
      .values({
        id,
        officeId: mail.officeId,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        secretPayload: secrets.length ? this.box.seal(JSON.stringify(secrets), Mailer.context(id, mail.to)) : null,
        status: this.transport ? 'queued' : 'stored',
      })
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
        const secrets: SecretSlot[] = message.secretPayload
          ? JSON.parse(this.box.open(message.secretPayload, Mailer.context(id, message.to)))
          : [];
        const info = await this.transport.sendMail({
          from: this.options.from,
          to: message.to,
          subject: message.subject,
          text: revealText(message.text, secrets),
        });
        if (this.options.sink && Buffer.isBuffer(info.message))
          await this.options.sink(info.message, { id, to: message.to });
        await inScope(db, 'system', (tx) =>
          tx.update(outbox).set({ status: 'sent', sentAt: new Date(), secretPayload: null }).where(eq(outbox.id, id)),
        );
      } catch (error) {
        // The sealed secrets stay: the message can be retried later and nobody can read them in the meantime.
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

/**
 * The configured mailer: SMTP with SMTP_URL; without it, outside production, the demo mailbox (DATA_DIR/demo-mailbox,
 * .eml files any mail program opens); in production without SMTP, none (mail stays in the outbox, sealed).
 */
export function createMailer(config: Config): Mailer {
  const appSecret = resolveAppSecret(config);
  if (config.smtpUrl) return new Mailer({ from: config.mailFrom, appSecret, smtpUrl: config.smtpUrl });
  if (config.env === 'production') return new Mailer({ from: config.mailFrom, appSecret });
  return new Mailer({
    from: config.mailFrom,
    appSecret,
    transport: nodemailer.createTransport({ streamTransport: true, buffer: true }),
    sink: demoMailboxSink(demoMailboxDir(config.dataDir)),
  });
}
