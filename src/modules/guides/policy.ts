import type { Actor } from '../../server/context.js';
import type { GuideAbilities } from '../../shared/guides.js';
import { SELF_EDITABLE_GUIDE_FIELDS } from '../../shared/guides.js';

const isCoordinatorOf = (actor: Actor, officeId: string) => actor.role === 'coordinator' && actor.officeId === officeId;
const isSelf = (actor: Actor, guide: { id: string; officeId: string }) =>
  actor.role === 'guide' && actor.guideId === guide.id && actor.officeId === guide.officeId;

export const guidePolicy = {
  list: (actor: Actor) => actor.role === 'coordinator' && actor.officeId !== null,
  create: (actor: Actor) => actor.role === 'coordinator' && actor.officeId !== null,
  view: (actor: Actor, guide: { id: string; officeId: string }) =>
    isCoordinatorOf(actor, guide.officeId) || isSelf(actor, guide),
  update: (actor: Actor, guide: { id: string; officeId: string }) =>
    isCoordinatorOf(actor, guide.officeId) || isSelf(actor, guide),
  /** Which fields of the patch the actor may touch. */
  updatableFields: (actor: Actor, guide: { id: string; officeId: string }): 'all' | readonly string[] =>
    isCoordinatorOf(actor, guide.officeId) ? 'all' : isSelf(actor, guide) ? SELF_EDITABLE_GUIDE_FIELDS : [],
  /**
   * The office sets how many deployments a guide may take at most; the guide may choose fewer, never more. Before a
   * coordinator set a ceiling (capacity_ceiling null), the current value is the ceiling.
   */
  selfCapacityCeiling: (guide: { capacityCeiling: number | null; maxActiveAssignments: number }) =>
    guide.capacityCeiling ?? guide.maxActiveAssignments,
  delete: (actor: Actor, guide: { officeId: string }) => isCoordinatorOf(actor, guide.officeId),
  viewNotes: (actor: Actor, guide: { officeId: string }) => isCoordinatorOf(actor, guide.officeId),
  export: (actor: Actor) => actor.role === 'coordinator' && actor.officeId !== null,
  /** Erasure by anonymisation; whether a deployment still runs is checked by the service (409). */
  anonymise: (actor: Actor, guide: { officeId: string; anonymisedAt?: Date | null }) =>
    isCoordinatorOf(actor, guide.officeId) && !guide.anonymisedAt,
  abilities(actor: Actor, guide: { id: string; officeId: string; anonymisedAt?: Date | null }): GuideAbilities {
    return {
      // An anonymised guide is evidence only: there is nothing personal left to edit.
      update: this.update(actor, guide) && !guide.anonymisedAt,
      updateAll: isCoordinatorOf(actor, guide.officeId),
      delete: this.delete(actor, guide),
      viewNotes: this.viewNotes(actor, guide),
      invite: isCoordinatorOf(actor, guide.officeId) && !guide.anonymisedAt,
      anonymise: this.anonymise(actor, guide),
    };
  },
};
