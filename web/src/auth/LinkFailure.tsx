import { Link } from 'react-router';
import { fieldMessage } from '../../../src/http/messages';
import type { ApiError } from '../api/client';
import { useI18n } from '../i18n';
import { Alert, useErrorText } from '../ui/feedback';

/** Whether a single-use link's token has the shape the API accepts (else it is not even asked). */
export const plausibleToken = (token: string) => token.length >= 10 && token.length <= 200;

/**
 * The page of a single-use link (invitation, claim) that cannot be used: unknown, expired or used links all read
 * "invalid or expired"; other failures (network, server) are told as such. With the way to sign in.
 */
export function LinkFailure({ title, error }: { title: string; error: ApiError | null }) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const linkFailed = !error || error.status === 400 || error.status === 404 || error.status === 422;
  return (
    <div className="auth-page">
      <h1>{title}</h1>
      <Alert>{linkFailed ? fieldMessage('tokenInvalid', locale) : errorText(error)}</Alert>
      <p>
        <Link to="/connexion">{t('nav.login')}</Link>
      </p>
    </div>
  );
}
