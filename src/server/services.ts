import { ActivityService } from '../modules/assignments/activities.js';
import { AgreementService } from '../modules/assignments/agreements.js';
import { assignmentRepository } from '../modules/assignments/repository.js';
import { AssignmentService } from '../modules/assignments/service.js';
import { AuditService } from '../modules/audit/service.js';
import { AuthService } from '../modules/auth/service.js';
import { FundingService } from '../modules/certificates/funding.js';
import { CertificateService } from '../modules/certificates/service.js';
import { consentRepository } from '../modules/consent/repository.js';
import { ConsentService } from '../modules/consent/service.js';
import { CourseService } from '../modules/courses/service.js';
import { DashboardService } from '../modules/dashboard/service.js';
import { DirectoryService } from '../modules/directory/service.js';
import { EventService } from '../modules/events/service.js';
import { ExpenseService } from '../modules/expenses/service.js';
import { GuidePauseService } from '../modules/guidePauses/service.js';
import { GuideService } from '../modules/guides/service.js';
import { ImportService } from '../modules/imports/service.js';
import { ProgrammeFunderService } from '../modules/land/funders.js';
import { LandService } from '../modules/land/service.js';
import { OutboxService } from '../modules/mail/outboxService.js';
import { MessageService } from '../modules/messages/service.js';
import { NotificationService } from '../modules/notifications/service.js';
import { withdrawPendingForGuide } from '../modules/offers/commands.js';
import { offerRepository } from '../modules/offers/repository.js';
import { OfferService } from '../modules/offers/service.js';
import { OfficeService } from '../modules/offices/service.js';
import { PartnerService } from '../modules/partners/service.js';
import { PrivacyService } from '../modules/privacy/service.js';
import { PublicHelpService } from '../modules/publicHelp/service.js';
import { PushService } from '../modules/push/service.js';
import { RecognitionService } from '../modules/recognition/service.js';
import { PublicFormService } from '../modules/recruitment/publicForm.js';
import { RecruitmentService } from '../modules/recruitment/service.js';
import { ReferenceService } from '../modules/reference/service.js';
import { ReportService } from '../modules/reports/service.js';
import { RequestService } from '../modules/requests/service.js';
import { RetentionService } from '../modules/retention/service.js';
import { RoomService } from '../modules/rooms/service.js';
import { ServiceDirectoryService } from '../modules/services/service.js';
import { SettingsService } from '../modules/settings/service.js';
import { TeamBudgetService } from '../modules/teamBudget/service.js';
import { TimesheetService } from '../modules/timesheets/service.js';
import { UserService } from '../modules/users/service.js';
import type { AppContext } from './context.js';

/** Wires the services once; routes, the CLI and tests share them. */
export function createServices(ctx: AppContext) {
  const auth = new AuthService(ctx);
  const users = new UserService(ctx, auth);
  // Lower modules get what they need from higher ones as hooks, so that no module imports back up the layers.
  const requests = new RequestService(ctx, {
    deploymentIds: assignmentRepository.idsForRequests,
    deploymentCount: assignmentRepository.countForRequest,
    async ended(tx, requestId, reason, now) {
      await offerRepository.withdrawPendingForRequest(tx, requestId, now);
      await assignmentRepository.endBeforeStart(tx, requestId, now, reason);
    },
    async filled(tx, requestId, now) {
      await offerRepository.withdrawPendingForRequest(tx, requestId, now);
    },
  });
  const guides = new GuideService(ctx, {
    cannotTakeOffers: withdrawPendingForGuide,
    consentWithdrawn: (tx, guideId, withdrawnAt) =>
      consentRepository.withdrawOpen(tx, { guideId, requestId: null }, 'guide_consent', withdrawnAt, 'paper'),
  });
  const partners = new PartnerService(ctx, users);
  const courses = new CourseService(ctx);
  return {
    ctx,
    auth,
    users,
    offices: new OfficeService(ctx, users, auth),
    guides,
    guidePauses: new GuidePauseService(ctx),
    partners,
    imports: new ImportService(ctx, guides, partners),
    reference: new ReferenceService(ctx),
    audit: new AuditService(ctx),
    outbox: new OutboxService(ctx),
    messages: new MessageService(ctx),
    requests,
    offers: new OfferService(ctx, requests),
    assignments: new AssignmentService(ctx),
    events: new EventService(ctx),
    agreements: new AgreementService(ctx),
    activities: new ActivityService(ctx),
    serviceDirectory: new ServiceDirectoryService(ctx),
    settings: new SettingsService(ctx),
    notifications: new NotificationService(ctx),
    push: new PushService(ctx),
    dashboard: new DashboardService(ctx),
    consent: new ConsentService(ctx),
    retention: new RetentionService(ctx),
    privacy: new PrivacyService(ctx),
    recruitment: new RecruitmentService(ctx, guides, users),
    publicForm: new PublicFormService(ctx),
    publicHelp: new PublicHelpService(ctx),
    courses,
    certificates: new CertificateService(ctx, courses),
    funding: new FundingService(ctx, courses),
    timesheets: new TimesheetService(ctx),
    teamBudget: new TeamBudgetService(ctx),
    expenses: new ExpenseService(ctx),
    recognition: new RecognitionService(ctx),
    rooms: new RoomService(ctx),
    directory: new DirectoryService(ctx),
    reports: new ReportService(ctx),
    land: new LandService(ctx),
    programmeFunders: new ProgrammeFunderService(ctx, users),
  };
}
export type Services = ReturnType<typeof createServices>;
