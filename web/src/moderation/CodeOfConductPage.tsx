import { Link } from 'react-router';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { usePageTitle } from '../ui/usePageTitle';
import './moderation.css';

const rules = ['respect', 'attacks', 'personalData', 'topic', 'advertising', 'law'] as const;
const moderation = ['report', 'review', 'hidden', 'appeal'] as const;

/** « Charte de participation au dialogue territorial »: public, linked from the sign-up and the report dialog. */
export function CodeOfConductPage() {
  const { t } = useI18n();
  const { user } = useSession();
  usePageTitle(t('charter.title'));
  return (
    <article className="narrow charter">
      <h1>{t('charter.title')}</h1>
      <p>{t('charter.intro')}</p>
      <h2>{t('charter.rules')}</h2>
      <ol>
        {rules.map((r) => (
          <li key={r}>{t(`charter.rule.${r}`)}</li>
        ))}
      </ol>
      <p>{t('charter.signature')}</p>
      <h2>{t('charter.moderation')}</h2>
      <ul>
        {moderation.map((m) => (
          <li key={m}>{t(`charter.moderation.${m}`)}</li>
        ))}
      </ul>
      {user ? null : (
        <p>
          <Link to="/inscription">{t('charter.signup')}</Link>
        </p>
      )}
    </article>
  );
}
