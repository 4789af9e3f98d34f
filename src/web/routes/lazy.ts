import { lazy } from 'react';

/** Pages load on demand, so the sign-in page does not wait for the whole application. */
export const LoginPage = lazy(() => import('./LoginPage').then((m) => ({ default: m.LoginPage })));
export const ForgotPasswordPage = lazy(() =>
  import('./ForgotPasswordPage').then((m) => ({ default: m.ForgotPasswordPage })),
);
export const SetPasswordPage = lazy(() => import('./SetPasswordPage').then((m) => ({ default: m.SetPasswordPage })));
export const HomePage = lazy(() => import('./HomePage').then((m) => ({ default: m.HomePage })));
export const GuidesPage = lazy(() => import('./GuidesPage').then((m) => ({ default: m.GuidesPage })));
export const GuideDetailPage = lazy(() => import('./GuideDetailPage').then((m) => ({ default: m.GuideDetailPage })));
export const GuideFormPage = lazy(() => import('./GuideFormPage').then((m) => ({ default: m.GuideFormPage })));
export const PartnersPage = lazy(() => import('./PartnersPage').then((m) => ({ default: m.PartnersPage })));
export const PartnerDetailPage = lazy(() =>
  import('./PartnerDetailPage').then((m) => ({ default: m.PartnerDetailPage })),
);
export const PartnerFormPage = lazy(() => import('./PartnerFormPage').then((m) => ({ default: m.PartnerFormPage })));
export const SettingsPage = lazy(() => import('./SettingsPage').then((m) => ({ default: m.SettingsPage })));
export const OutboxPage = lazy(() => import('./OutboxPage').then((m) => ({ default: m.OutboxPage })));
export const AuditPage = lazy(() => import('./AuditPage').then((m) => ({ default: m.AuditPage })));
export const OfficesPage = lazy(() => import('./OfficesPage').then((m) => ({ default: m.OfficesPage })));
export const NotFoundPage = lazy(() => import('./NotFoundPage').then((m) => ({ default: m.NotFoundPage })));
// The coordination loop: requests, matching, offers, deployments.
export const RequestsPage = lazy(() => import('./RequestsPage').then((m) => ({ default: m.RequestsPage })));
export const RequestFormPage = lazy(() => import('./RequestFormPage').then((m) => ({ default: m.RequestFormPage })));
export const RequestDetailPage = lazy(() =>
  import('./RequestDetailPage').then((m) => ({ default: m.RequestDetailPage })),
);
export const MyOffersPage = lazy(() => import('./MyOffersPage').then((m) => ({ default: m.MyOffersPage })));
export const OfferDetailPage = lazy(() => import('./OfferDetailPage').then((m) => ({ default: m.OfferDetailPage })));
export const OfferAnswerPage = lazy(() => import('./OfferAnswerPage').then((m) => ({ default: m.OfferAnswerPage })));
export const AssignmentsPage = lazy(() => import('./AssignmentsPage').then((m) => ({ default: m.AssignmentsPage })));
export const AssignmentDetailPage = lazy(() =>
  import('./AssignmentDetailPage').then((m) => ({ default: m.AssignmentDetailPage })),
);
export const ServicesPage = lazy(() => import('./ServicesPage').then((m) => ({ default: m.ServicesPage })));
export const MatchingSettingsPage = lazy(() =>
  import('./MatchingSettingsPage').then((m) => ({ default: m.MatchingSettingsPage })),
);
