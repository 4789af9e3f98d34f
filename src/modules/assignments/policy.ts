import type { Actor } from '../../server/context.js';

type AssignmentRef = { officeId: string; guideId: string; partnerId: string; status: string };

const isCoordinatorOf = (actor: Actor, officeId: string) => actor.role === 'coordinator' && actor.officeId === officeId;
const isGuide = (actor: Actor, a: AssignmentRef) =>
  actor.role === 'guide' && actor.guideId === a.guideId && actor.officeId === a.officeId;
const isPartner = (actor: Actor, a: AssignmentRef) =>
  actor.role === 'partner_contact' && actor.partnerId === a.partnerId && actor.officeId === a.officeId;

export const assignmentPolicy = {
  list: (actor: Actor) => actor.officeId !== null && ['coordinator', 'guide', 'partner_contact'].includes(actor.role),
  view: (actor: Actor, a: AssignmentRef) =>
    isCoordinatorOf(actor, a.officeId) || isGuide(actor, a) || isPartner(actor, a),
  editAgreement: (actor: Actor, a: AssignmentRef) => isCoordinatorOf(actor, a.officeId) && a.status !== 'closed',
  /** Guide and partner each confirm for themselves. */
  confirm: (actor: Actor, a: AssignmentRef) => (isGuide(actor, a) || isPartner(actor, a)) && a.status !== 'closed',
  logActivity: (actor: Actor, a: AssignmentRef) =>
    (isGuide(actor, a) || isCoordinatorOf(actor, a.officeId)) && a.status !== 'closed',
  close: (actor: Actor, a: AssignmentRef) => isCoordinatorOf(actor, a.officeId) && a.status !== 'closed',
  feedback: (actor: Actor, a: AssignmentRef) => isGuide(actor, a) || isPartner(actor, a),
  abilities(actor: Actor, a: AssignmentRef) {
    return {
      editAgreement: this.editAgreement(actor, a),
      confirm: this.confirm(actor, a),
      logActivity: this.logActivity(actor, a),
      close: this.close(actor, a),
      feedback: this.feedback(actor, a),
    };
  },
};
