import { NavLink } from 'react-router';
import { allows, readers } from '../../../src/auth/roles';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import './funding.css';

/**
 * The tabs shared by the funding pages. Calls for projects are public; applications for any signed-in user (a member
 * follows its organisation's projects' and partnerships' ones); deadlines, budget and grants for staff and observers
 * (the steering committee).
 */
export function FundingNav() {
  const { t } = useI18n();
  const { role } = useSession();
  const reader = allows(readers, role);
  const tabs = [
    { to: '/financements/appels', label: t('funding.tab.calls'), open: true },
    { to: '/financements/dossiers', label: t('funding.tab.applications'), open: role !== null },
    { to: '/financements/echeances', label: t('funding.tab.calendar'), open: reader },
    { to: '/financements/budget', label: t('funding.tab.budget'), open: reader },
    { to: '/financements/subventions', label: t('funding.tab.grants'), open: reader },
  ].filter((tab) => tab.open);
  if (tabs.length < 2) return null;
  return (
    <nav aria-label={t('funding.tabs')} className="funding-tabs">
      <ul>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to}>{tab.label}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
