import { Link, Route, Routes } from 'react-router';
import { useI18n } from '../i18n';

export function App() {
  const { t, locale, setLocale } = useI18n();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label="Navigation principale">
          <Link to="/">{t('nav.directory')}</Link>
        </nav>
        <button
          type="button"
          className="link-button"
          aria-label={t('nav.languageLabel')}
          onClick={() => setLocale(locale === 'fr' ? 'en' : 'fr')}
        >
          {t('nav.language')}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <Routes>
          <Route path="/" element={<p className="tagline">{t('app.tagline')}</p>} />
          <Route path="*" element={<p>{t('common.notFound')}</p>} />
        </Routes>
      </main>
    </>
  );
}
