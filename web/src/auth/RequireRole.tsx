import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { UserRole } from '../../../src/auth/roles';
import { useI18n } from '../i18n';
import { Alert, Loading } from '../ui/feedback';
import { useSession } from './session';

/** Shows its children to the given roles (any signed-in user when none are given); anonymous visitors sign in first. */
export function RequireRole({ roles, children }: { roles?: readonly UserRole[]; children: ReactNode }) {
  const { ready, user } = useSession();
  const { t } = useI18n();
  const location = useLocation();
  if (!ready) return <Loading />;
  if (!user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/connexion?next=${next}`} replace />;
  }
  if (roles && !roles.includes(user.role)) {
    return (
      <div className="narrow">
        <h1>{t('error.forbiddenTitle')}</h1>
        <Alert>{t('error.forbidden')}</Alert>
      </div>
    );
  }
  return <>{children}</>;
}
