// The territorial dialogue's charts (issue 9, point 5), beside the dashboard's others (charts.ts) and built alike:
// pure ECharts options, drawn by the web app and, as SVG, by the annual review.
import type { EChartsOption } from 'echarts';
import type { ContributionCounts, ParticipationFigures } from '../dialogue/figures.js';
import { contributionKinds } from '../dialogue/vocabulary.js';
import { actorFamilies } from '../reference/families.js';
import { barChart, type ChartContext, type ChartFilter, datum } from './charts.js';

/** The counts' field of each contribution kind, in the vocabulary's order (proposals first). */
const kindFields = {
  proposal: 'proposals',
  comment: 'comments',
  support: 'supports',
  pledge: 'pledges',
} as const satisfies Record<(typeof contributionKinds)[number], keyof ContributionCounts>;

/** One stacked series per kind of contribution over the rows (a category each). */
function kindSeries(ctx: ChartContext, rows: (ContributionCounts & { filter?: ChartFilter })[]) {
  return contributionKinds.map((kind) => ({
    name: ctx.text.t(`dashboard.series.${kindFields[kind]}`),
    stack: 'contributions',
    data: rows.map((r) => datum(r[kindFields[kind]], r.filter)),
  }));
}

/** Contributions by family of the contributor (citizens included), stacked by kind. */
export function dialogueByFamilyChart(d: ParticipationFigures, ctx: ChartContext): EChartsOption {
  const rows = actorFamilies.flatMap((family) => d.byFamily.filter((r) => r.family === family));
  return barChart(ctx, {
    categories: rows.map((r) => ctx.text.t(`family.${r.family}`)),
    series: kindSeries(ctx, rows),
  });
}

/**
 * Contributions per challenge (horizontal, top-down in the order the challenges were posted), stacked by kind; a
 * click on a territory's challenge filters the dashboard by that territory.
 */
export function dialogueByChallengeChart(d: ParticipationFigures, ctx: ChartContext): EChartsOption {
  // Horizontal bars are drawn bottom-up: reversed, they read top-down.
  const rows = [...d.byChallenge]
    .reverse()
    .map((c) => (c.territoryId ? { ...c, filter: { territoryId: c.territoryId } } : c));
  const option = barChart(ctx, {
    categories: rows.map((c) => c.title),
    horizontal: true,
    series: kindSeries(ctx, rows),
  });
  const category = option.yAxis as { axisLabel?: object };
  // A challenge's title is a sentence: broken over lines beside its bar rather than cut.
  return {
    ...option,
    yAxis: {
      ...category,
      axisLabel: { ...category.axisLabel, width: 190, overflow: 'break', fontSize: 11, lineHeight: 13 },
    },
  };
}

/** How many communes the commune chart names; the others are added up in one last bar. */
export const dialogueCommuneBars = 12;

/**
 * Contributions by the contributor's commune (where the organisation is, or the citizen said they live), the most
 * active first, stacked by kind; the communes beyond the first twelve, and the unknown one, in a last bar.
 */
export function dialogueByCommuneChart(d: ParticipationFigures, ctx: ChartContext): EChartsOption {
  const known = d.byCommune.filter((c) => c.code !== null);
  const rest = [...known.slice(dialogueCommuneBars), ...d.byCommune.filter((c) => c.code === null)];
  const total = (field: keyof ContributionCounts) => rest.reduce((n, r) => n + r[field], 0);
  const others: ContributionCounts = {
    proposals: total('proposals'),
    comments: total('comments'),
    supports: total('supports'),
    pledges: total('pledges'),
  };
  const rows = [
    ...known.slice(0, dialogueCommuneBars).map((c) => ({ ...c, label: c.name ?? c.code ?? '' })),
    ...(rest.length > 0 ? [{ ...others, label: ctx.text.t('dashboard.dialogueOtherCommunes') }] : []),
  ];
  return barChart(ctx, { categories: rows.map((r) => r.label), series: kindSeries(ctx, rows) });
}
