import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Config } from '../../config.js';
import type { Db, Tx } from '../../db/client.js';
import { type MailAttachment, outbox } from '../../db/schema/index.js';
import { inScope } from '../../db/scope.js';
import type { Locale } from '../../shared/enums.js';
import { resolveAppSecret, SecretBox } from './secrets.js';
import { officeSignature, withSignature } from './signature.js';
import { revealText, type SecretSlot } from './templates.js';

export type OutgoingMail = {
  officeId: string | null;
  to: string;
  subject: string;
  /** The text with every secret replaced by its placeholder (see templates.ts `composeText`). */
  text: string;
  secrets?: SecretSlot[];
  /** The recipient's language: an office's mail ends with the office's signature in it (German when not kept). */
  locale: Locale;
  /** Small, non-secret files (an event's .ics): stored with the message, attached at delivery. */
  attachments?: MailAttachment[];
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
    // Appended at the end, so the secrets' positions in the text stay where the template put them.
    const text = mail.officeId
      ? withSignature(mail.text, await officeSignature(tx, mail.officeId, mail.locale))
      : mail.text;
    const secrets = mail.secrets ?? [];
    const [row] = await tx
      .insert(outbox)
      .values({
        id,
        officeId: mail.officeId,
        to: mail.to,
        subject: mail.subject,
        text,
        secretPayload: secrets.length ? this.box.seal(JSON.stringify(secrets), Mailer.context(id, mail.to)) : null,
        attachments: mail.attachments?.length ? mail.attachments : null,
        status: this.transport ? 'queued' : 'stored',
      })
      .returning({ id: outbox.id });
    return row.id;
  }

  /**
   * Where `deliver` hands queued messages over: the job queue of a running server (src/jobs/), which sends them with
   * retries. Without one (tests, CLI tools) `deliver` sends at once, one attempt each.
   */
  private dispatch: ((ids: string[]) => Promise<void>) | null = null;

  setDispatcher(dispatch: ((ids: string[]) => Promise<void>) | null) {
    this.dispatch = dispatch;
  }

  /** True when a transport is configured: messages are queued for delivery, not only stored. */
  get sends() {
    return this.transport !== null;
  }

  /** Hands queued messages to delivery after their transaction committed. Failures stay in the outbox. */
  async deliver(db: Db, ids: ReadonlyArray<string | null>): Promise<void> {
    if (!this.transport) return;
    const queued = ids.filter((id): id is string => Boolean(id));
    if (!queued.length) return;
    if (this.dispatch) {
      try {
        await this.dispatch(queued);
      } catch {
        // The rows are committed as `queued`: the sweeper (src/jobs/) enqueues them later. The request succeeded.
      }
      return;
    }
    for (const id of queued) await this.deliverOne(db, id, { final: true }).catch(() => undefined);
  }

  /**
   * One delivery attempt of one queued message. Sent: the secrets are forgotten. Failed: the error (without secrets)
   * and the attempt are recorded; on the `final` attempt the message becomes `failed` (a coordinator can send it
   * again), else it stays `queued` and the error is thrown so that the queue retries. Anything but `queued` is left
   * alone, so a duplicate job never sends twice.
   */
  async deliverOne(db: Db, id: string, attempt: { final: boolean }): Promise<'sent' | 'skipped' | 'failed'> {
    if (!this.transport) return 'skipped';
    const [message] = await inScope(db, 'system', (tx) => tx.select().from(outbox).where(eq(outbox.id, id)));
    if (message?.status !== 'queued') return 'skipped';
    let secrets: SecretSlot[] = [];
    try {
      secrets = message.secretPayload
        ? JSON.parse(this.box.open(message.secretPayload, Mailer.context(id, message.to)))
        : [];
      const info = await this.transport.sendMail({
        from: this.options.from,
        to: message.to,
        subject: message.subject,
        text: revealText(message.text, secrets),
        attachments: message.attachments?.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: Buffer.from(a.contentBase64, 'base64'),
        })),
      });
      if (this.options.sink && Buffer.isBuffer(info.message))
        await this.options.sink(info.message, { id, to: message.to });
      const now = new Date();
      await inScope(db, 'system', (tx) =>
        tx
          .update(outbox)
          .set({
            status: 'sent',
            sentAt: now,
            lastAttemptAt: now,
            attempts: message.attempts + 1,
            error: null,
            secretPayload: null,
          })
          .where(eq(outbox.id, id)),
      );
      return 'sent';
    } catch (error) {
      const text = describeMailError(error, secrets);
      // The sealed secrets stay: the message can be sent again and nobody can read them in the meantime.
      await inScope(db, 'system', (tx) =>
        tx
          .update(outbox)
          .set({
            status: attempt.final ? 'failed' : 'queued',
            error: text,
            attempts: message.attempts + 1,
            lastAttemptAt: new Date(),
          })
          .where(eq(outbox.id, id)),
      );
      if (attempt.final) return 'failed';
      throw new Error(text);
    }
  }
}

/**
 * The error text the outbox keeps: short, one line, and without anything secret. A transport may echo the message
 * (and so a link) or the SMTP URL with its password; both are cut out before the text reaches the database.
 */
export function describeMailError(error: unknown, secrets: readonly SecretSlot[] = []): string {
  let text = String(error instanceof Error ? error.message : error);
  for (const slot of secrets) {
    if (slot.value) text = text.split(slot.value).join(slot.placeholder);
  }
  text = text
    .replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/@]*@/gi, '$1***@') // credentials in a URL
    .replace(/\b[A-Za-z0-9_-]{32,}\b/g, '***') // anything shaped like a token
    .replace(/\s+/g, ' ')
    .trim();
  return text.slice(0, 300) || 'unknown error';
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
