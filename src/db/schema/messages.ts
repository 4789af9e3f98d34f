/** Messages to guides (Rundmails): the message, its frozen recipient list, and one reply thread per recipient. */
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { RECIPIENT_CHANNELS, THREAD_AUTHOR_ROLES } from '../../shared/messages.js';
import { users } from './accounts.js';
import { createdAt, id, oneOf } from './columns.js';
import { guides } from './guides.js';
import { outbox } from './mail.js';
import { officeId } from './offices.js';

export const messages = pgTable(
  'messages',
  {
    id: id(),
    officeId: officeId(),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Kept as written: the author's account may go, the message stays readable. */
    authorName: text('author_name').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** The filter the list was built from, for the record; the list itself is in message_recipients. */
    filter: jsonb('filter').$type<Record<string, unknown>>().notNull().default({}),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('messages_office_sent_idx').on(t.officeId, t.sentAt)],
);

/**
 * The recipient list, frozen when the message is sent: rows are only inserted then, never recomputed. The address
 * is not copied: the outbox row (one per recipient, one To: address) holds the one that was used.
 */
export const messageRecipients = pgTable(
  'message_recipients',
  {
    id: id(),
    officeId: officeId(),
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    guideId: uuid('guide_id')
      .notNull()
      .references(() => guides.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: RECIPIENT_CHANNELS }).notNull(),
    outboxId: uuid('outbox_id').references(() => outbox.id, { onDelete: 'set null' }),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    oneOf('message_recipients_channel_check', t.channel, RECIPIENT_CHANNELS),
    uniqueIndex('message_recipients_unique').on(t.messageId, t.guideId),
    index('message_recipients_guide_idx').on(t.guideId),
  ],
);

/** A post in the thread of one recipient: visible to that guide and the office's coordinators, nobody else. */
export const messagePosts = pgTable(
  'message_posts',
  {
    id: id(),
    officeId: officeId(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => messageRecipients.id, { onDelete: 'cascade' }),
    authorRole: text('author_role', { enum: THREAD_AUTHOR_ROLES }).notNull(),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    oneOf('message_posts_author_role_check', t.authorRole, THREAD_AUTHOR_ROLES),
    index('message_posts_recipient_idx').on(t.recipientId, t.createdAt),
  ],
);
