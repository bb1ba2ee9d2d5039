import { useState } from 'react';
import { Link } from 'react-router';
import { privacyRoutes } from '../../../src/modules/privacy/contract';
import { asApiError, callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { Alert, ApiErrorAlert, Loading, useErrorText } from '../ui/feedback';
import { TableWrap } from '../ui/TableWrap';
import { ConfirmDialog } from './ConfirmDialog';
import { PersonConsentsDialog } from './PersonConsentsDialog';

type Erasing = { kind: 'person' | 'account'; id: string; name: string } | null;

/** People and accounts without activity for three years: « Conserver » (people) or « Effacer » after confirmation. */
export function RetentionReview() {
  const { t, formatDate } = useI18n();
  const errorText = useErrorText();
  const report = useApiQuery(privacyRoutes.retention, {});
  const [erasing, setErasing] = useState<Erasing>(null);
  const [consentsOf, setConsentsOf] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const act = async (run: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setNotice(null);
    setFailure(null);
    try {
      await run();
      setNotice(done);
      report.reload();
    } catch (err) {
      setFailure(errorText(asApiError(err)));
    } finally {
      setBusy(false);
      setErasing(null);
    }
  };

  const erase = () => {
    if (!erasing) return;
    const route = erasing.kind === 'person' ? privacyRoutes.erasePerson : privacyRoutes.eraseAccount;
    return act(() => callApi(route, { params: { id: erasing.id } }), t('privacy.admin.erased'));
  };

  const data = report.data;
  return (
    <section className="card" aria-labelledby="retention-title">
      <h2 id="retention-title">{t('privacy.admin.retention')}</h2>
      {data ? (
        <p className="muted small">{t('privacy.admin.retentionIntro', { date: formatDate(data.cutoff) })}</p>
      ) : null}
      <div aria-live="polite">
        {notice ? <Alert kind="success">{notice}</Alert> : null}
        {failure ? <Alert>{failure}</Alert> : null}
      </div>
      {report.error ? <ApiErrorAlert error={report.error} /> : null}
      {!data && report.loading ? <Loading /> : null}
      {data ? (
        <>
          <h3 id="retention-people">{t('privacy.admin.people')}</h3>
          {data.people.length === 0 ? <p className="empty-state">{t('privacy.admin.noPeople')}</p> : null}
          {data.people.length > 0 ? (
            <TableWrap labelledBy="retention-people">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('privacy.admin.person')}</th>
                    <th scope="col">{t('privacy.admin.organisation')}</th>
                    <th scope="col">{t('privacy.admin.lastActivity')}</th>
                    <th scope="col">{t('common.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.people.map((p) => (
                    <tr key={p.id}>
                      <td>
                        {p.name}
                        {p.role ? <span className="muted small block">{p.role}</span> : null}
                      </td>
                      <td>
                        <Link to={`/acteurs/${p.actorId}`}>{p.actorName}</Link>
                      </td>
                      <td>{formatDate(p.lastActivityAt)}</td>
                      <td>
                        <button
                          type="button"
                          className="button button-secondary"
                          disabled={busy}
                          onClick={() =>
                            act(
                              () => callApi(privacyRoutes.reviewPerson, { params: { id: p.id } }),
                              t('privacy.admin.kept', { name: p.name }),
                            )
                          }
                        >
                          {t('privacy.admin.keep')}
                        </button>{' '}
                        <button type="button" className="button button-secondary" onClick={() => setConsentsOf(p.id)}>
                          {t('privacy.admin.consents')}
                        </button>{' '}
                        <button
                          type="button"
                          className="button button-danger"
                          onClick={() => setErasing({ kind: 'person', id: p.id, name: p.name })}
                        >
                          {t('privacy.admin.erase')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          ) : null}
          <h3 id="retention-accounts">{t('privacy.admin.accounts')}</h3>
          {data.accounts.length === 0 ? <p className="empty-state">{t('privacy.admin.noAccounts')}</p> : null}
          {data.accounts.length > 0 ? (
            <TableWrap labelledBy="retention-accounts">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('privacy.admin.person')}</th>
                    <th scope="col">{t('privacy.admin.email')}</th>
                    <th scope="col">{t('privacy.admin.role')}</th>
                    <th scope="col">{t('privacy.admin.lastActivity')}</th>
                    <th scope="col">{t('common.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.accounts.map((a) => (
                    <tr key={a.id}>
                      <td>{a.displayName}</td>
                      <td>{a.email}</td>
                      <td>{t(`role.${a.role}`)}</td>
                      <td>{formatDate(a.lastActivityAt)}</td>
                      <td>
                        <button
                          type="button"
                          className="button button-danger"
                          onClick={() => setErasing({ kind: 'account', id: a.id, name: a.displayName })}
                        >
                          {t('privacy.admin.erase')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          ) : null}
        </>
      ) : null}
      <ConfirmDialog
        open={erasing !== null}
        title={t('privacy.admin.confirmErase', { name: erasing?.name ?? '' })}
        confirmLabel={t('privacy.admin.erase')}
        danger
        busy={busy}
        onConfirm={erase}
        onClose={() => setErasing(null)}
      >
        <p>{t('privacy.admin.confirmEraseText')}</p>
      </ConfirmDialog>
      {consentsOf ? <PersonConsentsDialog personId={consentsOf} onClose={() => setConsentsOf(null)} /> : null}
    </section>
  );
}
