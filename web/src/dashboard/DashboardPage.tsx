import type { EChartsOption } from 'echarts';
import { lazy, type RefObject, Suspense, useEffect, useId, useMemo, useRef } from 'react';
import { Link } from 'react-router';
import {
  alliancesChart,
  type ChartContext,
  type ChartFilter,
  type ChartText,
  directoryChart,
  evaluationChart,
  eventsByKindChart,
  eventsByPhaseChart,
  eventsByYearChart,
  fundingChart,
  participantsChart,
  partnershipsByPhaseChart,
  partnershipsByStepChart,
  partnershipsByYearChart,
  sdgsChart,
  volunteersChart,
} from '../../../src/modules/dashboard/charts';
import { dashboardRoutes } from '../../../src/modules/dashboard/contract';
import type { Dashboard } from '../../../src/modules/dashboard/figures';
import { programmeRoutes } from '../../../src/modules/programmes/contract';
import { useApiQuery } from '../api/useApi';
import { type MessageKey, useI18n } from '../i18n';
import { ApiErrorAlert, Loading } from '../ui/feedback';
import { TableWrap } from '../ui/TableWrap';
import { usePageTitle } from '../ui/usePageTitle';
import { useUrlFilters } from '../ui/useUrlFilters';
import { ChartCard } from './Chart';
import './dashboard.css';

const DashboardMap = lazy(() => import('./DashboardMap'));

/** The address's filter names (French, like the rest of the app's addresses). */
const param = { programme: 'programme', territoryId: 'territoire', phaseId: 'phase', year: 'annee' } as const;

/** The words and formats of the charts: the app's, with euros rounded (a chart is read at a glance). */
function useChartText(): ChartText {
  const { t, formatNumber, locale } = useI18n();
  return useMemo(() => {
    const euros = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      style: 'currency',
      currency: 'EUR',
      maximumFractionDigits: 0,
    });
    return { locale, t, formatNumber, formatEuros: (n: number) => euros.format(n) };
  }, [t, formatNumber, locale]);
}

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

/** The filters applied, then a few key figures: said politely by screen readers once new figures are shown. */
function FiguresStatus({ data }: { data: Dashboard }) {
  const { t, formatNumber } = useI18n();
  const chips = filterLabels(data, t);
  const k = data.keyFigures;
  return (
    <p className="visually-hidden" role="status" aria-live="polite" data-testid="dashboard-status">
      {t('dashboard.status', {
        filters: chips.length ? chips.map((c) => c.label).join(', ') : t('dashboard.noFilter'),
        partnerships: formatNumber(k.partnerships),
        events: formatNumber(k.eventsHeld),
        attendance: formatNumber(k.attendance),
      })}
    </p>
  );
}

/** The active filters' chips: the key of the address they clear, and what they say. */
function filterLabels(data: Dashboard, t: ReturnType<typeof useI18n>['t']) {
  const territory = data.territories.find((tr) => tr.id !== null && tr.id === data.filters.territoryId);
  const phase = data.phases.find((ph) => ph.id === data.filters.phaseId);
  return [
    territory
      ? {
          key: param.territoryId,
          label: t('dashboard.chip', { name: t('dashboard.territory'), value: territory.name }),
        }
      : null,
    phase
      ? { key: param.phaseId, label: t('dashboard.chip', { name: t('dashboard.phase'), value: phase.name }) }
      : null,
    data.filters.year
      ? { key: param.year, label: t('dashboard.chip', { name: t('dashboard.year'), value: data.filters.year }) }
      : null,
  ].filter((c) => c !== null);
}

