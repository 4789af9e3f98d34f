import type { Actor } from '../../server/context.js';
import type { ActivityAbilities, AssignmentAbilities } from '../../shared/assignments.js';

type AssignmentRef = { officeId: string; guideId: string; partnerId: string | null; status: string };
type AgreementRef = { guideConfirmedAt: Date | null; partnerConfirmedAt: Date | null };
type ActivityRef = { approvedAt: Date | null };

const isCoordinatorOf = (actor: Actor, officeId: string) => actor.role === 'coordinator' && actor.officeId === officeId;
const isGuide = (actor: Actor, a: AssignmentRef) =>
  actor.role === 'guide' && actor.guideId === a.guideId && actor.officeId === a.officeId;
const isPartner = (actor: Actor, a: AssignmentRef) =>
  actor.role === 'partner_contact' &&
  a.partnerId !== null && // a deployment from a public request has no partner: no partner contact owns it
  actor.partnerId === a.partnerId &&
  actor.officeId === a.officeId;

/** Whether the actor's side has already confirmed this agreement version. */
const confirmedBySelf = (actor: Actor, agreement: AgreementRef | undefined) =>
  actor.role === 'guide' ? Boolean(agreement?.guideConfirmedAt) : Boolean(agreement?.partnerConfirmedAt);

export const assignmentPolicy = {
  list: (actor: Actor) => actor.officeId !== null && ['coordinator', 'guide', 'partner_contact'].includes(actor.role),
  view: (actor: Actor, a: AssignmentRef) =>
    isCoordinatorOf(actor, a.officeId) || isGuide(actor, a) || isPartner(actor, a),
  editAgreement: (actor: Actor, a: AssignmentRef) => isCoordinatorOf(actor, a.officeId) && a.status !== 'closed',
  /** Guide and partner each confirm for themselves, once per version. */
  confirm: (actor: Actor, a: AssignmentRef, agreement?: AgreementRef) =>
    (isGuide(actor, a) || isPartner(actor, a)) && a.status !== 'closed' && !confirmedBySelf(actor, agreement),
  logActivity: (actor: Actor, a: AssignmentRef) =>
    (isGuide(actor, a) || isCoordinatorOf(actor, a.officeId)) && a.status !== 'closed',
  /** Entries are corrected or deleted by the guide or a coordinator until a coordinator approves them. */
  correctActivity: (actor: Actor, a: AssignmentRef, activity: ActivityRef) =>
    (isGuide(actor, a) || isCoordinatorOf(actor, a.officeId)) && activity.approvedAt === null,
  approveActivities: (actor: Actor, a: AssignmentRef) => isCoordinatorOf(actor, a.officeId),
  close: (actor: Actor, a: AssignmentRef) => isCoordinatorOf(actor, a.officeId) && a.status !== 'closed',
  feedback: (actor: Actor, a: AssignmentRef) => isGuide(actor, a) || isPartner(actor, a),
  abilities(actor: Actor, a: AssignmentRef, agreement?: AgreementRef): AssignmentAbilities {
    return {
      editAgreement: this.editAgreement(actor, a),
      confirm: this.confirm(actor, a, agreement),
      logActivity: this.logActivity(actor, a),
      approveActivities: this.approveActivities(actor, a),
      close: this.close(actor, a),
      feedback: this.feedback(actor, a),
    };
  },
  activityAbilities(actor: Actor, a: AssignmentRef, activity: ActivityRef): ActivityAbilities {
    const correct = this.correctActivity(actor, a, activity);
    return { update: correct, delete: correct, approve: this.approveActivities(actor, a) && !activity.approvedAt };
  },
};
