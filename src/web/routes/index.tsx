import { Center, Loader } from '@mantine/core';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { RequireAbility, RequireAuth } from '../auth/RequireAuth';
import { AppLayout } from '../components/AppLayout';
import { RouteLoadingSignal } from '../components/TopProgress';
import {
  ApplicantDetailPage,
  AssignmentDetailPage,
  AssignmentsPage,
  AuditPage,
  CalendarPage,
  CertificateVerifyPage,
  CourseDetailPage,
  CoursesPage,
  DirectoryOfficePage,
  DirectoryPage,
  EventAnswerPage,
  EventDetailPage,
  ExpenseClaimFormPage,
  ExpensesPage,
  ForgotPasswordPage,
  GuideDetailPage,
  GuideFormPage,
  GuideGroupsPage,
  GuideHoursPage,
  GuidesPage,
  HomePage,
  HourAllowancesPage,
  ImportPage,
  LandPage,
  LoginPage,
  MatchingSettingsPage,
  MessageComposePage,
  MessageDetailPage,
  MessagesPage,
  MyCoursesPage,
  MyExpensesPage,
  MyMessagePage,
  MyMessagesPage,
  MyOffersPage,
  MyStatementsPage,
  MyTimeSheetPage,
  NotFoundPage,
  NotificationPreferencesPage,
  NotificationsPage,
  OfferAnswerPage,
  OfferDetailPage,
  OfficesPage,
  OutboxPage,
  PartnerDetailPage,
  PartnerFormPage,
  PartnersPage,
  PayoutsPage,
  PrivacyNoticePage,
  ProgrammesPage,
  RecognitionPage,
  RecruitmentPage,
  ReportsPage,
  RequestDetailPage,
  RequestFormPage,
  RequestsPage,
  RetentionPage,
  RoomsPage,
  ServicesPage,
  SetPasswordPage,
  SettingsPage,
  TeamBudgetPage,
  TimeSheetQueuePage,
  VolunteerConfirmPage,
  VolunteerFormPage,
} from './lazy';

