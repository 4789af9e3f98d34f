import { simpleParser } from 'mailparser';
import type { TestApp } from './app.js';

export type ReceivedMail = { to: string; from: string; subject: string; text: string; date: Date | undefined };

/** A raw RFC 822 message parsed the way a mail program reads it. */
export async function parseMail(raw: Buffer): Promise<ReceivedMail> {
  const parsed = await simpleParser(raw);
  const to = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((a) => a.value);
  return {
    to: to.map((a) => a.address ?? '').join(', '),
    from: parsed.from?.value[0]?.address ?? '',
    subject: parsed.subject ?? '',
    text: (parsed.text ?? '').replace(/\n$/, ''),
    date: parsed.date,
  };
}

/** What the recipient received, newest first (like the outbox): links are read here, never from the outbox. */
export async function mailsTo(t: Pick<TestApp, 'sentMail'>, address: string): Promise<ReceivedMail[]> {
  const all = await Promise.all(t.sentMail.map(parseMail));
  return all.filter((m) => m.to.toLowerCase() === address.toLowerCase()).reverse();
}

/** The newest mail to the address; fails the test when there is none. */
export async function lastMailTo(t: Pick<TestApp, 'sentMail'>, address: string): Promise<ReceivedMail> {
  const [mail] = await mailsTo(t, address);
  if (!mail) throw new Error(`no mail was sent to ${address}`);
  return mail;
}
