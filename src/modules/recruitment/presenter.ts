import type { Actor } from '../../server/context.js';
import type { Locale } from '../../shared/enums.js';
import type {
  Applicant,
  ApplicantConversation,
  ApplicantStatus,
  ApplicantStep,
  ConversationOutcome,
} from '../../shared/recruitment.js';
import { recruitmentPolicy } from './policy.js';
import type { ApplicantRow } from './repository.js';

export const presentApplicant = (row: ApplicantRow, actor: Actor): Applicant => ({
  id: row.id,
  firstName: row.firstName,
  lastName: row.lastName,
  email: row.email,
  phone: row.phone,
  languages: row.languages as Applicant['languages'],
  districtIds: row.districtIds,
  availability: row.availability,
  motivation: row.motivation,
  locale: row.locale as Locale,
  status: row.status as ApplicantStatus,
  statusOn: row.statusOn,
  dropOutReason: row.dropOutReason,
  consentVersion: row.consentVersion,
  consentLanguage: row.consentLanguage,
  consentGivenAt: row.consentGivenAt?.toISOString() ?? null,
  emailConfirmedAt: row.emailConfirmedAt?.toISOString() ?? null,
  guideId: row.guideId,
  createdAt: row.createdAt.toISOString(),
  abilities: recruitmentPolicy.abilities(actor, row),
});

export const presentStep = (row: {
  id: string;
  status: string;
  on: string;
  note: string | null;
  recordedByName: string | null;
  createdAt: Date;
}): ApplicantStep => ({
  ...row,
  status: row.status as ApplicantStatus,
  createdAt: row.createdAt.toISOString(),
});

export const presentConversation = (row: {
  id: string;
  heldOn: string;
  heldBy: string | null;
  heldByName: string | null;
  outcome: string;
  note: string | null;
  createdAt: Date;
}): ApplicantConversation => ({
  ...row,
  outcome: row.outcome as ConversationOutcome,
  createdAt: row.createdAt.toISOString(),
});