function Filters({
  data,
  onChange,
  onClearAll,
  filtersRef,
  chipsRef,
}: {
  data: Dashboard;
  onChange: (key: string, value: string) => void;
  onClearAll: () => void;
  filtersRef: RefObject<HTMLFieldSetElement | null>;
  chipsRef: RefObject<HTMLUListElement | null>;
}) {
  const { t } = useI18n();
  const territories = data.territories.filter((tr) => tr.id !== null);
  const chips = filterLabels(data, t);
  return (
    <>
      <fieldset className="dashboard-filters" ref={filtersRef} tabIndex={-1}>
        <legend>{t('dashboard.filters')}</legend>
        <label>
          {t('dashboard.territory')}
          <select value={data.filters.territoryId ?? ''} onChange={(e) => onChange(param.territoryId, e.target.value)}>
            <option value="">{t('dashboard.all')}</option>
            {territories.map((tr) => (
              <option key={tr.id} value={tr.id ?? ''}>
                {tr.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dashboard.phase')}
          <select value={data.filters.phaseId ?? ''} onChange={(e) => onChange(param.phaseId, e.target.value)}>
            <option value="">{t('dashboard.allFem')}</option>
            {data.phases.map((ph) => (
              <option key={ph.id} value={ph.id}>
                {ph.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dashboard.year')}
          <select value={data.filters.year ?? ''} onChange={(e) => onChange(param.year, e.target.value)}>
            <option value="">{t('dashboard.allFem')}</option>
            {data.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      {chips.length ? (
        <ul className="active-filters" aria-label={t('dashboard.activeFilters')} ref={chipsRef} tabIndex={-1}>
          {chips.map((c) => (
            <li key={c.key}>
              <button
                type="button"
                className="active-filter"
                aria-label={t('dashboard.removeFilter', { label: c.label })}
                onClick={() => onChange(c.key, '')}
              >
                {c.label}
                <span aria-hidden="true"> ×</span>
              </button>
            </li>
          ))}
          {chips.length > 1 ? (
            <li>
              <button type="button" className="link-button" onClick={onClearAll}>
                {t('dashboard.clearFilters')}
              </button>
            </li>
          ) : null}
        </ul>
      ) : null}
    </>
  );
}

function KeyFigures({ data }: { data: Dashboard }) {
  const { t, formatNumber, formatEuros } = useChartText();
  const k = data.keyFigures;
  const figures: [string, string][] = [
    ['participants', formatNumber(k.participants)],
    ['directoryActors', formatNumber(k.directoryActors)],
    ['partnerships', formatNumber(k.partnerships)],
    ['alliances', formatNumber(k.alliances)],
    ['eventsHeld', formatNumber(k.eventsHeld)],
    ['attendance', formatNumber(k.attendance)],
    ['fundingSecured', formatEuros(k.fundingSecured)],
    ['volunteerValue', formatEuros(k.volunteerValue)],
    ['averageScore', k.averageScore === null ? '—' : `${formatNumber(k.averageScore)}\u202f/\u202f100`],
  ];
  return (
    <dl className="key-figures">
      {figures.map(([key, value]) => (
        <div key={key} className="key-figure" data-key-figure={key}>
          <dt>{t(`dashboard.key.${key}`)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A chart card of the grid: its chart, the axis of its data table, whether a click filters, its note. */
interface CardSpec {
  name: string;
  title: MessageKey;
  axis: MessageKey;
  option: EChartsOption;
  filters?: boolean;
  note?: string;
  emptyText?: string;
  wide?: boolean;
}

function Charts({ data, onSelect }: { data: Dashboard; onSelect: (f: ChartFilter) => void }) {
  const { t, formatNumber } = useI18n();
  const text = useChartText();
  // One option per chart per figures: a re-render (a tooltip, a loading flag) must not redraw every chart.
  const cards = useMemo((): CardSpec[] => {
    // Users who ask for reduced motion get the charts drawn at once.
    const ctx: ChartContext = { text, animation: !matchMedia('(prefers-reduced-motion: reduce)').matches };
    const budget = data.funding.budget;
    return [
      {
        name: 'participants',
        title: 'dashboard.chart.participants',
        axis: 'dashboard.axis.territory',
        option: participantsChart(data.actors, data.territories, ctx),
        filters: true,
      },
      {
        name: 'directory',
        title: 'dashboard.chart.directory',
        axis: 'dashboard.axis.family',
        option: directoryChart(data.actors, ctx),
      },
      {
        name: 'partnershipsByStep',
        title: 'dashboard.chart.partnershipsByStep',
        axis: 'dashboard.axis.step',
        option: partnershipsByStepChart(data.partnerships, ctx),
      },
      {
        name: 'partnershipsByYear',
        title: 'dashboard.chart.partnershipsByYear',
        axis: 'dashboard.axis.year',
        option: partnershipsByYearChart(data.partnerships, ctx),
        filters: true,
      },
      {
        name: 'partnershipsByPhase',
        title: 'dashboard.chart.partnershipsByPhase',
        axis: 'dashboard.axis.phase',
        option: partnershipsByPhaseChart(data.partnerships, data.phases, ctx),
        filters: true,
      },
      {
        name: 'alliances',
        title: 'dashboard.chart.alliances',
        axis: 'dashboard.axis.status',
        option: alliancesChart(data.alliances, ctx),
        ...(data.alliances.averageMembers === null
          ? {}
          : { note: t('dashboard.averageMembers', { count: formatNumber(data.alliances.averageMembers) }) }),
      },
      {
        name: 'eventsByYear',
        title: 'dashboard.chart.eventsByYear',
        axis: 'dashboard.axis.year',
        option: eventsByYearChart(data.events, ctx),
        filters: true,
      },
      {
        name: 'eventsByPhase',
        title: 'dashboard.chart.eventsByPhase',
        axis: 'dashboard.axis.phase',
        option: eventsByPhaseChart(data.events, data.phases, ctx),
        filters: true,
      },
      {
        name: 'eventsByKind',
        title: 'dashboard.chart.eventsByKind',
        axis: 'dashboard.axis.kind',
        option: eventsByKindChart(data.events, ctx),
      },
      {
        name: 'funding',
        title: budget ? 'dashboard.chart.funding' : 'dashboard.chart.fundingPublic',
        axis: 'dashboard.axis.year',
        option: fundingChart(data.funding, ctx),
        filters: true,
        ...(budget
          ? {
              note: t('dashboard.budget', {
                forecast: text.formatEuros(budget.forecast),
                funded: text.formatEuros(budget.funded),
                expected: text.formatEuros(budget.expected),
                remaining: text.formatEuros(budget.remaining),
              }),
            }
          : {}),
      },
      {
        name: 'volunteers',
        title: 'dashboard.chart.volunteers',
        axis: 'dashboard.axis.year',
        option: volunteersChart(data.volunteers, ctx),
        filters: true,
      },
      {
        name: 'evaluation',
        title: 'dashboard.chart.evaluation',
        axis: 'dashboard.axis.dimension',
        option: evaluationChart(data.evaluation, ctx),
        ...(data.audience === 'public' ? { emptyText: t('dashboard.evaluationTooFew') } : {}),
      },
      {
        name: 'sdgs',
        title: 'dashboard.chart.sdgs',
        axis: 'dashboard.axis.sdg',
        option: sdgsChart(data.sdgs, ctx),
        note: t('dashboard.sdgsCovered', { count: data.sdgs.covered }),
        wide: true,
      },
    ];
  }, [data, text, t, formatNumber]);
  return (
    <div className="dashboard-grid">
      {cards.map(({ name, title, axis, option, filters, note, emptyText, wide }) => (
        <ChartCard
          key={name}
          name={name}
          title={t(title)}
          categoryHead={t(axis)}
          option={option}
          {...(filters ? { onSelect } : {})}
          {...(note === undefined ? {} : { note })}
          {...(emptyText === undefined ? {} : { emptyText })}
          {...(wide ? { wide } : {})}
        />
      ))}
      <MapCard data={data} />
    </div>
  );
}

function MapCard({ data }: { data: Dashboard }) {
  const { t, formatNumber } = useI18n();
  const headingId = useId();
  const communes = data.map.communes;
  return (
    <section
      className="dashboard-card dashboard-card-wide"
      aria-labelledby={headingId}
      data-chart="map"
      data-rows={JSON.stringify(communes.map((c) => [c.name, c.actors, c.partnerships, c.events]))}
    >
      <h2 id={headingId}>{t('dashboard.chart.map')}</h2>
      <p className="muted dashboard-note">{t('dashboard.mapHint')}</p>
      <div className="dashboard-map-box">
        <Suspense fallback={<Loading />}>
          <DashboardMap communes={communes} />
        </Suspense>
      </div>
      {communes.length === 0 ? <p className="empty-state dashboard-empty">{t('dashboard.empty')}</p> : null}
      <details className="dashboard-data">
        <summary>{t('dashboard.showData')}</summary>
        <TableWrap labelledBy={headingId}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.axis.commune')}</th>
                <th scope="col">{t('dashboard.series.actors')}</th>
                <th scope="col">{t('dashboard.series.partnerships')}</th>
                <th scope="col">{t('dashboard.series.events')}</th>
              </tr>
            </thead>
            <tbody>
              {communes.map((c) => (
                <tr key={c.code}>
                  <th scope="row">{c.name}</th>
                  <td className="number">{formatNumber(c.actors)}</td>
                  <td className="number">{formatNumber(c.partnerships)}</td>
                  <td className="number">{formatNumber(c.events)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </details>
    </section>
  );
}
