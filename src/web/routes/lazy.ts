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
