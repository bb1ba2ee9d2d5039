import { useId, useState } from 'react';
import { fieldMessage } from '../../../src/http/messages';
import { consentSourceMax, privacyRoutes } from '../../../src/modules/privacy/contract';
import { type ConsentScope, consentScopes } from '../../../src/modules/privacy/vocabulary';
import { asApiError, callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { ModalDialog } from '../moderation/ModalDialog';
import { Alert, ApiErrorAlert, fieldTexts, Loading, useErrorText } from '../ui/feedback';
import { TextField } from '../ui/TextField';
import { ConsentState } from './ConsentHistory';
import './privacy.css';

/**
 * A listed person's consents with their history, and the form to record one collected elsewhere (staff, or the
 * organisation's members): the source is required.
 */
export function PersonConsentsDialog({ personId, onClose }: { personId: string; onClose(): void }) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const titleId = useId();
  const formId = useId();
  const consents = useApiQuery(privacyRoutes.personConsents, { params: { id: personId } });
  const [scope, setScope] = useState<ConsentScope>('contact');
  const [granted, setGranted] = useState(true);
  const [source, setSource] = useState('');
  const [sourceError, setSourceError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const person = consents.data?.person;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setFailure(null);
    setSaved(false);
    if (!source.trim()) {
      setSourceError(fieldMessage('required', locale));
      document.getElementById(`${formId}-source`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const view = await callApi(privacyRoutes.recordPersonConsent, {
        params: { id: personId },
        body: { scope, granted, source: source.trim() },
      });
      consents.setData(view);
      setSource('');
      setSourceError(undefined);
      setSaved(true);
    } catch (err) {
      const apiError = asApiError(err);
      const byField = fieldTexts(apiError, locale);
      if (byField.source) {
        setSourceError(byField.source);
        document.getElementById(`${formId}-source`)?.focus();
      } else setFailure(errorText(apiError));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ModalDialog open onClose={onClose} labelledBy={titleId}>
      <h2 id={titleId}>
        {person
          ? t('privacy.person.title', { name: person.name, actor: person.actorName })
          : t('privacy.admin.consents')}
      </h2>
      {consents.error ? <ApiErrorAlert error={consents.error} /> : null}
      {!consents.data && consents.loading ? <Loading /> : null}
      {consents.data ? (
        <ul className="privacy-consent-list">
          {consents.data.scopes.map((view) => (
            <li key={view.scope}>
              <strong>{t(`privacy.scope.${view.scope}`)}</strong>
              <ConsentState view={view} />
            </li>
          ))}
        </ul>
      ) : null}
      <form onSubmit={submit} noValidate>
        <label htmlFor={`${formId}-scope`}>{t('privacy.person.scope')}</label>
        <select id={`${formId}-scope`} value={scope} onChange={(e) => setScope(e.target.value as ConsentScope)}>
          {consentScopes.map((s) => (
            <option key={s} value={s}>
              {t(`privacy.scope.${s}`)}
            </option>
          ))}
        </select>
        <fieldset className="privacy-consents">
          <legend>{t('privacy.person.answer')}</legend>
          {[true, false].map((value) => (
            <div key={String(value)} className="privacy-choice">
              <input
                type="radio"
                id={`${formId}-${value}`}
                name={`${formId}-granted`}
                checked={granted === value}
                onChange={() => setGranted(value)}
              />
              <label htmlFor={`${formId}-${value}`}>
                {t(value ? 'privacy.person.grant' : 'privacy.person.withdraw')}
              </label>
            </div>
          ))}
        </fieldset>
        <TextField
          id={`${formId}-source`}
          label={t('privacy.person.source')}
          hint={t('privacy.person.sourceHint')}
          required
          maxLength={consentSourceMax}
          value={source}
          onChange={setSource}
          error={sourceError}
        />
        {failure ? <Alert>{failure}</Alert> : null}
        <p role="status" className="status-line">
          {saved ? t('privacy.consents.saved') : ''}
        </p>
        <div className="dialog-actions">
          <button type="submit" className="button" disabled={busy}>
            {t('privacy.person.record')}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('privacy.person.close')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
