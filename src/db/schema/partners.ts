/** Partner institutions (Einsatzstellen) and their contacts. */
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { createdAt, id, updatedAt } from './columns.js';
import { officeId } from './offices.js';
import { districts } from './reference.js';

export const partners = pgTable(
  'partners',
  {
    id: id(),
    officeId: officeId(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    street: text('street'),
    postalCode: text('postal_code'),
    city: text('city'),
    districtId: uuid('district_id').references(() => districts.id, { onDelete: 'set null' }),
    email: text('email'),
    phone: text('phone'),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('partners_office_idx').on(t.officeId)],
);

export const partnerContacts = pgTable(
  'partner_contacts',
  {
    id: id(),
    officeId: officeId(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Set when the contact's personal data was erased by anonymisation (modules/retention). */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('partner_contacts_partner_idx').on(t.partnerId)],
);
