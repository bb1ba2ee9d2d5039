// The dashboard's charts as pure ECharts options built from the figures (no DOM): the web app renders them in the
// browser, the annual review renders the same options to SVG on the server, so both look alike.
//
// Each bar or slice that stands for a territory, a year or a phase carries a `filter` in its data item: the web app
// reads it on click to filter the other charts (cross-filtering). `tableOf` turns any of these options into the rows of
// its accessible data table.

import type { EChartsOption } from 'echarts';
import { allianceStatuses } from '../alliances/vocabulary.js';
import type { EvaluationDimension } from '../evaluation/vocabulary.js';
import { evaluationDimensions } from '../evaluation/vocabulary.js';
import { eventKinds } from '../events/vocabulary.js';
import { partnershipModes, partnershipSteps } from '../partnerships/vocabulary.js';
import { actorFamilies } from '../reference/families.js';
import type {
  ActorsFigure,
  AlliancesFigure,
  EvaluationFigures,
  EventCounts,
  EventsFigure,
  FundingFigure,
  PartnershipsFigure,
  PhaseRef,
  SdgsFigure,
  TerritoryRef,
  VolunteersFigure,
} from './figures.js';

/** The words and number formats of a chart: the web app's `useI18n()` fits, `frenchText` (labels.ts) on the server. */
export interface ChartText {
  /** The language of the reference's own labels (SDGs): French unless told. */
  locale?: 'fr' | 'en';
  t(key: string, vars?: Record<string, string | number>): string;
  formatNumber(n: number): string;
  formatEuros(n: number): string;
}

export interface ChartContext {
  text: ChartText;
  /** false for server-side rendering (SVG for the PDF): no animation, the picture is final at once. */
  animation?: boolean;
}

/** What clicking an element of a chart filters the dashboard by. */
export interface ChartFilter {
  territoryId?: string;
  year?: number;
  phaseId?: string;
}

/** A data item of a series: its value, and the filter a click on it sets (if any). */
export interface ChartDatum {
  value: number;
  filter?: ChartFilter;
}

/** Colours that read on white and stay apart from one another (the app's brand first). */
export const palette = ['#165a72', '#a84c18', '#1e6b3a', '#6b4c9a', '#b8860b', '#2f7fa8', '#8a8f98', '#c0392b'];

const baseOption = (ctx: ChartContext): EChartsOption => ({
  animation: ctx.animation ?? true,
  color: palette,
  textStyle: { fontFamily: 'DejaVu Sans, system-ui, sans-serif' },
  grid: { left: 12, right: 16, top: 40, bottom: 8, containLabel: true },
  legend: { top: 0, type: 'scroll' },
  tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
});

export const datum = (value: number, filter?: ChartFilter): ChartDatum => (filter ? { value, filter } : { value });

export interface Bars {
  categories: string[];
  series: {
    name: string;
    data: ChartDatum[];
    stack?: string;
    type?: 'bar' | 'line';
    yAxisIndex?: number;
    /** Its values are euros (tooltip), whatever the chart's other series. */
    euros?: boolean;
  }[];
  /** Format of the values (axis and tooltip): plain numbers by default. */
  euros?: boolean;
  /** A second value axis (for line series with yAxisIndex 1), in euros or not. */
  secondAxis?: { euros: boolean };
  horizontal?: boolean;
}

/** A bar chart (stacked when the series share a stack), categories on x (or y when horizontal). */
export function barChart(ctx: ChartContext, bars: Bars): EChartsOption {
  const { text } = ctx;
  const format = (euros: boolean) => (v: number) => (euros ? text.formatEuros(v) : text.formatNumber(v));
  const category = {
    type: 'category' as const,
    data: bars.categories,
    // Long French labels: broken over lines under narrow columns, cut beside horizontal bars.
    axisLabel: bars.horizontal
      ? { interval: 0, width: 150, overflow: 'truncate' as const }
      : {
          interval: 0,
          width: Math.max(60, Math.min(120, 500 / Math.max(1, bars.categories.length))),
          overflow: 'break' as const,
          fontSize: 11,
          lineHeight: 13,
        },
  };
  const values = [
    { type: 'value' as const, minInterval: 1, axisLabel: { formatter: format(bars.euros ?? false) } },
    ...(bars.secondAxis
      ? [
          {
            type: 'value' as const,
            minInterval: 1,
            axisLabel: { formatter: format(bars.secondAxis.euros) },
            splitLine: { show: false },
          },
        ]
      : []),
  ];
  return {
    ...baseOption(ctx),
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => (typeof v === 'number' ? text.formatNumber(v) : String(v ?? '')),
    },
    xAxis: bars.horizontal ? values[0] : category,
    yAxis: bars.horizontal ? category : values,
    series: bars.series.map((s) => ({
      name: s.name,
      type: s.type ?? 'bar',
      ...(s.stack ? { stack: s.stack } : {}),
      ...(s.yAxisIndex ? { yAxisIndex: s.yAxisIndex } : {}),
      ...(s.euros
        ? { tooltip: { valueFormatter: (v: unknown) => (typeof v === 'number' ? text.formatEuros(v) : '') } }
        : {}),
      emphasis: { focus: 'series' as const },
      data: s.data as unknown as number[],
    })),
  };
}

