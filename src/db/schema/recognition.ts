/**
 * Recognition (issue 11 §4): the office's confirmations for an Ehrenamtskarte application. A confirmation is
 * evidence of what the office confirmed on that day (period, hours, rule set) and never changes; the one thing
 * recorded later is that the card was issued, with its issue and expiry date, so the office sees when it runs out.
 */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { CARD_RULE_KEYS } from '../../domain/recognition/card.js';
import { users } from './accounts.js';
import { createdAt, id, oneOf } from './columns.js';
import { guides } from './guides.js';
import { officeId } from './offices.js';

export const cardConfirmations = pgTable(
  'card_confirmations',
  {
    id: id(),
    officeId: officeId(),
    guideId: uuid('guide_id')
      .notNull()
      .references(() => guides.id, { onDelete: 'restrict' }),
    /** Ehrenamtskarte Niedersachsen or Hessen's Ehrenamts-Card. */
    ruleKey: text('rule_key', { enum: CARD_RULE_KEYS }).notNull(),
    /** The day the office signed the confirmation (office time zone). */
    confirmedOn: date('confirmed_on').notNull(),
    /** The confirmed period, first and last month (`YYYY-MM`). */
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    /** The hours confirmed over the period, in minutes, as computed on `confirmedOn`. */
    confirmedMinutes: integer('confirmed_minutes').notNull(),
    /** The minutes of each 12-month year of the period, oldest first, as confirmed (the PDF prints them). */
    yearMinutes: integer('year_minutes').array().notNull(),
    /** How long a card issued on this confirmation is valid (Niedersachsen: 3 years). */
    validityYears: integer('validity_years').notNull(),
    /** Recorded by the coordinator once the card was issued. */
    cardIssuedOn: date('card_issued_on'),
    cardExpiresOn: date('card_expires_on'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    oneOf('card_confirmations_rule_check', t.ruleKey, CARD_RULE_KEYS),
    index('card_confirmations_guide_idx').on(t.guideId),
    index('card_confirmations_office_expiry_idx').on(t.officeId, t.cardExpiresOn),
    check('card_confirmations_minutes_check', sql`${t.confirmedMinutes} >= 0`),
    check('card_confirmations_years_check', sql`cardinality(${t.yearMinutes}) between 1 and 10`),
    check('card_confirmations_validity_check', sql`${t.validityYears} between 1 and 10`),
    check(
      'card_confirmations_period_check',
      sql`${t.periodFrom} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' and ${t.periodTo} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' and ${t.periodFrom} <= ${t.periodTo}`,
    ),
    check(
      'card_confirmations_card_check',
      sql`(${t.cardIssuedOn} is null) = (${t.cardExpiresOn} is null) and (${t.cardExpiresOn} is null or ${t.cardExpiresOn} > ${t.cardIssuedOn})`,
    ),
  ],
);
