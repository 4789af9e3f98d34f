/** Offers of a request to guides. */
import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { OFFER_STATUSES } from '../../shared/matching.js';
import { createdAt, id, oneOf } from './columns.js';
import { guides } from './guides.js';
import { officeId } from './offices.js';
import { requests } from './requests.js';

export const offers = pgTable(
  'offers',
  {
    id: id(),
    officeId: officeId(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    guideId: uuid('guide_id')
      .notNull()
      .references(() => guides.id, { onDelete: 'cascade' }),
    message: text('message').notNull().default(''),
    status: text('status', { enum: OFFER_STATUSES }).notNull().default('pending'),
    overrideReason: text('override_reason'),
    declineReason: text('decline_reason'),
    /** SHA-256 of the single-use answer link's token. */
    linkTokenHash: text('link_token_hash'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: createdAt(),
  },
  (t) => [
    oneOf('offers_status_check', t.status, OFFER_STATUSES),
    index('offers_request_idx').on(t.requestId),
    index('offers_guide_status_idx').on(t.guideId, t.status),
    uniqueIndex('offers_link_token_unique').on(t.linkTokenHash),
    // The expiry job looks for overdue pending offers across all offices every minute: only pending rows are indexed.
    index('offers_pending_expiry_idx').on(t.expiresAt).where(sql`status = 'pending'`),
  ],
);