/** A pie (ring) of labelled counts. */
function pieChart(
  ctx: ChartContext,
  name: string,
  slices: { name: string; value: number; color?: string; filter?: ChartFilter }[],
): EChartsOption {
  return {
    ...baseOption(ctx),
    tooltip: { trigger: 'item', valueFormatter: (v) => (typeof v === 'number' ? ctx.text.formatNumber(v) : '') },
    series: [
      {
        name,
        type: 'pie',
        radius: ['35%', '65%'],
        top: 30,
        label: { formatter: '{b} ({c})' },
        data: slices
          .filter((s) => s.value > 0)
          .map((s) => ({
            name: s.name,
            value: s.value,
            ...(s.color ? { itemStyle: { color: s.color } } : {}),
            ...(s.filter ? { filter: s.filter } : {}),
          })),
      },
    ],
  };
}

const yearsOf = (rows: { year: number }[]) => [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);

// ---------------------------------------------------------------------------------------------------------------------

/** Participants by territory (categories, click: territory) stacked by family. */
export function participantsChart(actors: ActorsFigure, territories: TerritoryRef[], ctx: ChartContext): EChartsOption {
  const { t } = ctx.text;
  const present = territories.filter((tr) => actors.participants.some((p) => p.territoryId === tr.id));
  const categories = present.map((tr) => (tr.id === null ? t('dashboard.programmeWide') : tr.name));
  const families = actorFamilies.filter((f) => actors.participants.some((p) => p.family === f));
  return barChart(ctx, {
    categories,
    series: families.map((family) => ({
      name: t(`family.${family}`),
      stack: 'participants',
      data: present.map((tr) =>
        datum(
          actors.participants.find((p) => p.family === family && p.territoryId === tr.id)?.count ?? 0,
          tr.id ? { territoryId: tr.id } : undefined,
        ),
      ),
    })),
  });
}

/** Actors of the directory in the area by family. */
export function directoryChart(actors: ActorsFigure, ctx: ChartContext): EChartsOption {
  return pieChart(
    ctx,
    ctx.text.t('dashboard.series.actors'),
    actorFamilies.map((family) => ({
      name: ctx.text.t(`family.${family}`),
      value: actors.directory.find((d) => d.family === family)?.count ?? 0,
    })),
  );
}

const modeSeries = <R extends { mode: string; count: number }>(
  ctx: ChartContext,
  rows: R[],
  categories: { match: (r: R) => boolean; filter?: ChartFilter }[],
) =>
  partnershipModes
    .filter((mode) => rows.some((r) => r.mode === mode))
    .map((mode) => ({
      name: ctx.text.t(`mode.${mode}`),
      stack: 'modes',
      data: categories.map((c) =>
        datum(
          rows.filter((r) => r.mode === mode && c.match(r)).reduce((n, r) => n + r.count, 0),
          c.filter,
        ),
      ),
    }));

/** Partnerships by step (the five steps in order) stacked by mode. */
export function partnershipsByStepChart(p: PartnershipsFigure, ctx: ChartContext): EChartsOption {
  return barChart(ctx, {
    categories: partnershipSteps.map((s) => ctx.text.t(`step.${s}`)),
    series: modeSeries(
      ctx,
      p.byModeAndStep,
      partnershipSteps.map((step) => ({ match: (r) => r.step === step })),
    ),
  });
}

/** Partnerships by year of start (click: year) stacked by mode. */
export function partnershipsByYearChart(p: PartnershipsFigure, ctx: ChartContext): EChartsOption {
  const years = yearsOf(p.byModeAndYear);
  return barChart(ctx, {
    categories: years.map(String),
    series: modeSeries(
      ctx,
      p.byModeAndYear,
      years.map((year) => ({ match: (r) => r.year === year, filter: { year } })),
    ),
  });
}

