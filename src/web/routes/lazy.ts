import { lazy } from 'react';
import { whenReachable } from '../lazyLoad';

/** Pages load on demand, so the sign-in page does not wait for the whole application. */
export const LoginPage = lazy(() => whenReachable(() => import('./LoginPage')).then((m) => ({ default: m.LoginPage })));
export const CertificateVerifyPage = lazy(() =>
  whenReachable(() => import('./CertificateVerifyPage')).then((m) => ({ default: m.CertificateVerifyPage })),
);
export const DirectoryPage = lazy(() =>
  whenReachable(() => import('./DirectoryPage')).then((m) => ({ default: m.DirectoryPage })),
);
export const DirectoryOfficePage = lazy(() =>
  whenReachable(() => import('./DirectoryOfficePage')).then((m) => ({ default: m.DirectoryOfficePage })),
);
export const PrivacyNoticePage = lazy(() =>
  whenReachable(() => import('./PrivacyNoticePage')).then((m) => ({ default: m.PrivacyNoticePage })),
);
export const ForgotPasswordPage = lazy(() =>
  whenReachable(() => import('./ForgotPasswordPage')).then((m) => ({ default: m.ForgotPasswordPage })),
);
export const SetPasswordPage = lazy(() =>
  whenReachable(() => import('./SetPasswordPage')).then((m) => ({ default: m.SetPasswordPage })),
);
export const HomePage = lazy(() => whenReachable(() => import('./HomePage')).then((m) => ({ default: m.HomePage })));
export const GuidesPage = lazy(() =>
  whenReachable(() => import('./GuidesPage')).then((m) => ({ default: m.GuidesPage })),
);
export const GuideDetailPage = lazy(() =>
  whenReachable(() => import('./GuideDetailPage')).then((m) => ({ default: m.GuideDetailPage })),
);
export const GuideFormPage = lazy(() =>
  whenReachable(() => import('./GuideFormPage')).then((m) => ({ default: m.GuideFormPage })),
);
export const PartnersPage = lazy(() =>
  whenReachable(() => import('./PartnersPage')).then((m) => ({ default: m.PartnersPage })),
);
export const PartnerDetailPage = lazy(() =>
  whenReachable(() => import('./PartnerDetailPage')).then((m) => ({ default: m.PartnerDetailPage })),
);
export const PartnerFormPage = lazy(() =>
  whenReachable(() => import('./PartnerFormPage')).then((m) => ({ default: m.PartnerFormPage })),
);
export const SettingsPage = lazy(() =>
  whenReachable(() => import('./SettingsPage')).then((m) => ({ default: m.SettingsPage })),
);
export const OutboxPage = lazy(() =>
  whenReachable(() => import('./OutboxPage')).then((m) => ({ default: m.OutboxPage })),
);
export const AuditPage = lazy(() => whenReachable(() => import('./AuditPage')).then((m) => ({ default: m.AuditPage })));
export const OfficesPage = lazy(() =>
  whenReachable(() => import('./OfficesPage')).then((m) => ({ default: m.OfficesPage })),
);
export const ProgrammesPage = lazy(() =>
  whenReachable(() => import('./ProgrammesPage')).then((m) => ({ default: m.ProgrammesPage })),
);
export const NotFoundPage = lazy(() =>
  whenReachable(() => import('./NotFoundPage')).then((m) => ({ default: m.NotFoundPage })),
);
// The request-to-deployment cycle: requests, matching, offers, deployments.
export const RequestsPage = lazy(() =>
  whenReachable(() => import('./RequestsPage')).then((m) => ({ default: m.RequestsPage })),
);
export const RequestFormPage = lazy(() =>
  whenReachable(() => import('./RequestFormPage')).then((m) => ({ default: m.RequestFormPage })),
);
export const RequestDetailPage = lazy(() =>
  whenReachable(() => import('./RequestDetailPage')).then((m) => ({ default: m.RequestDetailPage })),
);
export const MyOffersPage = lazy(() =>
  whenReachable(() => import('./MyOffersPage')).then((m) => ({ default: m.MyOffersPage })),
);
export const OfferDetailPage = lazy(() =>
  whenReachable(() => import('./OfferDetailPage')).then((m) => ({ default: m.OfferDetailPage })),
);
export const OfferAnswerPage = lazy(() =>
  whenReachable(() => import('./OfferAnswerPage')).then((m) => ({ default: m.OfferAnswerPage })),
);
export const AssignmentsPage = lazy(() =>
  whenReachable(() => import('./AssignmentsPage')).then((m) => ({ default: m.AssignmentsPage })),
);
export const AssignmentDetailPage = lazy(() =>
  whenReachable(() => import('./AssignmentDetailPage')).then((m) => ({ default: m.AssignmentDetailPage })),
);
export const RetentionPage = lazy(() =>
  whenReachable(() => import('./RetentionPage')).then((m) => ({ default: m.RetentionPage })),
);
export const ServicesPage = lazy(() =>
  whenReachable(() => import('./ServicesPage')).then((m) => ({ default: m.ServicesPage })),
);
export const MatchingSettingsPage = lazy(() =>
  whenReachable(() => import('./MatchingSettingsPage')).then((m) => ({ default: m.MatchingSettingsPage })),
);
export const ImportPage = lazy(() =>
  whenReachable(() => import('./ImportPage')).then((m) => ({ default: m.ImportPage })),
);
// Recruitment (Gewinnung): the public form, its confirmation link, the board and an applicant.
export const VolunteerFormPage = lazy(() =>
  whenReachable(() => import('./VolunteerFormPage')).then((m) => ({ default: m.VolunteerFormPage })),
);
export const VolunteerConfirmPage = lazy(() =>
  whenReachable(() => import('./VolunteerConfirmPage')).then((m) => ({ default: m.VolunteerConfirmPage })),
);
export const RecruitmentPage = lazy(() =>
  whenReachable(() => import('./RecruitmentPage')).then((m) => ({ default: m.RecruitmentPage })),
);
export const ApplicantDetailPage = lazy(() =>
  whenReachable(() => import('./ApplicantDetailPage')).then((m) => ({ default: m.ApplicantDetailPage })),
);
// Courses (issue 10): the list with its agenda, and a course's detail with the attendance grid.
export const CoursesPage = lazy(() =>
  whenReachable(() => import('./CoursesPage')).then((m) => ({ default: m.CoursesPage })),
);
export const CourseDetailPage = lazy(() =>
  whenReachable(() => import('./CourseDetailPage')).then((m) => ({ default: m.CourseDetailPage })),
);
export const MyTimeSheetPage = lazy(() =>
  whenReachable(() => import('./MyTimeSheetPage')).then((m) => ({ default: m.MyTimeSheetPage })),
);
export const TimeSheetQueuePage = lazy(() =>
  whenReachable(() => import('./TimeSheetQueuePage')).then((m) => ({ default: m.TimeSheetQueuePage })),
);
export const TeamBudgetPage = lazy(() =>
  whenReachable(() => import('./TeamBudgetPage')).then((m) => ({ default: m.TeamBudgetPage })),
);
export const HourAllowancesPage = lazy(() =>
  whenReachable(() => import('./HourAllowancesPage')).then((m) => ({ default: m.HourAllowancesPage })),
);
export const GuideHoursPage = lazy(() =>
  whenReachable(() => import('./GuideHoursPage')).then((m) => ({ default: m.GuideHoursPage })),
);
// Expense claims and payouts (issue 11 §2): the guide's claims and form, the coordinator's queue and payout run.
export const MyExpensesPage = lazy(() =>
  whenReachable(() => import('./MyExpensesPage')).then((m) => ({ default: m.MyExpensesPage })),
);
export const ExpenseClaimFormPage = lazy(() =>
  whenReachable(() => import('./ExpenseClaimFormPage')).then((m) => ({ default: m.ExpenseClaimFormPage })),
);
export const ExpensesPage = lazy(() =>
  whenReachable(() => import('./ExpensesPage')).then((m) => ({ default: m.ExpensesPage })),
);
export const PayoutsPage = lazy(() =>
  whenReachable(() => import('./PayoutsPage')).then((m) => ({ default: m.PayoutsPage })),
);
// Recognition (issue 11 §4): the guide's statements and the coordinator's recognition lists.
export const MyCoursesPage = lazy(() =>
  whenReachable(() => import('./MyCoursesPage')).then((m) => ({ default: m.MyCoursesPage })),
);
export const MyStatementsPage = lazy(() =>
  whenReachable(() => import('./MyStatementsPage')).then((m) => ({ default: m.MyStatementsPage })),
);
export const RecognitionPage = lazy(() =>
  whenReachable(() => import('./RecognitionPage')).then((m) => ({ default: m.RecognitionPage })),
);
export const NotificationsPage = lazy(() =>
  whenReachable(() => import('./NotificationsPage')).then((m) => ({ default: m.NotificationsPage })),
);
export const NotificationPreferencesPage = lazy(() =>
  whenReachable(() => import('./NotificationPreferencesPage')).then((m) => ({
    default: m.NotificationPreferencesPage,
  })),
);
export const ReportsPage = lazy(() =>
  whenReachable(() => import('./ReportsPage')).then((m) => ({ default: m.ReportsPage })),
);
export const RoomsPage = lazy(() => whenReachable(() => import('./RoomsPage')).then((m) => ({ default: m.RoomsPage })));
export const MessagesPage = lazy(() =>
  whenReachable(() => import('./MessagesPage')).then((m) => ({ default: m.MessagesPage })),
);
export const MessageComposePage = lazy(() =>
  whenReachable(() => import('./MessageComposePage')).then((m) => ({ default: m.MessageComposePage })),
);
export const MessageDetailPage = lazy(() =>
  whenReachable(() => import('./MessageDetailPage')).then((m) => ({ default: m.MessageDetailPage })),
);
export const MyMessagesPage = lazy(() =>
  whenReachable(() => import('./MyMessagesPage')).then((m) => ({ default: m.MyMessagesPage })),
);
export const MyMessagePage = lazy(() =>
  whenReachable(() => import('./MyMessagePage')).then((m) => ({ default: m.MyMessagePage })),
);
export const CalendarPage = lazy(() =>
  whenReachable(() => import('./CalendarPage')).then((m) => ({ default: m.CalendarPage })),
);
export const GuideGroupsPage = lazy(() =>
  whenReachable(() => import('./GuideGroupsPage')).then((m) => ({ default: m.GuideGroupsPage })),
);
export const EventDetailPage = lazy(() =>
  whenReachable(() => import('./EventDetailPage')).then((m) => ({ default: m.EventDetailPage })),
);
export const EventAnswerPage = lazy(() =>
  whenReachable(() => import('./EventAnswerPage')).then((m) => ({ default: m.EventAnswerPage })),
);
export const LandPage = lazy(() => whenReachable(() => import('./LandPage')).then((m) => ({ default: m.LandPage })));
