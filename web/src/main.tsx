// First: configures zod before any module parses with it.
import './zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app/App';
import { SessionProvider } from './auth/session';
import { I18nProvider } from './i18n';
import { ReferenceProvider } from './reference/reference';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <ReferenceProvider>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </ReferenceProvider>
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