/** Partnerships by phase (click: phase) stacked by mode. */
export function partnershipsByPhaseChart(p: PartnershipsFigure, phases: PhaseRef[], ctx: ChartContext): EChartsOption {
  return barChart(ctx, {
    categories: phases.map((ph) => ph.name),
    series: modeSeries(
      ctx,
      p.byModeAndPhase,
      phases.map((ph) => ({ match: (r) => r.phaseId === ph.id, filter: { phaseId: ph.id } })),
    ),
  });
}

/** Alliances by status. */
export function alliancesChart(a: AlliancesFigure, ctx: ChartContext): EChartsOption {
  return pieChart(
    ctx,
    ctx.text.t('dashboard.series.alliances'),
    allianceStatuses.map((status) => ({
      name: ctx.text.t(`alliance.status.${status}`),
      value: a.byStatus.find((s) => s.status === status)?.count ?? 0,
    })),
  );
}

/** Events held (bars) and attendance (line, second axis) per category. */
function eventsChart(
  ctx: ChartContext,
  categories: string[],
  rows: (EventCounts & { filter?: ChartFilter })[],
): EChartsOption {
  const { t } = ctx.text;
  return barChart(ctx, {
    categories,
    secondAxis: { euros: false },
    series: [
      { name: t('dashboard.series.held'), data: rows.map((r) => datum(r.held, r.filter)) },
      {
        name: t('dashboard.series.attendance'),
        type: 'line',
        yAxisIndex: 1,
        data: rows.map((r) => datum(r.attendance, r.filter)),
      },
    ],
  });
}

/** Events held and attendance per year (click: year). */
export function eventsByYearChart(e: EventsFigure, ctx: ChartContext): EChartsOption {
  return eventsChart(
    ctx,
    e.byYear.map((r) => String(r.year)),
    e.byYear.map((r) => ({ ...r, filter: { year: r.year } })),
  );
}

/** Events held and attendance per phase (click: phase). */
export function eventsByPhaseChart(e: EventsFigure, phases: PhaseRef[], ctx: ChartContext): EChartsOption {
  const zero = { held: 0, attendance: 0 };
  return eventsChart(
    ctx,
    phases.map((ph) => ph.name),
    phases.map((ph) => ({ ...(e.byPhase.find((r) => r.phaseId === ph.id) ?? zero), filter: { phaseId: ph.id } })),
  );
}

/** Events held and attendance per kind of event. */
export function eventsByKindChart(e: EventsFigure, ctx: ChartContext): EChartsOption {
  const kinds = eventKinds.filter((k) => e.byKind.some((r) => r.kind === k));
  const zero = { held: 0, attendance: 0 };
  return eventsChart(
    ctx,
    kinds.map((k) => ctx.text.t(`event.kind.${k}`)),
    kinds.map((k) => e.byKind.find((r) => r.kind === k) ?? zero),
  );
}

/** Funding requested, secured and paid per budget year (click: year). */
export function fundingChart(f: FundingFigure, ctx: ChartContext): EChartsOption {
  const { t } = ctx.text;
  const filter = (year: number) => ({ year });
  const option = barChart(ctx, {
    categories: f.byYear.map((r) => String(r.year)),
    euros: true,
    // The public figures carry the secured amounts only (figures/funding.ts): no series for what is absent.
    series: (['requested', 'secured', 'paid'] as const)
      .filter((key) => f[key] !== undefined)
      .map((key) => ({
        name: t(`dashboard.series.${key}`),
        data: f.byYear.map((r) => datum(r[key] ?? 0, filter(r.year))),
      })),
  });
  return {
    ...option,
    tooltip: {
      ...(option.tooltip as object),
      valueFormatter: (v) => (typeof v === 'number' ? ctx.text.formatEuros(v) : ''),
    },
  };
}

/** Volunteer hours (bars) and their value in euros (line, second axis) per year (click: year). */
export function volunteersChart(v: VolunteersFigure, ctx: ChartContext): EChartsOption {
  const { t } = ctx.text;
  return barChart(ctx, {
    categories: v.byYear.map((r) => String(r.year)),
    secondAxis: { euros: true },
    series: [
      { name: t('dashboard.series.hours'), data: v.byYear.map((r) => datum(r.hours, { year: r.year })) },
      {
        name: t('dashboard.series.value'),
        type: 'line',
        yAxisIndex: 1,
        euros: true,
        data: v.byYear.map((r) => datum(r.value, { year: r.year })),
      },
    ],
  });
}

