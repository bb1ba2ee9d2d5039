import { Link, useParams } from 'react-router';
import { fieldMessage } from '../../../../src/http/messages';
import { grantRoutes, type ScdlIssueView } from '../../../../src/modules/funding/grants/contract';
import {
  codeLabel,
  outcomeLabel,
  type ScdlOutcome,
  scdlOutcomes,
} from '../../../../src/modules/funding/grants/outcome';
import { buildUrl } from '../../api/client';
import { useApiQuery } from '../../api/useApi';
import { useI18n } from '../../i18n';
import { Field } from '../../ui/Field';
import { Alert, ApiErrorAlert, Loading } from '../../ui/feedback';
import { Pagination } from '../../ui/Pagination';
import { TableWrap } from '../../ui/TableWrap';
import { usePageTitle } from '../../ui/usePageTitle';
import { useUrlFilters } from '../../ui/useUrlFilters';
import { FundingNav } from '../FundingNav';
import './grants.css';

const pageSize = 50;

/** An import's report: its counts, its findings by column, then line by line with filters, and the CSV. */
export function ImportReportPage() {
  const { id = '' } = useParams();
  const { t, tn, formatDateTime, formatNumber, locale } = useI18n();
  const { params, setFilter, page, pageHref, goToPage } = useUrlFilters();
  const outcome = (params.get('resultat') ?? '') as ScdlOutcome | '';
  const column = params.get('colonne') ?? '';
  const report = useApiQuery(grantRoutes.importReport, {
    params: { id },
    query: { page, pageSize, outcome: outcome || undefined, column: column || undefined },
  });
  const data = report.data;
  usePageTitle(data ? t('grants.report.title', { file: data.import.fileName }) : undefined);

  if (report.error && !data) {
    return (
      <div className="funding-page">
        <h1>{t('grants.report.notFound')}</h1>
        <ApiErrorAlert error={report.error} />
        <Link to="/financements/subventions">{t('grants.report.back')}</Link>
      </div>
    );
  }
  if (!data) return <Loading />;
  const i = data.import;
  const known = i.rows - i.imported - i.rejected;
  const columns = [...new Set(data.summary.map((s) => s.column).filter((c) => c !== null))].sort();
  const counts: [string, number][] = [
    ['grants.report.rows', i.rows],
    ['grants.report.imported', i.imported],
    ['grants.report.known', known],
    ['grants.report.rejected', i.rejected],
    ['grants.report.errors', i.errors],
    ['grants.report.warnings', i.warnings],
  ];
  return (
    <div className="funding-page grants-page">
      <nav aria-label={t('grants.report.back')} className="breadcrumb">
        <Link to="/financements/subventions">{t('grants.report.back')}</Link>
      </nav>
      <h1>{t('grants.report.title', { file: i.fileName })}</h1>
      <FundingNav />
      <p className="muted">
        {t('grants.report.when', {
          date: formatDateTime(i.importedAt),
          delimiter: i.delimiter,
          encoding: i.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252',
        })}
      </p>
      <dl className="grants-counters">
        {counts.map(([key, n]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd>{formatNumber(n)}</dd>
          </div>
        ))}
      </dl>
      {i.imported === 0 && i.rejected === i.rows ? <Alert kind="warning">{t('grants.report.nothing')}</Alert> : null}
      {i.imported === 0 && i.rows > 0 && known === i.rows - i.rejected && i.rejected < i.rows ? (
        <p className="notice" role="note">
          {t('grants.report.allKnown')}
        </p>
      ) : null}
      {data.summary.length === 0 ? (
        <p className="notice">{t('grants.report.clean')}</p>
      ) : (
        <>
          <Summary summary={data.summary} />
          <section aria-labelledby="grants-issues-heading">
            <div className="page-head">
              <h2 id="grants-issues-heading">{t('grants.report.issues')}</h2>
              <a href={buildUrl(grantRoutes.importIssuesCsv.path, { id })} download>
                {t('grants.report.csv')}
              </a>
            </div>
            <form
              className="funding-filters"
              aria-label={t('grants.report.issues')}
              onSubmit={(e) => e.preventDefault()}
            >
              <Field id="issues-outcome" label={t('grants.report.filter.outcome')}>
                {(control) => (
                  <select {...control} value={outcome} onChange={(e) => setFilter('resultat', e.target.value)}>
                    <option value="">{t('grants.report.filter.allOutcomes')}</option>
                    {scdlOutcomes.map((o) => (
                      <option key={o} value={o}>
                        {outcomeLabel(o, locale)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id="issues-column" label={t('grants.report.filter.column')}>
                {(control) => (
                  <select {...control} value={column} onChange={(e) => setFilter('colonne', e.target.value)}>
                    <option value="">{t('grants.report.filter.all')}</option>
                    {columns.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </form>
            <p role="status" className="results-count">
              {tn('grants.report.count', data.issues.total)}
            </p>
            {data.issues.items.length === 0 ? (
              <p className="muted">{t('grants.report.none')}</p>
            ) : (
              <IssuesTable items={data.issues.items} />
            )}
            <Pagination
              page={page}
              pages={Math.ceil(data.issues.total / pageSize)}
              onPage={goToPage}
              hrefFor={pageHref}
            />
          </section>
        </>
      )}
    </div>
  );
}

/** What the import did about a finding: « Non conforme — ligne refusée », « … corrigé à l’import »… */
function OutcomeText({ outcome }: { outcome: ScdlOutcome }) {
  const { locale } = useI18n();
  return <span className={`grants-outcome grants-outcome-${outcome}`}>{outcomeLabel(outcome, locale)}</span>;
}

function Summary({
  summary,
}: {
  summary: { outcome: ScdlOutcome; column: string | null; code: string; count: number }[];
}) {
  const { t, formatNumber, locale } = useI18n();
  return (
    <section aria-labelledby="grants-summary-heading">
      <h2 id="grants-summary-heading">{t('grants.report.summary')}</h2>
      <TableWrap labelledBy="grants-summary-heading">
        <table className="funding-table grants-summary">
          <thead>
            <tr>
              <th scope="col">{t('grants.report.col.outcome')}</th>
              <th scope="col">{t('grants.report.col.column')}</th>
              <th scope="col">{t('grants.report.col.code')}</th>
              <th scope="col" className="num">
                {t('grants.report.col.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.map((s) => (
              <tr key={`${s.outcome} ${s.column} ${s.code}`}>
                <td>
                  <OutcomeText outcome={s.outcome} />
                </td>
                <td className="mono">{s.column ?? t('grants.report.file')}</td>
                <td>{codeLabel(s.code, locale)}</td>
                <td className="num">{formatNumber(s.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

function IssuesTable({ items }: { items: ScdlIssueView[] }) {
  const { t, locale } = useI18n();
  return (
    <TableWrap labelledBy="grants-issues-heading">
      <table className="funding-table grants-issues">
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('grants.report.col.line')}
            </th>
            <th scope="col">{t('grants.report.col.column')}</th>
            <th scope="col">{t('grants.report.col.outcome')}</th>
            <th scope="col">{t('grants.report.col.value')}</th>
            <th scope="col">{t('grants.report.col.message')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((issue) => (
            <tr key={issue.id}>
              <td className="num">{issue.line ?? '—'}</td>
              <td className="mono">{issue.column ?? '—'}</td>
              <td>
                <OutcomeText outcome={issue.outcome} />
              </td>
              <td className="mono grants-value">{issue.value ?? ''}</td>
              <td>{locale === 'fr' ? issue.message : fieldMessage(issue.messageCode, 'en', issue.params)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
