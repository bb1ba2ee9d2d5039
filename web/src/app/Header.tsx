import { useEffect, useId, useState } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { readers } from '../../../src/auth/roles';
import { isStaff, useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { useOpenReportCount } from '../moderation/useOpenReportCount';
import { NotificationBell } from '../notifications/Bell';

export function Header() {
  const { t, tn, locale, setLocale } = useI18n();
  const { user, role, logout, ready } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuId = useId();
  // A citizen takes part in the dialogue in their own name: the organisations' workspace does not concern them.
  const citizen = role === 'citizen';
  const reportCount = useOpenReportCount();
  const openReports = reportCount.data?.open ?? 0;

  // The small-screen menu closes when the page changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is the trigger
  useEffect(() => setMenuOpen(false), [location.pathname]);
  // The moderation count follows the animators' decisions from page to page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is the trigger
  useEffect(() => reportCount.reload(), [location.pathname]);

  const signOut = async () => {
    await logout().catch(() => undefined);
    navigate('/');
  };
  const next = location.pathname.startsWith('/connexion')
    ? ''
    : `?next=${encodeURIComponent(location.pathname + location.search)}`;

  return (
    <header className="site-header">
      <div className="header-inner">
        <Link to="/" className="brand">
          <svg aria-hidden="true" viewBox="0 0 16 16" width="26" height="26" focusable="false">
            <circle cx="5.5" cy="8" r="4.5" fill="#ffffff" fillOpacity=".9" />
            <circle cx="10.5" cy="8" r="4.5" fill="#f0a36b" fillOpacity=".9" />
          </svg>
          <span>{t('app.name')}</span>
        </Link>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls={menuId}
          onClick={() => setMenuOpen((o) => !o)}
        >
          {t('nav.menu')}
        </button>
        <div id={menuId} className={`header-menu${menuOpen ? ' open' : ''}`}>
          <nav aria-label={t('nav.main')} className="main-nav">
            <ul>
              <li>
                <NavLink to="/" end>
                  {t('nav.directory')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/besoins-offres">{t('nav.needsOffers')}</NavLink>
              </li>
              <li>
                <NavLink to="/projets">{t('nav.projects')}</NavLink>
              </li>
              <li>
                {user && !citizen ? (
                  <NavLink to="/partenariats">{t('nav.partnerships')}</NavLink>
                ) : (
                  <NavLink to="/vitrine">{t('nav.showcase')}</NavLink>
                )}
              </li>
              <li>
                <NavLink to="/alliances">{t('nav.alliances')}</NavLink>
              </li>
              <li>
                <NavLink to="/programmes">{t('programme.nav')}</NavLink>
              </li>
              <li>
                <NavLink to="/dialogue">{t('moderation.nav.dialogue')}</NavLink>
              </li>
              <li>
                <NavLink to="/evenements">{t('event.nav')}</NavLink>
              </li>
              <li>
                <NavLink to="/financements">{t('funding.nav')}</NavLink>
              </li>
              <li>
                <NavLink to="/ecosysteme">{t('nav.ecosystem')}</NavLink>
              </li>
            </ul>
          </nav>
          <div className="header-user">
            {ready && user ? (
              <>
                <NotificationBell />
                <Link to="/compte" className="user-chip">
                  <span className="visually-hidden">{t('nav.account')} : </span>
                  <span className="user-chip-name">{user.displayName}</span>
                  <span className="user-chip-role">{t(`role.${user.role}`)}</span>
                </Link>
                <button type="button" className="header-button" onClick={signOut}>
                  {t('nav.logout')}
                </button>
              </>
            ) : null}
            {ready && !user ? (
              <Link to={`/connexion${next}`} className="header-button">
                {t('nav.login')}
              </Link>
            ) : null}
            <button
              type="button"
              className="header-button lang-button"
              lang={locale === 'fr' ? 'en' : 'fr'}
              aria-label={t('nav.languageLabel')}
              onClick={() => setLocale(locale === 'fr' ? 'en' : 'fr')}
            >
              {t('nav.language')}
            </button>
          </div>
          {user && !citizen ? (
            <nav aria-label={t('nav.workspace')} className="main-nav work-nav">
              <ul>
                {citizen ? null : (
                  <>
                    <li>
                      <NavLink to="/suivis">{t('nav.followUps')}</NavLink>
                    </li>
                    <li>
                      <NavLink to="/suggestions">{t('matching.nav.suggestions')}</NavLink>
                    </li>
                    <li>
                      <NavLink to="/mises-en-relation">{t('matching.nav.requests')}</NavLink>
                    </li>
                  </>
                )}
                {isStaff(role) ? (
                  <li>
                    <NavLink to="/moderation">
                      {t('moderation.nav')}
                      {openReports > 0 ? (
                        <span className="nav-count">
                          <span aria-hidden="true">{openReports}</span>
                          <span className="visually-hidden"> ({tn('moderation.nav.openCount', openReports)})</span>
                        </span>
                      ) : null}
                    </NavLink>
                  </li>
                ) : null}
                {isStaff(role) || role === 'observer' ? (
                  <li>
                    <NavLink to="/tableau-de-bord" end>
                      {t('dashboard.nav')}
                    </NavLink>
                  </li>
                ) : null}
                {role && (readers as readonly string[]).includes(role) ? (
                  <li>
                    <NavLink to="/diagnostics">{t('diagnostic.nav')}</NavLink>
                  </li>
                ) : null}
                {role && (readers as readonly string[]).includes(role) ? (
                  <li>
                    <NavLink to="/evaluations">{t('evaluation.nav')}</NavLink>
                  </li>
                ) : null}
                {isStaff(role) ? (
                  <li>
                    <NavLink to="/acteurs/nouveau">{t('nav.newActor')}</NavLink>
                  </li>
                ) : null}
                {isStaff(role) ? (
                  <li>
                    <NavLink to="/admin/invitations">{t('nav.invitations')}</NavLink>
                  </li>
                ) : null}
                {isStaff(role) ? (
                  <li>
                    <NavLink to="/admin/imports">{t('import.nav')}</NavLink>
                  </li>
                ) : null}
                {isStaff(role) ? (
                  <li>
                    <NavLink to="/admin/donnees-personnelles">{t('privacy.nav')}</NavLink>
                  </li>
                ) : null}
                {role === 'admin' ? (
                  <li>
                    <NavLink to="/admin/utilisateurs">{t('nav.users')}</NavLink>
                  </li>
                ) : null}
                {role === 'admin' ? (
                  <li>
                    <NavLink to="/admin/journal">{t('audit.nav')}</NavLink>
                  </li>
                ) : null}
                {role === 'admin' ? (
                  <li>
                    <NavLink to="/admin/courriels">{t('mail.nav')}</NavLink>
                  </li>
                ) : null}
              </ul>
            </nav>
          ) : null}
        </div>
      </div>
    </header>
  );
}
