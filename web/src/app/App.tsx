import { Component, type ReactNode, useEffect, useRef } from 'react';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { staff } from '../../../src/auth/roles';
import { AccountPage } from '../account/AccountPage';
import { ActorFormPage } from '../actors/ActorFormPage';
import { ActorPage } from '../actors/ActorPage';
import { InvitationsPage } from '../admin/InvitationsPage';
import { UsersPage } from '../admin/UsersPage';
import { allianceRoutes } from '../alliances/routes';
import { auditRoutes } from '../audit/routes';
import { ForgotPasswordPage } from '../auth/ForgotPasswordPage';
import { InvitationPage } from '../auth/InvitationPage';
import { LoginPage } from '../auth/LoginPage';
import { RequireRole } from '../auth/RequireRole';
import { ResetPasswordPage } from '../auth/ResetPasswordPage';
import { claimRoutes } from '../claims/routes';
import { contactRoutes } from '../contacts/routes';
import { dashboardRoutes } from '../dashboard/routes';
import { diagnosticRoutes } from '../diagnostics/routes';
import { dialogueRoutes } from '../dialogue/routes';
import { DirectoryPage } from '../directory/DirectoryPage';
import { evaluationRoutes } from '../evaluation/routes';
import { eventRoutes } from '../events/routes';
import { fundingApplicationRoutes } from '../funding/applications/routes';
import { fundingBudgetRoutes } from '../funding/budget/routes';
import { fundingCalendarRoutes } from '../funding/calendar/routes';
import { fundingCallRoutes } from '../funding/calls/routes';
import { fundingGrantRoutes } from '../funding/grants/routes';
import { useI18n } from '../i18n';
import { importRoutes } from '../imports/routes';
import { mailRoutes } from '../mail/routes';
import { matchmakingRoutes } from '../matching/routes';
import { moderationRoutes } from '../moderation/routes';
import { needOfferRoutes } from '../needs-offers/routes';
import { notificationCentreRoutes } from '../notifications/routes';
import { OpenDataPage } from '../open-data/OpenDataPage';
import { partnershipRoutes } from '../partnerships/routes';
import { privacyRoutes } from '../privacy/routes';
import { programmeRoutes } from '../programmes/routes';
import { projectRoutes } from '../projects/routes';
import { reviewRoutes } from '../reviews/routes';
import { usePageTitle } from '../ui/usePageTitle';
import { Header } from './Header';

/** On a change of page (not of query string), the focus goes to the main content, as a page load would. */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is the trigger
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [pathname]);
}

class ErrorBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

function NotFound() {
  const { t } = useI18n();
  usePageTitle(t('common.notFound'));
  return (
    <div className="narrow">
      <h1>{t('common.notFound')}</h1>
      <p>
        <Link to="/">{t('actor.backToDirectory')}</Link>
      </p>
    </div>
  );
}

export function App() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  useFocusOnNavigation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        <ErrorBoundary
          key={pathname}
          fallback={
            <div className="alert alert-error" role="alert">
              {t('common.error')}
            </div>
          }
        >
          <Routes>
            <Route path="/" element={<DirectoryPage />} />
            <Route
              path="/acteurs/nouveau"
              element={
                <RequireRole roles={staff}>
                  <ActorFormPage />
                </RequireRole>
              }
            />
            <Route path="/acteurs/:id" element={<ActorPage />} />
            <Route
              path="/acteurs/:id/modifier"
              element={
                <RequireRole roles={['admin', 'animator', 'member']}>
                  <ActorFormPage />
                </RequireRole>
              }
            />
            <Route path="/connexion" element={<LoginPage />} />
            <Route path="/invitation/:token" element={<InvitationPage />} />
            <Route path="/mot-de-passe-oublie" element={<ForgotPasswordPage />} />
            <Route path="/reinitialiser/:token" element={<ResetPasswordPage />} />
            <Route
              path="/admin/utilisateurs"
              element={
                <RequireRole roles={['admin']}>
                  <UsersPage />
                </RequireRole>
              }
            />
            <Route
              path="/admin/invitations"
              element={
                <RequireRole roles={staff}>
                  <InvitationsPage />
                </RequireRole>
              }
            />
            <Route
              path="/compte"
              element={
                <RequireRole>
                  <AccountPage />
                </RequireRole>
              }
            />
            {needOfferRoutes()}
            {projectRoutes()}
            {partnershipRoutes()}
            {allianceRoutes()}
            {contactRoutes()}
            {matchmakingRoutes()}
            {eventRoutes()}
            <Route path="/financements" element={<Navigate to="/financements/appels" replace />} />
            {fundingCallRoutes()}
            {fundingApplicationRoutes()}
            {fundingCalendarRoutes()}
            {fundingBudgetRoutes()}
            {fundingGrantRoutes()}
            {programmeRoutes()}
            {importRoutes()}
            {claimRoutes()}
            {notificationCentreRoutes()}
            <Route path="/donnees-ouvertes" element={<OpenDataPage />} />
            {evaluationRoutes()}
            {diagnosticRoutes()}
            {dashboardRoutes()}
            {dialogueRoutes()}
            {moderationRoutes()}
            {reviewRoutes()}
            {auditRoutes()}
            {privacyRoutes()}
            {mailRoutes()}
            <Route path="*" element={<NotFound />} />
          </Routes>
        </ErrorBoundary>
      </main>
      <footer className="site-footer">
        <p>
          {t('footer.programme')} <Link to="/donnees-ouvertes">{t('openData.footer')}</Link>
          {' · '}
          <Link to="/tableau-de-bord/public">{t('dashboard.publicLink')}</Link>
        </p>
      </footer>
    </>
  );
}
