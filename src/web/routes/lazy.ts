import { lazyPage } from '../lazyLoad';

/** Pages load on demand, so the sign-in page does not wait for the whole application. */
export const LoginPage = lazyPage('LoginPage', () => import('./LoginPage').then((m) => m.LoginPage));
export const CertificateVerifyPage = lazyPage('CertificateVerifyPage', () =>
  import('./CertificateVerifyPage').then((m) => m.CertificateVerifyPage),
);
export const DirectoryPage = lazyPage('DirectoryPage', () => import('./DirectoryPage').then((m) => m.DirectoryPage));
export const DirectoryOfficePage = lazyPage('DirectoryOfficePage', () =>
  import('./DirectoryOfficePage').then((m) => m.DirectoryOfficePage),
);
export const PrivacyNoticePage = lazyPage('PrivacyNoticePage', () =>
  import('./PrivacyNoticePage').then((m) => m.PrivacyNoticePage),
);
export const ForgotPasswordPage = lazyPage('ForgotPasswordPage', () =>
  import('./ForgotPasswordPage').then((m) => m.ForgotPasswordPage),
);
export const SetPasswordPage = lazyPage('SetPasswordPage', () =>
  import('./SetPasswordPage').then((m) => m.SetPasswordPage),
);
export const HomePage = lazyPage('HomePage', () => import('./HomePage').then((m) => m.HomePage));
export const GuidesPage = lazyPage('GuidesPage', () => import('./GuidesPage').then((m) => m.GuidesPage));
export const GuideDetailPage = lazyPage('GuideDetailPage', () =>
  import('./GuideDetailPage').then((m) => m.GuideDetailPage),
);
export const GuideFormPage = lazyPage('GuideFormPage', () => import('./GuideFormPage').then((m) => m.GuideFormPage));
export const PartnersPage = lazyPage('PartnersPage', () => import('./PartnersPage').then((m) => m.PartnersPage));
export const PartnerDetailPage = lazyPage('PartnerDetailPage', () =>
  import('./PartnerDetailPage').then((m) => m.PartnerDetailPage),
);
export const PartnerFormPage = lazyPage('PartnerFormPage', () =>
  import('./PartnerFormPage').then((m) => m.PartnerFormPage),
);
export const SettingsPage = lazyPage('SettingsPage', () => import('./SettingsPage').then((m) => m.SettingsPage));
export const OutboxPage = lazyPage('OutboxPage', () => import('./OutboxPage').then((m) => m.OutboxPage));
export const AuditPage = lazyPage('AuditPage', () => import('./AuditPage').then((m) => m.AuditPage));
export const OfficesPage = lazyPage('OfficesPage', () => import('./OfficesPage').then((m) => m.OfficesPage));
export const ProgrammesPage = lazyPage('ProgrammesPage', () =>
  import('./ProgrammesPage').then((m) => m.ProgrammesPage),
);
export const NotFoundPage = lazyPage('NotFoundPage', () => import('./NotFoundPage').then((m) => m.NotFoundPage));
// The request-to-deployment cycle: requests, matching, offers, deployments.
export const RequestsPage = lazyPage('RequestsPage', () => import('./RequestsPage').then((m) => m.RequestsPage));
export const RequestFormPage = lazyPage('RequestFormPage', () =>
  import('./RequestFormPage').then((m) => m.RequestFormPage),
);
export const RequestDetailPage = lazyPage('RequestDetailPage', () =>
  import('./RequestDetailPage').then((m) => m.RequestDetailPage),
);
export const MyOffersPage = lazyPage('MyOffersPage', () => import('./MyOffersPage').then((m) => m.MyOffersPage));
export const OfferDetailPage = lazyPage('OfferDetailPage', () =>
  import('./OfferDetailPage').then((m) => m.OfferDetailPage),
);
export const OfferAnswerPage = lazyPage('OfferAnswerPage', () =>
  import('./OfferAnswerPage').then((m) => m.OfferAnswerPage),
);
export const AssignmentsPage = lazyPage('AssignmentsPage', () =>
  import('./AssignmentsPage').then((m) => m.AssignmentsPage),
);
export const AssignmentDetailPage = lazyPage('AssignmentDetailPage', () =>
  import('./AssignmentDetailPage').then((m) => m.AssignmentDetailPage),
);
export const RetentionPage = lazyPage('RetentionPage', () => import('./RetentionPage').then((m) => m.RetentionPage));
export const ServicesPage = lazyPage('ServicesPage', () => import('./ServicesPage').then((m) => m.ServicesPage));
export const MatchingSettingsPage = lazyPage('MatchingSettingsPage', () =>
  import('./MatchingSettingsPage').then((m) => m.MatchingSettingsPage),
);
export const ImportPage = lazyPage('ImportPage', () => import('./ImportPage').then((m) => m.ImportPage));
// Recruitment (Gewinnung): the public form, its confirmation link, the board and an applicant.
export const VolunteerFormPage = lazyPage('VolunteerFormPage', () =>
  import('./VolunteerFormPage').then((m) => m.VolunteerFormPage),
);
export const VolunteerConfirmPage = lazyPage('VolunteerConfirmPage', () =>
  import('./VolunteerConfirmPage').then((m) => m.VolunteerConfirmPage),
);
export const RecruitmentPage = lazyPage('RecruitmentPage', () =>
  import('./RecruitmentPage').then((m) => m.RecruitmentPage),
);
export const ApplicantDetailPage = lazyPage('ApplicantDetailPage', () =>
  import('./ApplicantDetailPage').then((m) => m.ApplicantDetailPage),
);
// Courses (issue 10): the list with its agenda, and a course's detail with the attendance grid.
export const CoursesPage = lazyPage('CoursesPage', () => import('./CoursesPage').then((m) => m.CoursesPage));
export const CourseDetailPage = lazyPage('CourseDetailPage', () =>
  import('./CourseDetailPage').then((m) => m.CourseDetailPage),
);
export const MyTimeSheetPage = lazyPage('MyTimeSheetPage', () =>
  import('./MyTimeSheetPage').then((m) => m.MyTimeSheetPage),
);
export const TimeSheetQueuePage = lazyPage('TimeSheetQueuePage', () =>
  import('./TimeSheetQueuePage').then((m) => m.TimeSheetQueuePage),
);
export const TeamBudgetPage = lazyPage('TeamBudgetPage', () =>
  import('./TeamBudgetPage').then((m) => m.TeamBudgetPage),
);
export const HourAllowancesPage = lazyPage('HourAllowancesPage', () =>
  import('./HourAllowancesPage').then((m) => m.HourAllowancesPage),
);
export const GuideHoursPage = lazyPage('GuideHoursPage', () =>
  import('./GuideHoursPage').then((m) => m.GuideHoursPage),
);
// Expense claims and payouts (issue 11 §2): the guide's claims and form, the coordinator's queue and payout run.
export const MyExpensesPage = lazyPage('MyExpensesPage', () =>
  import('./MyExpensesPage').then((m) => m.MyExpensesPage),
);
export const ExpenseClaimFormPage = lazyPage('ExpenseClaimFormPage', () =>
  import('./ExpenseClaimFormPage').then((m) => m.ExpenseClaimFormPage),
);
export const ExpensesPage = lazyPage('ExpensesPage', () => import('./ExpensesPage').then((m) => m.ExpensesPage));
export const PayoutsPage = lazyPage('PayoutsPage', () => import('./PayoutsPage').then((m) => m.PayoutsPage));
// Recognition (issue 11 §4): the guide's statements and the coordinator's recognition lists.
export const MyCoursesPage = lazyPage('MyCoursesPage', () => import('./MyCoursesPage').then((m) => m.MyCoursesPage));
export const MyStatementsPage = lazyPage('MyStatementsPage', () =>
  import('./MyStatementsPage').then((m) => m.MyStatementsPage),
);
export const RecognitionPage = lazyPage('RecognitionPage', () =>
  import('./RecognitionPage').then((m) => m.RecognitionPage),
);
export const NotificationsPage = lazyPage('NotificationsPage', () =>
  import('./NotificationsPage').then((m) => m.NotificationsPage),
);
export const NotificationPreferencesPage = lazyPage('NotificationPreferencesPage', () =>
  import('./NotificationPreferencesPage').then((m) => m.NotificationPreferencesPage),
);
export const ReportsPage = lazyPage('ReportsPage', () => import('./ReportsPage').then((m) => m.ReportsPage));
export const RoomsPage = lazyPage('RoomsPage', () => import('./RoomsPage').then((m) => m.RoomsPage));
export const MessagesPage = lazyPage('MessagesPage', () => import('./MessagesPage').then((m) => m.MessagesPage));
export const MessageComposePage = lazyPage('MessageComposePage', () =>
  import('./MessageComposePage').then((m) => m.MessageComposePage),
);
export const MessageDetailPage = lazyPage('MessageDetailPage', () =>
  import('./MessageDetailPage').then((m) => m.MessageDetailPage),
);
export const MyMessagesPage = lazyPage('MyMessagesPage', () =>
  import('./MyMessagesPage').then((m) => m.MyMessagesPage),
);
export const MyMessagePage = lazyPage('MyMessagePage', () => import('./MyMessagePage').then((m) => m.MyMessagePage));
export const CalendarPage = lazyPage('CalendarPage', () => import('./CalendarPage').then((m) => m.CalendarPage));
export const GuideGroupsPage = lazyPage('GuideGroupsPage', () =>
  import('./GuideGroupsPage').then((m) => m.GuideGroupsPage),
);
export const EventDetailPage = lazyPage('EventDetailPage', () =>
  import('./EventDetailPage').then((m) => m.EventDetailPage),
);
export const EventAnswerPage = lazyPage('EventAnswerPage', () =>
  import('./EventAnswerPage').then((m) => m.EventAnswerPage),
);
export const LandPage = lazyPage('LandPage', () => import('./LandPage').then((m) => m.LandPage));
