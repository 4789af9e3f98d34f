import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { MeAbility } from '../../shared/auth';
import { noteRedirect } from '../firstRender';
import { useAuth } from './AuthProvider';

/** Shows the login page instead of any signed-in page when there is no session, and returns afterwards. */
export function RequireAuth() {
  const { me, loading } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();
  if (loading)
    return (
      <Center h="100vh" component="main">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (!me) {
    // The server's render gives up here (no <Navigate> there: it cannot redirect, and React Router warns).
    if (noteRedirect()) return null;
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  return <Outlet />;
}

/** Pages that need a module ability; without it the user is sent to their start page. */
export function RequireAbility({ ability, children }: { ability: MeAbility; children: React.ReactNode }) {
  const { can } = useAuth();
  if (!can(ability)) {
    if (noteRedirect()) return null;
    return <Navigate to="/" replace />;
  }
  return <>{children}</>;
}
