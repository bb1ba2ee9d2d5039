import { useState } from 'react';
import { Link } from 'react-router';
import { grantRoutes } from '../../../../src/modules/funding/grants/contract';
import { buildUrl } from '../../api/client';
import { useApiQuery } from '../../api/useApi';
import { isStaff, useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { Field } from '../../ui/Field';
import { ApiErrorAlert, Loading } from '../../ui/feedback';
import { Pagination } from '../../ui/Pagination';
import { SearchBar } from '../../ui/SearchBar';
import { TableWrap } from '../../ui/TableWrap';
import { usePageTitle } from '../../ui/usePageTitle';
import { useUrlFilters } from '../../ui/useUrlFilters';
import { FundingNav } from '../FundingNav';
import { ImportForm } from './ImportForm';
import { RecentImports } from './RecentImports';
import './grants.css';

const pageSize = 50;

/** The grants imported from SCDL files: staff import files; everyone who reads funding filters, totals, exports. */
export function GrantsPage() {
  const { t, tn, formatEuros, formatDate } = useI18n();
  const { role } = useSession();
  usePageTitle(t('grants.title'));
  const { params, setFilter, page, pageHref, goToPage } = useUrlFilters();
  const filters = {
    attributor: params.get('attribuant') ?? undefined,
    year: Number(params.get('annee')) || undefined,
    q: params.get('q') ?? undefined,
  };
  const [text, setText] = useState(filters.q ?? '');
  const list = useApiQuery(grantRoutes.listGrants, { query: { ...filters, page, pageSize } });
  const data = list.data;

  return (
    <div className="funding-page grants-page">
      <h1>{t('grants.title')}</h1>
      <p className="tagline">{t('grants.intro')}</p>
      <FundingNav />
      {isStaff(role) ? (
        <div className="grants-top">
          <ImportForm />
          <RecentImports />
        </div>
      ) : null}

      <SearchBar
        id="grants-q"
        label={t('grants.filter.q')}
        placeholder={t('grants.filter.q')}
        buttonLabel={t('grants.filter.search')}
        value={text}
        onChange={setText}
        onSearch={() => setFilter('q', text.trim())}
      />
      <form className="card funding-filters" aria-label={t('grants.filter.title')} onSubmit={(e) => e.preventDefault()}>
        <Field id="grants-attributor" label={t('grants.filter.attributor')}>
          {(control) => (
            <select
              {...control}
              value={filters.attributor ?? ''}
              onChange={(e) => setFilter('attribuant', e.target.value)}
            >
              <option value="">{t('grants.filter.any')}</option>
              {(data?.attributors ?? []).map((a) => (
                <option key={a.siret} value={a.siret}>
                  {a.name} ({a.count})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="grants-year" label={t('grants.filter.year')}>
          {(control) => (
            <select {...control} value={filters.year ?? ''} onChange={(e) => setFilter('annee', e.target.value)}>
              <option value="">{t('grants.filter.anyYear')}</option>
              {(data?.years ?? []).map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          )}
        </Field>
      </form>

      {list.error ? <ApiErrorAlert error={list.error} /> : null}
      {!data && list.loading ? <Loading /> : null}
      {data ? (
        <section aria-labelledby="grants-results">
          <div className="grants-results-head">
            <h2 id="grants-results" className="results-count">
              {tn('grants.list.count', data.total)}
            </h2>
            {data.total > data.incomplete.total ? (
              <a className="button" href={buildUrl(grantRoutes.exportGrants.path, undefined, filters)} download>
                {t('grants.export')}
              </a>
            ) : null}
          </div>
          {data.incomplete.total > 0 ? (
            <p className="notice" role="note">
              {tn('grants.export.excluded', data.incomplete.total, {
                missing: data.incomplete.missing.map((m) => lowerFirst(m.title)).join(', '),
              })}
            </p>
          ) : null}
          {data.items.length === 0 ? (
            <p className="muted">{t('grants.list.empty')}</p>
          ) : (
            <TableWrap labelledBy="grants-results">
              <table className="funding-table grants-table">
                <thead>
                  <tr>
                    <th scope="col">{t('grants.col.date')}</th>
                    <th scope="col">{t('grants.col.attributor')}</th>
                    <th scope="col">{t('grants.col.beneficiary')}</th>
                    <th scope="col">{t('grants.col.object')}</th>
                    <th scope="col" className="num">
                      {t('grants.col.amount')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((g) => (
                    <tr key={g.id}>
                      <td>{formatDate(g.conventionOn)}</td>
                      <td>
                        <ActorName name={g.attributorName} actorId={g.attributorActorId} />
                      </td>
                      <th scope="row">
                        <ActorName name={g.beneficiaryName} actorId={g.beneficiaryActorId} />
                        <span className="muted small grants-id">{g.beneficiarySiret ?? g.beneficiaryRna}</span>
                      </th>
                      <td className="grants-object">{g.object}</td>
                      <td className="num">{g.amount === null ? '—' : formatEuros(g.amount)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row" colSpan={4}>
                      {t('grants.list.total')}
                    </th>
                    <td className="num">{formatEuros(data.totalAmount)}</td>
                  </tr>
                </tfoot>
              </table>
            </TableWrap>
          )}
          <Pagination page={page} pages={Math.ceil(data.total / pageSize)} onPage={goToPage} hrefFor={pageHref} />
        </section>
      ) : null}
    </div>
  );
}

/** A schema field's French title inside a sentence: « Date ou période de versement » → « date ou période… ». */
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** An organisation's name, linked to its page when the directory holds it. */
function ActorName({ name, actorId }: { name: string; actorId: string | null }) {
  const { t } = useI18n();
  if (!actorId) return <>{name}</>;
  return (
    <Link to={`/acteurs/${actorId}`} title={t('grants.inDirectory')}>
      {name}
    </Link>
  );
}
