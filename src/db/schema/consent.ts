/** Consent texts (versioned per office and kind, one text per language) and the consent records given for them. */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { CONSENT_KINDS, CONSENT_METHODS, type ConsentTexts } from '../../shared/consent.js';
import { users } from './accounts.js';
import { createdAt, id, oneOf, updatedAt } from './columns.js';
import { guides } from './guides.js';
import { officeId } from './offices.js';
import { requests } from './requests.js';

export const consentTexts = pgTable(
  'consent_texts',
  {
    id: id(),
    officeId: officeId(),
    kind: text('kind', { enum: CONSENT_KINDS }).notNull(),
    /** 1, 2, 3 … per office and kind. */
    version: integer('version').notNull(),
    texts: jsonb('texts').$type<ConsentTexts>().notNull(),
    changeNote: text('change_note'),
    /** Null while a draft; once set, the version is immutable (service and database trigger in db/guards.ts). */
    publishedAt: date('published_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    oneOf('consent_texts_kind_check', t.kind, CONSENT_KINDS),
    unique('consent_texts_office_kind_version_key').on(t.officeId, t.kind, t.version),
  ],
);

export const consentRecords = pgTable(
  'consent_records',
  {
    id: id(),
    officeId: officeId(),
    textId: uuid('text_id')
      .notNull()
      .references(() => consentTexts.id),
    kind: text('kind', { enum: CONSENT_KINDS }).notNull(),
    guideId: uuid('guide_id').references(() => guides.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id').references(() => requests.id, { onDelete: 'cascade' }),
    language: text('language').notNull(),
    givenAt: date('given_at').notNull(),
    method: text('method', { enum: CONSENT_METHODS }).notNull(),
    withdrawnAt: date('withdrawn_at'),
    withdrawalMethod: text('withdrawal_method', { enum: CONSENT_METHODS }),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    oneOf('consent_records_kind_check', t.kind, CONSENT_KINDS),
    oneOf('consent_records_method_check', t.method, CONSENT_METHODS),
    oneOf('consent_records_withdrawal_method_check', t.withdrawalMethod, CONSENT_METHODS),
    check('consent_records_subject_check', sql`num_nonnulls(${t.guideId}, ${t.requestId}) = 1`),
    check(
      'consent_records_withdrawal_check',
      sql`(${t.withdrawnAt} is null) = (${t.withdrawalMethod} is null) and (${t.withdrawnAt} is null or ${t.withdrawnAt} >= ${t.givenAt})`,
    ),
    index('consent_records_guide_idx').on(t.guideId),
    index('consent_records_request_idx').on(t.requestId),
    index('consent_records_text_idx').on(t.textId),
  ],
);
