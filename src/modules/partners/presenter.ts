import type { Actor } from '../../server/context.js';
import type { PartnerType } from '../../shared/enums.js';
import type { Partner } from '../../shared/partners.js';
import { partnerPolicy } from './policy.js';
import type { PartnerRow, partnerRepository } from './repository.js';

type ContactRow = Awaited<ReturnType<typeof partnerRepository.contactsOf>>[number];

export function presentPartner(row: PartnerRow, contacts: ContactRow[], actor: Actor): Partner {
  return {
    id: row.id,
    name: row.name,
    type: row.type as PartnerType,
    street: row.street,
    postalCode: row.postalCode,
    city: row.city,
    districtId: row.districtId,
    email: row.email,
    phone: row.phone,
    notes: partnerPolicy.viewNotes(actor, row) ? row.notes : null,
    contacts: contacts
      .filter((c) => c.contact.partnerId === row.id)
      .map(({ contact, userDisabledAt, userHasPassword }) => ({
        id: contact.id,
        name: contact.name,
        email: contact.email,
        phone: contact.phone,
        accountStatus: !contact.userId ? 'none' : userDisabledAt ? 'disabled' : userHasPassword ? 'active' : 'invited',
      })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: partnerPolicy.abilities(actor, row),
  };
}
