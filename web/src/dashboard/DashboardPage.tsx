import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { ChartFilter } from '../../../src/modules/dashboard/charts';
import { dashboardRoutes } from '../../../src/modules/dashboard/contract';
import { programmeRoutes } from '../../../src/modules/programmes/contract';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { ApiErrorAlert, Loading } from '../ui/feedback';
import { usePageTitle } from '../ui/usePageTitle';
import { useUrlFilters } from '../ui/useUrlFilters';
import { Charts } from './DashboardCharts';
import { FiguresStatus, Filters, param } from './DashboardFilters';
import { KeyFigures } from './KeyFigures';
import './dashboard.css';

/**
 * The programme's dashboard: key figures, charts that filter each other (a click on a territory, a year or a phase
 * sets that filter), and the map of the communes. Readers see every figure; `audience="public"` shows the public
 * figures (published partnerships and alliances, no person) to anyone.
 */
export function DashboardPage({ audience }: { audience: 'readers' | 'public' }) {
  const { t } = useI18n();
  const title = audience === 'public' ? t('dashboard.publicTitle') : t('dashboard.title');
  usePageTitle(title);
  const { params, setParams } = useUrlFilters();
  const programmes = useApiQuery(programmeRoutes.list, {});
  // Another programme has other territories and phases (and maybe years): its filters start afresh, else they would
  // name another programme's territory or phase (a 422).
  const switchProgramme = (id: string) => {
    const next = new URLSearchParams(params);
    for (const key of [param.territoryId, param.phaseId, param.year]) next.delete(key);
    next.set(param.programme, id);
    setParams(next);
  };
  const items = programmes.data?.items ?? [];
  const programme = items.find((p) => p.id === params.get(param.programme)) ?? items[0];
  return (
    <div className="dashboard-page">
      <h1>{title}</h1>
      <p className="muted">{audience === 'public' ? t('dashboard.publicIntro') : t('dashboard.intro')}</p>
      {audience === 'readers' ? (
        <p>
          <Link to="/tableau-de-bord/public">{t('dashboard.publicLink')}</Link>
        </p>
      ) : null}
      {programmes.error ? <ApiErrorAlert error={programmes.error} /> : null}
      {!programmes.data && !programmes.error ? <Loading /> : null}
      {programmes.data && !programme ? <p className="empty-state">{t('dashboard.noProgramme')}</p> : null}
      {programme ? (
        <>
          {items.length > 1 ? (
            <label className="dashboard-programme">
              {t('dashboard.programme')}{' '}
              <select value={programme.id} onChange={(e) => switchProgramme(e.target.value)}>
                {items.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <ProgrammeDashboard key={programme.id} programmeId={programme.id} audience={audience} />
        </>
      ) : null}
    </div>
  );
}

const uuidParam = (v: string | null) => (v && /^[0-9a-f-]{36}$/i.test(v) ? v : undefined);
const yearParam = (v: string | null) => (v && /^\d{4}$/.test(v) ? Number(v) : undefined);

function ProgrammeDashboard({ programmeId, audience }: { programmeId: string; audience: 'readers' | 'public' }) {
  const { t } = useI18n();
  const { params, setParams, setFilter } = useUrlFilters();
  const query = {
    territoryId: uuidParam(params.get(param.territoryId)),
    phaseId: uuidParam(params.get(param.phaseId)),
    year: yearParam(params.get(param.year)),
  };
  const route = audience === 'public' ? dashboardRoutes.getPublic : dashboardRoutes.get;
  const board = useApiQuery(route, { params: { id: programmeId }, query });
  const select = (filter: ChartFilter) => {
    const next = new URLSearchParams(params);
    if (filter.territoryId) next.set(param.territoryId, filter.territoryId);
    if (filter.phaseId) next.set(param.phaseId, filter.phaseId);
    if (filter.year) next.set(param.year, String(filter.year));
    setParams(next);
  };
  const clearAll = () => {
    const next = new URLSearchParams(params);
    for (const key of [param.territoryId, param.phaseId, param.year]) next.delete(key);
    setParams(next);
  };
  const data = board.data;
  const filtersRef = useRef<HTMLFieldSetElement>(null);
  const chipsRef = useRef<HTMLUListElement>(null);
  // A filter's button (a chip, a table's category) may vanish with the new figures: focus then goes to the chips (or
  // the filters), not lost on the page's body.
  useEffect(() => {
    if (!data) return;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    (chipsRef.current ?? filtersRef.current)?.focus();
  }, [data]);
  return (
    <>
      {board.error ? <ApiErrorAlert error={board.error} /> : null}
      {!data && !board.error ? <Loading label={t('dashboard.loading')} /> : null}
      {data ? (
        <div className={board.loading ? 'dashboard-body stale' : 'dashboard-body'} aria-busy={board.loading}>
          <Filters data={data} onChange={setFilter} onClearAll={clearAll} filtersRef={filtersRef} chipsRef={chipsRef} />
          <FiguresStatus data={data} />
          {audience === 'public' ? <p className="muted">{t('dashboard.publicNotice')}</p> : null}
          <KeyFigures data={data} />
          <Charts data={data} onSelect={select} />
        </div>
      ) : null}
    </>
  );
}
