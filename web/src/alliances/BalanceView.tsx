import { type AllianceBalance, getAllianceBalance } from '../../../src/modules/alliances/contract';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { ApiErrorAlert, Loading } from '../ui/feedback';
import { TableWrap } from '../ui/TableWrap';

/** What each member gives and gets, as bar pairs and as a table, with the imbalance warnings. */
export function BalanceView({ allianceId }: { allianceId: string }) {
  const { t } = useI18n();
  const balance = useApiQuery(getAllianceBalance, { params: { id: allianceId } });
  return (
    <section className="card balance" aria-labelledby="balance-title">
      <h2 id="balance-title">{t('balance.title')}</h2>
      <p className="muted">{t('balance.intro')}</p>
      {balance.error ? <ApiErrorAlert error={balance.error} /> : null}
      {!balance.data && balance.loading ? <Loading /> : null}
      {balance.data ? <Balance data={balance.data} /> : null}
    </section>
  );
}

function Balance({ data }: { data: AllianceBalance }) {
  const { t, formatEuros, formatNumber } = useI18n();
  const pct = (share: number | null) => (share === null ? '—' : `${formatNumber(Math.round(share * 100))} %`);
  const max = Math.max(1, ...data.members.flatMap((m) => [m.given, m.expected, m.realised]));
  const width = (v: number) => `${Math.max(0, (v / max) * 100)}%`;
  const major = data.members.flatMap((m) =>
    m.warnings
      .filter((w) => w === 'carriesLoad' || w === 'capturesBenefit')
      .map((w) => ({ key: `${m.actorId}-${w}`, text: t(`balance.${w}`, { name: m.name }) })),
  );
  const minor = data.members.flatMap((m) =>
    m.warnings
      .filter((w) => w === 'givesNothing' || w === 'getsNothing')
      .map((w) => ({ key: `${m.actorId}-${w}`, text: t(`balance.${w}`, { name: m.name }) })),
  );
  const empty = data.totals.given === 0 && data.totals.expected === 0 && data.totals.realised === 0;
  return (
    <>
      {major.length ? (
        <div className="alert alert-warning balance-warnings" role="status">
          <p className="alert-title">
            <span aria-hidden="true">⚠ </span>
            {t('balance.imbalanced')}
          </p>
          <ul>
            {major.map((w) => (
              <li key={w.key}>
                <strong>{w.text}</strong>
              </li>
            ))}
          </ul>
        </div>
      ) : empty ? (
        <p className="notice">{t('balance.noData')}</p>
      ) : (
        <p className="alert alert-success">{t('balance.balanced')}</p>
      )}
      {minor.length ? (
        <ul className="balance-minor muted">
          {minor.map((w) => (
            <li key={w.key}>{w.text}</li>
          ))}
        </ul>
      ) : null}
      <p className="muted small">
        {t('balance.thresholds', { share: pct(data.thresholds.loadShare), min: data.thresholds.minMembers })}
      </p>
      <ul className="balance-bars" aria-hidden="true">
        {data.members.map((m) => {
          const heavy = m.warnings.includes('carriesLoad');
          const greedy = m.warnings.includes('capturesBenefit');
          return (
            <li key={m.actorId} className={heavy || greedy ? 'balance-row balance-row-alert' : 'balance-row'}>
              <p className="balance-name">
                <span className={`family-badge family-${m.family}`}>{t(`family.${m.family}`)}</span>
                {m.name}
              </p>
              <div className="balance-bar-line">
                <span className="balance-label">{t('balance.gives')}</span>
                <span className="balance-track">
                  <span
                    className={`balance-bar balance-bar-gives${heavy ? ' is-alert' : ''}`}
                    style={{ width: width(m.given) }}
                  />
                </span>
                <span className="balance-value">
                  {formatEuros(m.given)} · {pct(m.givenShare)}
                </span>
              </div>
              <div className="balance-bar-line">
                <span className="balance-label">{t('balance.gets')}</span>
                <span className="balance-track">
                  <span className="balance-bar balance-bar-expected" style={{ width: width(m.expected) }} />
                  <span
                    className={`balance-bar balance-bar-gets${greedy ? ' is-alert' : ''}`}
                    style={{ width: width(m.realised) }}
                  />
                </span>
                <span className="balance-value">
                  {formatEuros(m.realised)} / {formatEuros(m.expected)} · {pct(m.expectedShare)}
                </span>
              </div>
            </li>
          );
        })}
      </ul>
      <p className="balance-key muted small" aria-hidden="true">
        <span className="balance-swatch balance-bar-gives" /> {t('balance.gives')}{' '}
        <span className="balance-swatch balance-bar-gets" /> {t('balance.realised')}{' '}
        <span className="balance-swatch balance-bar-expected" /> {t('balance.expected')}
      </p>
      <TableWrap labelledBy="balance-table-caption">
        <table>
          <caption id="balance-table-caption">{t('balance.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('balance.member')}</th>
              <th scope="col">{t('balance.gives')}</th>
              <th scope="col">%</th>
              <th scope="col">{t('alliance.item.hours')}</th>
              <th scope="col">{t('balance.expected')}</th>
              <th scope="col">%</th>
              <th scope="col">{t('balance.realised')}</th>
              <th scope="col">%</th>
            </tr>
          </thead>
          <tbody>
            {data.members.map((m) => (
              <tr key={m.actorId}>
                <th scope="row">
                  {m.name}
                  {m.warnings.length ? (
                    <span className="small block balance-cell-warning">
                      {m.warnings.map((w) => t(`balance.${w}`, { name: '' }).trim()).join(' · ')}
                    </span>
                  ) : null}
                </th>
                <td className="num">{formatEuros(m.given)}</td>
                <td className="num">{pct(m.givenShare)}</td>
                <td className="num">{formatNumber(m.hours)}</td>
                <td className="num">{formatEuros(m.expected)}</td>
                <td className="num">{pct(m.expectedShare)}</td>
                <td className="num">{formatEuros(m.realised)}</td>
                <td className="num">{pct(m.realisedShare)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('balance.total')}</th>
              <td className="num">{formatEuros(data.totals.given)}</td>
              <td />
              <td className="num">{formatNumber(data.totals.hours)}</td>
              <td className="num">{formatEuros(data.totals.expected)}</td>
              <td />
              <td className="num">{formatEuros(data.totals.realised)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </TableWrap>
    </>
  );
}
