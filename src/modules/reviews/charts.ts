// The review's charts: the dashboard's own chart options (dashboard/charts.ts, French words from dashboard/labels.ts)
// over the review's figures, rendered to SVG on the server by ECharts' SSR renderer — the same pictures as the
// dashboard, for the PDF, the DOCX (with a PNG fallback) and the web page.
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import type { EChartsOption } from 'echarts';
import * as echarts from 'echarts';
import PDFDocument from 'pdfkit';
import {
  evaluationChart,
  eventsByKindChart,
  fundingChart,
  participantsChart,
  partnershipsByStepChart,
} from '../dashboard/charts.js';
import { dialogueByFamilyChart } from '../dashboard/dialogue-charts.js';
import { frenchText } from '../dashboard/labels.js';
import type { ChartName } from './contract.js';
import type { ReviewData } from './data.js';

const require = createRequire(import.meta.url);
export const dejavuRegular = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
export const dejavuBold = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

// ECharts lays its texts out with widths it measures; on the server it has no canvas and guesses them, so labels
// overlap once drawn with DejaVu Sans. It measures with DejaVu Sans's own metrics instead (pdfkit reads the font).
const metrics = new PDFDocument({ autoFirstPage: false });
metrics.registerFont('regular', dejavuRegular);
metrics.registerFont('bold', dejavuBold);
echarts.setPlatformAPI({
  measureText: (text: string, font?: string) => {
    const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12);
    // zrender takes a line's height as the width of one CJK character, which DejaVu Sans lacks: a full em.
    if (text === '国') return { width: size };
    const weight = /\b(bold|[6-9]00)\b/.test(font ?? '') ? 'bold' : 'regular';
    return { width: metrics.font(weight).fontSize(size).widthOfString(text) };
  },
});

/** The drawing size of a chart (CSS pixels = PDF points): a page's width between margins. */
export const chartSize = { width: 470, height: 250 };

/**
 * On paper nothing scrolls: the legend is shown whole, on as many lines as its items need, and the plot starts below
 * it (an estimate of the legend's lines from its labels' lengths at the 11 px font).
 */
function paperLegend(option: EChartsOption, width: number): EChartsOption {
  const series = (Array.isArray(option.series) ? option.series : option.series ? [option.series] : []) as {
    name?: string;
    type?: string;
  }[];
  const grid = (Array.isArray(option.grid) ? option.grid[0] : option.grid) ?? {};
  if (series.some((s) => s.type === 'pie')) return { ...option, legend: { show: false } };
  // One series: no legend (the chart's title names it), so no band kept blank for one above the plot.
  if (series.length < 2) return { ...option, legend: { show: false }, grid: { ...grid, top: 12, bottom: 8 } };
  let lines = 1;
  let used = 0;
  for (const s of series) {
    const item = 25 + 10 + 6.6 * (s.name ?? '').length;
    if (used + item > width - 20) {
      lines++;
      used = 0;
    }
    used += item;
  }
  // Axis labels a size smaller than on screen, so that territory names stay whole under their bars.
  const smaller = <A>(axis: A): A =>
    axis && typeof axis === 'object' && !Array.isArray(axis)
      ? ({ ...axis, axisLabel: { ...(axis as { axisLabel?: object }).axisLabel, fontSize: 10 } } as A)
      : Array.isArray(axis)
        ? (axis.map((a) => smaller(a)) as A)
        : axis;
  // On screen a line joins the categories' second figure (attendance); on paper a line across unrelated categories
  // reads as a trend: a second bar beside the first says the same without it.
  const paperSeries = series.map((s) => (s.type === 'line' ? { ...s, type: 'bar', symbol: undefined } : s));
  return {
    ...option,
    series: paperSeries as EChartsOption['series'],
    xAxis: smaller(option.xAxis),
    yAxis: smaller(option.yAxis),
    legend: { type: 'plain', top: 0, left: 'center', itemGap: 10, textStyle: { fontSize: 11 } },
    grid: { ...grid, top: 14 + lines * 22, bottom: 8, containLabel: true },
  };
}

export function chartOption(name: ChartName, d: ReviewData): EChartsOption {
  const ctx = { text: frenchText, animation: false };
  switch (name) {
    case 'participants':
      return participantsChart(d.actors, d.territoryRefs, ctx);
    case 'eventsByKind':
      return eventsByKindChart(d.events, ctx);
    case 'partnershipsByStep':
      return partnershipsByStepChart(d.partnerships, ctx);
    case 'dialogueByFamily':
      return dialogueByFamilyChart(d.dialogue, ctx);
    case 'funding':
      return fundingChart(d.funding, ctx);
    case 'evaluation':
      return evaluationChart(d.evaluation, ctx);
  }
}

/** A chart as an SVG document (no animation, fixed size, DejaVu Sans). */
export function chartSvg(option: EChartsOption, size = chartSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({
      ...paperLegend(option, size.width),
      animation: false,
      textStyle: { fontFamily: 'DejaVu Sans', fontSize: 11 },
      backgroundColor: '#ffffff',
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The SVG as a PNG, twice its size for print, drawn with DejaVu Sans only (no system font looked up). */
export function svgToPng(svg: string, width = chartSize.width * 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { fontFiles: [dejavuRegular, dejavuBold], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}

/** Every chart the document names, as SVG, by name. */
export function chartsOf(names: ChartName[], d: ReviewData): Map<ChartName, string> {
  return new Map(names.map((n) => [n, chartSvg(chartOption(n, d))]));
}
