import type { Actor } from '../../server/context.js';
import { GUIDE_CONSENT_KINDS } from '../../shared/consent.js';

const isCoordinator = (actor: Actor) => actor.role === 'coordinator' && actor.officeId !== null;
const isGuide = (actor: Actor) => actor.role === 'guide' && actor.officeId !== null && actor.guideId !== null;

/** Coordinators manage texts and records; a guide reads and confirms their own; partners see none of it. */
export const consentPolicy = {
  manageTexts: isCoordinator,
  record: isCoordinator,
  /** Who may list records at all (guides only ever get their own). */
  listRecords: (actor: Actor) => isCoordinator(actor) || isGuide(actor),
  /** Printing a text for signing: coordinators any version; guides the published texts they sign. */
  printRole: (actor: Actor) => isCoordinator(actor) || isGuide(actor),
  print: (actor: Actor, text: { officeId: string; kind: string; publishedAt: string | null }) =>
    actor.officeId === text.officeId &&
    (isCoordinator(actor) ||
      (isGuide(actor) && text.publishedAt !== null && (GUIDE_CONSENT_KINDS as readonly string[]).includes(text.kind))),
  withdrawRole: (actor: Actor) => isCoordinator(actor) || isGuide(actor),
  /** A guide may withdraw their own consent in the app; the pledge binds beyond it and cannot be withdrawn. */
  withdraw: (actor: Actor, record: { officeId: string; guideId: string | null }) =>
    actor.officeId === record.officeId &&
    (isCoordinator(actor) || (isGuide(actor) && record.guideId !== null && record.guideId === actor.guideId)),
  confirmOwn: isGuide,
};