/** The evaluation's average score (0–100) per dimension. */
export function evaluationChart(ev: EvaluationFigures, ctx: ChartContext): EChartsOption {
  const { t } = ctx.text;
  // Horizontal bars are drawn bottom-up: reversed, they read top-down in the questionnaire's order.
  const dims = evaluationDimensions.filter((d: EvaluationDimension) => ev.dimensions[d] !== null).reverse();
  const option = barChart(ctx, {
    categories: dims.map((d) => t(`evaluation.dimension.${d}`)),
    horizontal: true,
    series: [{ name: t('dashboard.series.score'), data: dims.map((d) => datum(ev.dimensions[d] ?? 0)) }],
  });
  return { ...option, xAxis: { type: 'value', min: 0, max: 100 } };
}

/**
 * Actors, partnerships, projects and alliances per SDG covered (horizontal): « ODD 4 — Éducation de qualité », each
 * label after a square of its SDG's official colour.
 */
export function sdgsChart(s: SdgsFigure, ctx: ChartContext): EChartsOption {
  const { t, locale } = ctx.text;
  const covered = s.bySdg.filter((r) => r.actors + r.partnerships + r.projects + r.alliances > 0).reverse();
  const option = barChart(ctx, {
    categories: covered.map((r) =>
      t('dashboard.sdg', { number: r.number, label: locale === 'en' ? r.labelEn : r.labelFr }),
    ),
    horizontal: true,
    series: (['actors', 'partnerships', 'projects', 'alliances'] as const).map((key) => ({
      name: t(`dashboard.series.${key}`),
      stack: 'sdgs',
      data: covered.map((r) => datum(r[key])),
    })),
  });
  const category = option.yAxis as { axisLabel?: object };
  return {
    ...option,
    yAxis: {
      ...category,
      axisLabel: {
        ...category.axisLabel,
        width: 220,
        formatter: (value: string, index: number) => `{sdg${index}|■} ${value}`,
        rich: Object.fromEntries(covered.map((r, i) => [`sdg${i}`, { color: r.color, fontSize: 14 }])),
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------------

/** The rows of a chart's data table: a header (category, then one column per series) and one row per category. */
export interface ChartTable {
  head: string[];
  rows: (string | number)[][];
  /** Per row (same order, after any reversal): the filter a click on its category sets, if any. */
  filters: (ChartFilter | null)[];
}

const numberOfDatum = (d: unknown): number =>
  typeof d === 'number' ? d : d && typeof d === 'object' && 'value' in d ? Number((d as { value: unknown }).value) : 0;

/** The data of a bar, line or pie option as a table (for « Voir les données » and for tests). */
export function tableOf(option: EChartsOption, categoryHead: string): ChartTable {
  const series = (Array.isArray(option.series) ? option.series : option.series ? [option.series] : []) as {
    name?: string;
    type?: string;
    data?: unknown[];
  }[];
  if (series[0]?.type === 'pie') {
    const data = (series[0].data ?? []) as { name: string; value: number; filter?: ChartFilter }[];
    return {
      head: [categoryHead, series[0].name ?? ''],
      rows: data.map((d) => [d.name, d.value]),
      filters: data.map((d) => d.filter ?? null),
    };
  }
  const axes = [option.xAxis, option.yAxis].flat() as { type?: string; data?: unknown[] }[];
  const categories = (axes.find((a) => a?.type === 'category')?.data ?? []) as string[];
  const rows = categories.map((c, i) => ({
    cells: [c, ...series.map((s) => numberOfDatum(s.data?.[i]))],
    // The first series whose element of this category carries a filter.
    filter: series.map((s) => filterOfDatum(s.data?.[i])).find((f) => f !== null) ?? null,
  }));
  // A horizontal chart's categories go bottom-up: the table reads them as the eye does, top-down (filters with them).
  const horizontal = (Array.isArray(option.yAxis) ? option.yAxis[0] : option.yAxis)?.type === 'category';
  const ordered = horizontal ? rows.reverse() : rows;
  return {
    head: [categoryHead, ...series.map((s) => s.name ?? '')],
    rows: ordered.map((r) => r.cells),
    filters: ordered.map((r) => r.filter),
  };
}

/** The filter a clicked data item carries (ECharts' click params' `data`), if any. */
export function filterOfDatum(data: unknown): ChartFilter | null {
  if (data && typeof data === 'object' && 'filter' in data) return (data as { filter: ChartFilter }).filter;
  return null;
}
