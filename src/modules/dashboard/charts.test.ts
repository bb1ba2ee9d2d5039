import * as echarts from 'echarts';
import { describe, expect, it } from 'vitest';
import { eventsByYearChart, filterOfDatum, fundingChart, participantsChart, tableOf } from './charts.js';
import type { EventsFigure, FundingFigure } from './figures.js';
import { frenchText } from './labels.js';

const ctx = { text: frenchText, animation: false };
const events: EventsFigure = {
  held: 4,
  attendance: 30,
  byKind: [],
  byPhase: [],
  byYear: [
    { year: 2016, held: 1, attendance: 15 },
    { year: 2017, held: 3, attendance: 15 },
  ],
};

describe('dashboard charts (pure ECharts options)', () => {
  it('names things in French and gives the same figures as a table', () => {
    const option = participantsChart(
      {
        participants: [
          { family: 'association', territoryId: 't-pertuis', count: 3 },
          { family: 'company', territoryId: null, count: 2 },
        ],
        participantsTotal: 5,
        participantsByYear: [],
        directory: [],
        directoryTotal: 0,
      },
      [
        { id: 't-pertuis', name: 'Pertuis' },
        { id: null, name: '' },
      ],
      ctx,
    );
    expect(tableOf(option, 'Territoire')).toEqual({
      head: ['Territoire', 'Association', 'Entreprise'],
      rows: [
        ['Pertuis', 3, 0],
        ['Tout le programme', 0, 2],
      ],
    });
  });

  it('carries the filter a click sets on each element (territory, year), none for programme-wide bars', () => {
    const option = eventsByYearChart(events, ctx);
    const series = option.series as { data: unknown[] }[];
    expect(series.map((s) => s.data.map(filterOfDatum))).toEqual([
      [{ year: 2016 }, { year: 2017 }],
      [{ year: 2016 }, { year: 2017 }],
    ]);
    expect(option.animation).toBe(false);
  });

  it('renders on the server to SVG, euros in French', () => {
    const funding: FundingFigure = {
      requested: 12_500,
      secured: 8_000,
      paid: 5_000,
      byYear: [{ year: 2017, requested: 12_500, secured: 8_000, paid: 5_000 }],
      budget: { forecast: 0, funded: 0, expected: 0, remaining: 0 },
    };
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 300 });
    chart.setOption(fundingChart(funding, ctx));
    const svg = chart.renderToSVGString();
    chart.dispose();
    expect(svg).toContain('Demandé');
    expect(svg).toContain('2017');
    expect(svg).toMatch(/12\s000\s€/);
  });
});
