import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { fieldMessage } from '../../../src/http/messages';
import { createApiToken, listApiTokens, revokeApiToken } from '../../../src/modules/accounts/contract';
import { asApiError, callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { CommuneSection } from '../moderation/CommuneSection';
import { NotificationPreferencesSection } from '../notifications/ConsentSection';
import { PrivacySection } from '../privacy/PrivacySection';
import { CopyButton } from '../ui/CopyButton';
import { Field } from '../ui/Field';
import { Alert, ApiErrorAlert, Loading, useErrorText } from '../ui/feedback';
import { TableWrap } from '../ui/TableWrap';
import { usePageTitle } from '../ui/usePageTitle';
import '../admin/admin.css';

export function AccountPage() {
  const { t, locale, formatDateTime } = useI18n();
  const { user } = useSession();
  const errorText = useErrorText();
  usePageTitle(t('account.title'));
  const tokens = useApiQuery(listApiTokens, {});
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);

  if (!user) return null;

  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    setFailure(null);
    if (!name.trim()) {
      setNameError(fieldMessage('required', locale));
      nameRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const result = await callApi(createApiToken, { body: { name: name.trim() } });
      setCreated({ name: result.name, token: result.token });
      setName('');
      setNameError(undefined);
      const { token: _secret, ...view } = result;
      tokens.setData((prev) => (prev ? { items: [view, ...prev.items] } : prev));
    } catch (err) {
      const apiError = asApiError(err);
      const issue = apiError.errors.find((x) => x.field === 'name');
      if (issue) setNameError(locale === 'fr' ? issue.message : fieldMessage(issue.code, locale));
      else setFailure(errorText(apiError));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (id: string, tokenName: string) => {
    if (!window.confirm(t('account.revokeConfirm', { name: tokenName }))) return;
    setFailure(null);
    try {
      await callApi(revokeApiToken, { params: { id } });
      tokens.setData((prev) => (prev ? { items: prev.items.filter((x) => x.id !== id) } : prev));
      setStatus(t('account.revoked', { name: tokenName }));
    } catch (err) {
      setFailure(errorText(asApiError(err)));
    }
  };

  return (
    <div className="admin-page">
      <h1>{t('account.title')}</h1>
      <section className="card" aria-labelledby="me-heading">
        <h2 id="me-heading">{t('account.profile')}</h2>
        <dl className="facts facts-inline">
          <div>
            <dt>{t('users.displayName')}</dt>
            <dd>{user.displayName}</dd>
          </div>
          <div>
            <dt>{t('invitation.email')}</dt>
            <dd>{user.email}</dd>
          </div>
          <div>
            <dt>{t('users.role')}</dt>
            <dd>{t(`role.${user.role}`)}</dd>
          </div>
          {user.actorId ? (
            <div>
              <dt>{t('users.organisation')}</dt>
              <dd>
                <Link to={`/acteurs/${user.actorId}`}>{user.actorName ?? t('account.myOrganisation')}</Link>
              </dd>
            </div>
          ) : null}
        </dl>
        <p>
          <Link to="/mot-de-passe-oublie">{t('account.changePassword')}</Link>
        </p>
      </section>

      {/* A citizen has no organisation: their commune matters, the matchmaking notices do not concern them. */}
      {user.role === 'citizen' ? <CommuneSection /> : null}
      <NotificationPreferencesSection />
      <PrivacySection />

      <section className="card">
        <h2 id="tokens-heading">{t('account.tokens')}</h2>
        <p className="muted">{t('account.tokensIntro')}</p>
        <p className="small">
          <a href="/api/openapi.json">{t('account.apiDoc')}</a>
        </p>
        {failure ? <Alert>{failure}</Alert> : null}
        <p role="status" className="status-line">
          {status}
        </p>
        {created ? (
          <div className="alert alert-success token-created" role="status">
            <p className="alert-title">{t('account.createdTitle', { name: created.name })}</p>
            <p>{t('account.createdOnce')}</p>
            <div className="token-value">
              <label htmlFor="new-token" className="visually-hidden">
                {t('account.tokenValue')}
              </label>
              <input
                id="new-token"
                readOnly
                value={created.token}
                className="mono"
                onFocus={(e) => e.target.select()}
              />
              <CopyButton text={created.token} fallbackInputId="new-token" />
            </div>
            <button type="button" className="link-button small" onClick={() => setCreated(null)}>
              {t('account.hideToken')}
            </button>
          </div>
        ) : null}
        <form onSubmit={create} className="token-form" noValidate>
          <Field id="token-name" label={t('account.tokenName')} hint={t('account.tokenNameHint')} error={nameError}>
            {(control) => (
              <input
                {...control}
                ref={nameRef}
                type="text"
                maxLength={100}
                value={name}
                onChange={(e) => {
                  setName(e.target.value);
                  if (e.target.value.trim()) setNameError(undefined);
                }}
              />
            )}
          </Field>
          <button type="submit" className="button" disabled={busy}>
            {t('account.createToken')}
          </button>
        </form>

        {tokens.error ? <ApiErrorAlert error={tokens.error} /> : null}
        {!tokens.data && tokens.loading ? <Loading /> : null}
        {tokens.data && tokens.data.items.length === 0 ? <p className="muted">{t('account.noTokens')}</p> : null}
        {tokens.data && tokens.data.items.length > 0 ? (
          <TableWrap labelledBy="tokens-heading">
            <table>
              <caption className="visually-hidden">{t('account.tokens')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('account.tokenName')}</th>
                  <th scope="col">{t('account.createdOn')}</th>
                  <th scope="col">{t('account.lastUsed')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.data.items.map((token) => (
                  <tr key={token.id}>
                    <td>{token.name}</td>
                    <td>{formatDateTime(token.createdAt)}</td>
                    <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('users.never')}</td>
                    <td>
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        onClick={() => revoke(token.id, token.name)}
                      >
                        {t('account.revoke')}
                        <span className="visually-hidden"> {token.name}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : null}
      </section>
    </div>
  );
}
