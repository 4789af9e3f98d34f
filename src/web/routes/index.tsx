import { Route, Routes } from 'react-router';
import { RequireAbility, RequireAuth } from '../auth/RequireAuth';
import { AppLayout } from '../components/AppLayout';
import { AuditPage } from './AuditPage';
import { ForgotPasswordPage } from './ForgotPasswordPage';
import { GuideDetailPage } from './GuideDetailPage';
import { GuideFormPage } from './GuideFormPage';
import { GuidesPage } from './GuidesPage';
import { HomePage } from './HomePage';
import { LoginPage } from './LoginPage';
import { NotFoundPage } from './NotFoundPage';
import { OfficesPage } from './OfficesPage';
import { OutboxPage } from './OutboxPage';
import { PartnerDetailPage } from './PartnerDetailPage';
import { PartnerFormPage } from './PartnerFormPage';
import { PartnersPage } from './PartnersPage';
import { SetPasswordPage } from './SetPasswordPage';
import { SettingsPage } from './SettingsPage';

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/invitation/:token" element={<SetPasswordPage kind="invite" />} />
      <Route path="/reset-password/:token" element={<SetPasswordPage kind="reset" />} />
      <Route element={<RequireAuth />}>
        <Route element={<AppLayout />}>
          <Route index element={<HomePage />} />
          <Route
            path="guides"
            element={
              <RequireAbility ability="guides.list">
                <GuidesPage />
              </RequireAbility>
            }
          />
          <Route
            path="guides/new"
            element={
              <RequireAbility ability="guides.create">
                <GuideFormPage />
              </RequireAbility>
            }
          />
          <Route path="guides/:id" element={<GuideDetailPage />} />
          <Route path="guides/:id/edit" element={<GuideFormPage />} />
          <Route
            path="partners"
            element={
              <RequireAbility ability="partners.list">
                <PartnersPage />
              </RequireAbility>
            }
          />
          <Route
            path="partners/new"
            element={
              <RequireAbility ability="partners.list">
                <PartnerFormPage />
              </RequireAbility>
            }
          />
          <Route path="partners/:id" element={<PartnerDetailPage />} />
          <Route path="partners/:id/edit" element={<PartnerFormPage />} />
          <Route path="settings/:tab?" element={<SettingsPage />} />
          <Route
            path="outbox"
            element={
              <RequireAbility ability="outbox.read">
                <OutboxPage />
              </RequireAbility>
            }
          />
          <Route
            path="audit"
            element={
              <RequireAbility ability="audit.read">
                <AuditPage />
              </RequireAbility>
            }
          />
          <Route
            path="admin/offices"
            element={
              <RequireAbility ability="offices.manage">
                <OfficesPage />
              </RequireAbility>
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
