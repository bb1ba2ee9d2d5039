import { Link } from 'react-router';
import { applicationRoutes } from '../../../../src/modules/funding/applications/contract';
import { type ApplicationStatus, applicationStatuses } from '../../../../src/modules/funding/vocabulary';
import { useApiQuery } from '../../api/useApi';
import { isStaff, useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { ExportLinks } from '../../ui/export/ExportLinks';
import { Field } from '../../ui/Field';
import { ApiErrorAlert, Loading } from '../../ui/feedback';
import { TableWrap } from '../../ui/TableWrap';
import { usePageTitle } from '../../ui/usePageTitle';
import { useUrlFilters } from '../../ui/useUrlFilters';
import { FundingNav } from '../FundingNav';
import { ApplicationStatusText, useTargetText } from './parts';

/** The filters the address may carry (links from a call, a programme, a project or a partnership). */
const idFilters = ['funder', 'call', 'programme', 'territory', 'project', 'partnership'] as const;

/**
 * The funding applications, for staff and observers: filters, a table and its totals. A member sees, read-only, those
 * of its organisation's projects and partnerships (the server filters them, totals included).
 */
export function ApplicationListPage() {
  const { t, tn, formatEuros } = useI18n();
  const { role } = useSession();
  const member = role === 'member';
  const target = useTargetText();
  usePageTitle(t('funding.app.list.title'));
  const { params, setFilter } = useUrlFilters();
  const year = Number(params.get('exercice')) || undefined;
  const status = params.get('statut') ?? '';
  const query = {
    status: status ? [status as ApplicationStatus] : [],
    year,
    ...Object.fromEntries(idFilters.flatMap((f) => (params.get(f) ? [[f, params.get(f)]] : []))),
  };
  const list = useApiQuery(applicationRoutes.list, { query });
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - 2015 + 2 }, (_, i) => thisYear + 1 - i);

  return (
    <div className="funding-page">
      <header className="page-head">
        <div>
          <h1>{t('funding.app.list.title')}</h1>
          <p className="tagline">{t(member ? 'funding.app.list.memberIntro' : 'funding.app.list.intro')}</p>
        </div>
        {isStaff(role) ? (
          <Link className="button" to="/financements/dossiers/nouveau">
            {t('funding.app.list.new')}
          </Link>
        ) : null}
      </header>
      <FundingNav />
      <form
        className="card funding-filters"
        aria-label={t('funding.app.filter.title')}
        onSubmit={(e) => e.preventDefault()}
      >
        <Field id="app-status" label={t('funding.app.filter.status')}>
          {(control) => (
            <select {...control} value={status} onChange={(e) => setFilter('statut', e.target.value)}>
              <option value="">{t('funding.app.filter.any')}</option>
              {applicationStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`funding.app.status.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="app-year" label={t('funding.app.filter.year')}>
          {(control) => (
            <select {...control} value={year ?? ''} onChange={(e) => setFilter('exercice', e.target.value)}>
              <option value="">{t('funding.app.filter.any')}</option>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          )}
        </Field>
      </form>

      {list.error ? <ApiErrorAlert error={list.error} /> : null}
      {!list.data && list.loading ? <Loading /> : null}
      {list.data ? (
        <section aria-labelledby="app-results">
          <h2 id="app-results" className="results-count">
            {tn('funding.app.list.count', list.data.items.length)}
          </h2>
          <ExportLinks routes={applicationRoutes.listExport} query={query} count={list.data.items.length} />
          {list.data.items.length === 0 ? (
            <p className="muted">
              {t(member && !status && !year ? 'funding.app.list.memberEmpty' : 'funding.app.list.empty')}
            </p>
          ) : (
            <TableWrap labelledBy="app-results">
              <table className="funding-table">
                <thead>
                  <tr>
                    <th scope="col">{t('funding.app.col.title')}</th>
                    <th scope="col">{t('funding.app.col.funder')}</th>
                    <th scope="col">{t('funding.app.col.target')}</th>
                    <th scope="col">{t('funding.app.col.year')}</th>
                    <th scope="col">{t('funding.app.col.status')}</th>
                    <th scope="col" className="num">
                      {t('funding.app.col.requested')}
                    </th>
                    <th scope="col" className="num">
                      {t('funding.app.col.granted')}
                    </th>
                    <th scope="col" className="num">
                      {t('funding.app.col.received')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((a) => (
                    <tr key={a.id}>
                      <th scope="row">
                        <Link to={`/financements/dossiers/${a.id}`}>{a.title}</Link>
                      </th>
                      <td>{a.funder.name}</td>
                      <td>{target(a)}</td>
                      <td>{a.year}</td>
                      <td>
                        <ApplicationStatusText status={a.status} />
                      </td>
                      <td className="num">{formatEuros(a.amountRequested)}</td>
                      <td className="num">{a.amountGranted === null ? '—' : formatEuros(a.amountGranted)}</td>
                      <td className="num">{formatEuros(a.amountReceived)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row" colSpan={5}>
                      {t('funding.app.total')}
                    </th>
                    <td className="num">{formatEuros(list.data.totals.requested)}</td>
                    <td className="num">{formatEuros(list.data.totals.granted)}</td>
                    <td className="num">{formatEuros(list.data.totals.received)}</td>
                  </tr>
                </tfoot>
              </table>
            </TableWrap>
          )}
        </section>
      ) : null}
    </div>
  );
}