function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py={80}>
      <RouteLoadingSignal />
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoader />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/privacy" element={<PrivacyNoticePage />} />
        <Route path="/directory" element={<DirectoryPage />} />
        <Route path="/directory/:slug" element={<DirectoryOfficePage />} />
        <Route path="/verify" element={<CertificateVerifyPage />} />
        <Route path="/verify/:code" element={<CertificateVerifyPage />} />
        <Route path="/invitation/:token" element={<SetPasswordPage kind="invite" />} />
        <Route path="/reset-password/:token" element={<SetPasswordPage kind="reset" />} />
        <Route path="/offers/answer/:token" element={<OfferAnswerPage />} />
        <Route path="/events/rsvp/:token" element={<EventAnswerPage />} />
        <Route path="/volunteer/confirm/:token" element={<VolunteerConfirmPage />} />
        <Route path="/volunteer/:officeSlug" element={<VolunteerFormPage />} />
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
            <Route
              path="recruitment"
              element={
                <RequireAbility ability="recruitment.manage">
                  <RecruitmentPage />
                </RequireAbility>
              }
            />
            <Route
              path="recruitment/:id"
              element={
                <RequireAbility ability="recruitment.manage">
                  <ApplicantDetailPage />
                </RequireAbility>
              }
            />
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
              path="import"
              element={
                <RequireAbility ability="guides.create">
                  <ImportPage />
                </RequireAbility>
              }
            />
            <Route
              path="outbox"
              element={
                <RequireAbility ability="outbox.read">
                  <OutboxPage />
                </RequireAbility>
              }
            />
            <Route
              path="retention"
              element={
                <RequireAbility ability="retention.manage">
                  <RetentionPage />
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
            <Route
              path="admin/programmes"
              element={
                <RequireAbility ability="programmes.manage">
                  <ProgrammesPage />
                </RequireAbility>
              }
            />
            <Route
              path="requests"
              element={
                <RequireAbility ability="requests.list">
                  <RequestsPage />
                </RequireAbility>
              }
            />
            <Route
              path="requests/new"
              element={
                <RequireAbility ability="requests.create">
                  <RequestFormPage />
                </RequireAbility>
              }
            />
            <Route path="requests/:id" element={<RequestDetailPage />} />
            <Route path="requests/:id/edit" element={<RequestFormPage />} />
            <Route
              path="my/offers"
              element={
                <RequireAbility ability="offers.viewOwn">
                  <MyOffersPage />
                </RequireAbility>
              }
            />
            <Route path="my/offers/:id" element={<OfferDetailPage />} />
            <Route path="notifications" element={<NotificationsPage />} />
            <Route
              path="calendar"
              element={
                <RequireAbility ability="events.list">
                  <CalendarPage />
                </RequireAbility>
              }
            />
            <Route
              path="calendar/groups"
              element={
                <RequireAbility ability="events.manage">
                  <GuideGroupsPage />
                </RequireAbility>
              }
            />
            {/* The address the invitation mail and the in-app notification link to. */}
            <Route
              path="events/:id"
              element={
                <RequireAbility ability="events.list">
                  <EventDetailPage />
                </RequireAbility>
              }
            />
            <Route path="me/notifications" element={<NotificationPreferencesPage />} />
            <Route
              path="assignments"
              element={
                <RequireAbility ability="assignments.list">
                  <AssignmentsPage />
                </RequireAbility>
              }
            />
            <Route path="assignments/:id" element={<AssignmentDetailPage />} />
            <Route
              path="my/hours/:month?"
              element={
                <RequireAbility ability="timesheets.own">
                  <MyTimeSheetPage />
                </RequireAbility>
              }
            />
            <Route
              path="time-sheets"
              element={
                <RequireAbility ability="timesheets.manage">
                  <TimeSheetQueuePage />
                </RequireAbility>
              }
            />
            <Route
              path="guides/:id/hours/:month?"
              element={
                <RequireAbility ability="timesheets.manage">
                  <GuideHoursPage />
                </RequireAbility>
              }
            />
            <Route
              path="hour-allowances"
              element={
                <RequireAbility ability="timesheets.manage">
                  <HourAllowancesPage />
                </RequireAbility>
              }
            />
            <Route
              path="team-budget"
              element={
                <RequireAbility ability="timesheets.manage">
                  <TeamBudgetPage />
                </RequireAbility>
              }
            />
            <Route
              path="courses"
              element={
                <RequireAbility ability="courses.list">
                  <CoursesPage />
                </RequireAbility>
              }
            />
            <Route
              path="courses/:id"
              element={
                <RequireAbility ability="courses.list">
                  <CourseDetailPage />
                </RequireAbility>
              }
            />
            <Route
              path="reports"
              element={
                <RequireAbility ability="reports.office">
                  <ReportsPage />
                </RequireAbility>
              }
            />
            <Route
              path="land"
              element={
                <RequireAbility ability="land.view">
                  <LandPage />
                </RequireAbility>
              }
            />
            <Route
              path="rooms"
              element={
                <RequireAbility ability="rooms.manage">
                  <RoomsPage />
                </RequireAbility>
              }
            />
            <Route
              path="recognition"
              element={
                <RequireAbility ability="recognition.manage">
                  <RecognitionPage />
                </RequireAbility>
              }
            />
            <Route
              path="my/courses"
              element={
                <RequireAbility ability="courses.own">
                  <MyCoursesPage />
                </RequireAbility>
              }
            />
            <Route
              path="my/statements"
              element={
                <RequireAbility ability="recognition.viewOwn">
                  <MyStatementsPage />
                </RequireAbility>
              }
            />
            <Route
              path="messages"
              element={
                <RequireAbility ability="messages.manage">
                  <MessagesPage />
                </RequireAbility>
              }
            />
            <Route
              path="messages/new"
              element={
                <RequireAbility ability="messages.manage">
                  <MessageComposePage />
                </RequireAbility>
              }
            />
            <Route
              path="messages/:id"
              element={
                <RequireAbility ability="messages.manage">
                  <MessageDetailPage />
                </RequireAbility>
              }
            />
            <Route
              path="my/messages"
              element={
                <RequireAbility ability="messages.own">
                  <MyMessagesPage />
                </RequireAbility>
              }
            />
            <Route
              path="my/messages/:id"
              element={
                <RequireAbility ability="messages.own">
                  <MyMessagePage />
                </RequireAbility>
              }
            />
            <Route
              path="my/expenses"
              element={
                <RequireAbility ability="expenses.own">
                  <MyExpensesPage />
                </RequireAbility>
              }
            />
            <Route
              path="my/expenses/new"
              element={
                <RequireAbility ability="expenses.own">
                  <ExpenseClaimFormPage />
                </RequireAbility>
              }
            />
            <Route
              path="my/expenses/:id/edit"
              element={
                <RequireAbility ability="expenses.own">
                  <ExpenseClaimFormPage />
                </RequireAbility>
              }
            />
            <Route
              path="expenses"
              element={
                <RequireAbility ability="expenses.manage">
                  <ExpensesPage />
                </RequireAbility>
              }
            />
            <Route
              path="expenses/payouts"
              element={
                <RequireAbility ability="expenses.manage">
                  <PayoutsPage />
                </RequireAbility>
              }
            />
            <Route
              path="services"
              element={
                <RequireAbility ability="services.manage">
                  <ServicesPage />
                </RequireAbility>
              }
            />
            <Route
              path="matching-settings"
              element={
                <RequireAbility ability="settings.manage">
                  <MatchingSettingsPage />
                </RequireAbility>
              }
            />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}
