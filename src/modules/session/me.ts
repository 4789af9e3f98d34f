import type { Actor } from '../../server/context.js';
import type { MeAbility } from '../../shared/auth.js';
import { assignmentPolicy } from '../assignments/policy.js';
import { auditPolicy } from '../audit/service.js';
import { coursePolicy } from '../courses/policy.js';
import { directoryPolicy } from '../directory/policy.js';
import { eventPolicy } from '../events/policy.js';
import { expensePolicy } from '../expenses/policy.js';
import { guidePolicy } from '../guides/policy.js';
import { landPolicy } from '../land/policy.js';
import { outboxPolicy } from '../mail/outboxService.js';
import { messagePolicy } from '../messages/policy.js';
import { officePolicy } from '../offices/policy.js';
import { partnerPolicy } from '../partners/policy.js';
import { privacyPolicy } from '../privacy/policy.js';
import { recognitionPolicy } from '../recognition/policy.js';
import { recruitmentPolicy } from '../recruitment/policy.js';
import { referencePolicy } from '../reference/policy.js';
import { reportPolicy } from '../reports/policy.js';
import { requestPolicy } from '../requests/policy.js';
import { retentionPolicy } from '../retention/policy.js';
import { roomPolicy } from '../rooms/policy.js';
import { serviceDirectoryPolicy } from '../services/service.js';
import { timesheetPolicy } from '../timesheets/policy.js';
import { userPolicy } from '../users/policy.js';

/** Module-level abilities for the navigation; record-level ones travel with each record. */
export function abilitiesOf(actor: Actor): Record<MeAbility, boolean> {
  return {
    'guides.list': guidePolicy.list(actor),
    'guides.create': guidePolicy.create(actor),
    'guides.viewOwn': actor.role === 'guide' && actor.guideId !== null,
    'partners.list': partnerPolicy.list(actor),
    'partners.viewOwn': actor.role === 'partner_contact' && actor.partnerId !== null,
    'settings.manage': referencePolicy.manage(actor),
    'users.manage': userPolicy.manage(actor),
    'outbox.read': outboxPolicy.read(actor),
    'audit.read': auditPolicy.read(actor),
    'offices.manage': officePolicy.manage(actor),
    'requests.list': requestPolicy.list(actor),
    'requests.create': requestPolicy.create(actor),
    'offers.viewOwn': actor.role === 'guide' && actor.guideId !== null,
    'assignments.list': assignmentPolicy.list(actor),
    'dashboard.view': actor.role === 'coordinator' && actor.officeId !== null,
    'services.manage': serviceDirectoryPolicy.manage(actor),
    'retention.manage': retentionPolicy.manage(actor),
    'privacy.export': privacyPolicy.exportAny(actor),
    'privacy.exportOwn': privacyPolicy.exportOwn(actor),
    'recruitment.manage': recruitmentPolicy.manage(actor),
    'courses.list': coursePolicy.list(actor),
    'timesheets.own': timesheetPolicy.own(actor),
    'timesheets.manage': timesheetPolicy.manage(actor),
    'recognition.manage': recognitionPolicy.manage(actor),
    'recognition.viewOwn': recognitionPolicy.own(actor),
    'courses.manage': coursePolicy.manage(actor),
    'courses.own': coursePolicy.myCalendar(actor),
    'expenses.own': expensePolicy.own(actor),
    'expenses.manage': expensePolicy.manage(actor),
    'rooms.manage': roomPolicy.manage(actor),
    'reports.office': reportPolicy.office(actor),
    'messages.manage': messagePolicy.manage(actor),
    'messages.own': messagePolicy.own(actor),
    'events.list': eventPolicy.list(actor),
    'events.manage': eventPolicy.manage(actor),
    'directory.manage': directoryPolicy.manage(actor),
    'land.view': landPolicy.viewFigures(actor),
    'programmes.manage': landPolicy.manageProgrammes(actor),
  };
}

export function presentMe(actor: Actor, officeName: string | null) {
  return {
    id: actor.userId,
    email: actor.email,
    displayName: actor.displayName,
    role: actor.role,
    locale: actor.locale,
    office: actor.officeId ? { id: actor.officeId, name: officeName ?? '' } : null,
    partnerId: actor.partnerId,
    guideId: actor.guideId,
    abilities: abilitiesOf(actor),
  };
}
