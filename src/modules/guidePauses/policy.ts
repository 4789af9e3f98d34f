import type { Actor } from '../../server/context.js';
import { guidePolicy } from '../guides/policy.js';

/**
 * A guide's pauses: seen by the guide and the coordinators of their office (as the profile is), changed by the guide
 * only. The coordinators' own tool is the guide status `paused`.
 */
export const guidePausePolicy = {
  view: (actor: Actor, guide: { id: string; officeId: string }) => guidePolicy.view(actor, guide),
  edit: (actor: Actor, guide: { id: string; officeId: string; anonymisedAt: Date | null }) =>
    actor.role === 'guide' && actor.guideId === guide.id && actor.officeId === guide.officeId && !guide.anonymisedAt,
};
