import { matchingRoutes } from '../../../src/modules/matching/contract';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { ApiErrorAlert, Loading } from '../ui/feedback';
import { TableWrap } from '../ui/TableWrap';
import { usePercent } from './parts';

/** For the programme team: what organisations did with suggestions, per reason shown and per dismissal reason. */
export function FeedbackPanel() {
  const { t, tn, formatNumber } = useI18n();
  const percent = usePercent();
  const stats = useApiQuery(matchingRoutes.feedback, {});
  const data = stats.data;
  return (
    <section className="card match-feedback" aria-labelledby="match-feedback-title">
      <h2 id="match-feedback-title">{t('matching.feedback.title')}</h2>
      <p className="muted small">{t('matching.feedback.intro')}</p>
      {stats.error ? <ApiErrorAlert error={stats.error} /> : null}
      {!data && stats.loading ? <Loading /> : null}
      {data ? (
        <>
          <p>{tn('matching.feedback.decisions', data.decisions)}</p>
          {data.decisions > 0 ? (
            <div className="match-feedback-tables">
              <TableWrap labelledBy="match-feedback-per-reason">
                <table>
                  <caption id="match-feedback-per-reason">{t('matching.feedback.perReason')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('matching.feedback.kind')}</th>
                      <th scope="col" className="numeric">
                        {t('matching.feedback.accepted')}
                      </th>
                      <th scope="col" className="numeric">
                        {t('matching.feedback.dismissed')}
                      </th>
                      <th scope="col" className="numeric">
                        {t('matching.feedback.acceptance')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.perReason.map((r) => (
                      <tr key={r.kind}>
                        <th scope="row">{t(`matching.component.${r.kind}`)}</th>
                        <td className="numeric">{formatNumber(r.accepted)}</td>
                        <td className="numeric">{formatNumber(r.dismissed)}</td>
                        <td className="numeric">{r.accepted + r.dismissed ? percent(r.acceptance) : '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              <TableWrap labelledBy="match-feedback-dismissals">
                <table>
                  <caption id="match-feedback-dismissals">{t('matching.feedback.dismissals')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('matching.feedback.reason')}</th>
                      <th scope="col" className="numeric">
                        {t('matching.feedback.count')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.dismissals.length === 0 ? (
                      <tr>
                        <td colSpan={2} className="muted">
                          {t('matching.feedback.noDismissal')}
                        </td>
                      </tr>
                    ) : (
                      data.dismissals.map((d) => (
                        <tr key={d.reason}>
                          <th scope="row">{t(`matching.dismissReason.${d.reason}`)}</th>
                          <td className="numeric">{formatNumber(d.count)}</td>
                        </tr>
                      ))
                    )}
                  </tbody>
                </table>
              </TableWrap>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
