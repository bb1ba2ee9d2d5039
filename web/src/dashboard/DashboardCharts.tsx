import type { EChartsOption } from 'echarts';
import { lazy, Suspense, useId, useMemo } from 'react';
import {
  alliancesChart,
  type ChartContext,
  type ChartFilter,
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
import {
  dialogueByChallengeChart,
  dialogueByCommuneChart,
  dialogueByFamilyChart,
} from '../../../src/modules/dashboard/dialogue-charts';
import type { Dashboard } from '../../../src/modules/dashboard/figures';
import { type MessageKey, useI18n } from '../i18n';
import { Loading } from '../ui/feedback';
import { TableWrap } from '../ui/TableWrap';
import { ChartCard } from './Chart';
import { useChartText } from './chartText';

const DashboardMap = lazy(() => import('./DashboardMap'));

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

/** The territorial dialogue's charts: contributions by family, by commune, and per challenge (a territory's filters). */
function dialogueCards(
  data: Dashboard,
  ctx: ChartContext,
  t: ReturnType<typeof useI18n>['t'],
  formatNumber: (n: number) => string,
): CardSpec[] {
  const d = data.dialogue;
  const sum = (key: 'answered' | 'accepted' | 'converted') =>
    formatNumber(d.byChallenge.reduce((n, c) => n + c[key], 0));
  return [
    {
      name: 'dialogueByFamily',
      title: 'dashboard.chart.dialogueByFamily',
      axis: 'dashboard.axis.family',
      option: dialogueByFamilyChart(d, ctx),
      note: t('dashboard.dialogueParticipants', { participants: formatNumber(d.totals.participants) }),
    },
    {
      name: 'dialogueByCommune',
      title: 'dashboard.chart.dialogueByCommune',
      axis: 'dashboard.axis.commune',
      option: dialogueByCommuneChart(d, ctx),
    },
    {
      name: 'dialogueByChallenge',
      title: 'dashboard.chart.dialogueByChallenge',
      axis: 'dashboard.axis.challenge',
      option: dialogueByChallengeChart(d, ctx),
      filters: true,
      note: `${t('dashboard.dialogueAnswers', { answered: sum('answered'), accepted: sum('accepted'), converted: sum('converted') })} ${t('dashboard.dialogueHint')}`,
    },
  ];
}

/** Every chart of the dashboard, then the map; a click on a territory, a year or a phase filters them all. */
export function Charts({ data, onSelect }: { data: Dashboard; onSelect: (f: ChartFilter) => void }) {
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
      ...dialogueCards(data, ctx, t, formatNumber),
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
