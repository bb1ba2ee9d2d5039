import * as echarts from 'echarts';
import { describe, expect, it } from 'vitest';
import { evaluationDimensions } from '../evaluation/vocabulary.js';
import {
  evaluationChart,
  eventsByYearChart,
  filterOfDatum,
  fundingChart,
  participantsChart,
  sdgsChart,
  tableOf,
  volunteersChart,
} from './charts.js';
import { dialogueByChallengeChart, dialogueByCommuneChart, dialogueByFamilyChart } from './dialogue-charts.js';
import type { EvaluationFigures, EventsFigure, FundingFigure, ParticipationFigures, SdgRow } from './figures.js';
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
      filters: [{ territoryId: 't-pertuis' }, null],
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

  it('gives a horizontal chart’s rows top-down with their own filters', () => {
    // No horizontal chart filters today: a made-up option checks that a row keeps its filter through the reversal.
    const option = {
      yAxis: { type: 'category' as const, data: ['bas', 'haut'] },
      xAxis: { type: 'value' as const },
      series: [{ type: 'bar' as const, name: 'n', data: [{ value: 1, filter: { year: 2016 } }, { value: 2 }] }],
    };
    expect(tableOf(option, 'x')).toEqual({
      head: ['x', 'n'],
      rows: [
        ['haut', 2],
        ['bas', 1],
      ],
      filters: [null, { year: 2016 }],
    });
  });

  it('draws the public funding with its secured amounts only', () => {
    const option = fundingChart({ secured: 8_000, byYear: [{ year: 2017, secured: 8_000 }] }, ctx);
    expect(tableOf(option, 'Année').head).toEqual(['Année', 'Obtenu']);
  });

  it('gives the volunteers’ value in euros in its tooltip, the hours as numbers', () => {
    const option = volunteersChart(
      {
        hours: 10,
        value: 150,
        unvaluedHours: 0,
        byPhase: [],
        byYear: [{ year: 2017, hours: 10, value: 150, unvaluedHours: 0 }],
      },
      ctx,
    );
    const [hours, value] = option.series as { tooltip?: { valueFormatter: (v: number) => string } }[];
    expect(hours?.tooltip).toBeUndefined();
    expect(value?.tooltip?.valueFormatter(1500)).toMatch(/^1\s500\s€$/);
  });

  it('names the evaluation’s dimensions with the evaluation’s words, and SDGs by number and name', () => {
    const dimensions = {
      ...Object.fromEntries(evaluationDimensions.map((d) => [d, null])),
      performance: 80,
    } as EvaluationFigures['dimensions'];
    const evaluation = { dimensions } as EvaluationFigures;
    expect(tableOf(evaluationChart(evaluation, ctx), '').rows).toEqual([['Performance', 80]]);
    const row = (number: number, labelFr: string, actors: number): SdgRow => ({
      number,
      labelFr,
      labelEn: '',
      color: '#C5192D',
      actors,
      partnerships: 0,
      projects: 0,
      alliances: 0,
    });
    const sdgs = sdgsChart({ bySdg: [row(4, 'Éducation de qualité', 2), row(5, 'Égalité', 0)], covered: 1 }, ctx);
    expect(tableOf(sdgs, '').rows.map((r) => r[0])).toEqual(['ODD 4 — Éducation de qualité']);
    const label = (sdgs.yAxis as { axisLabel: { rich: Record<string, { color: string }> } }).axisLabel;
    expect(label.rich.sdg0?.color).toBe('#C5192D');
  });

  it('stacks the dialogue’s contributions by kind, per family and per challenge (a territory’s filters)', () => {
    const counts = { proposals: 2, comments: 1, supports: 3, pledges: 0 };
    const challenge = { status: 'open' as const, answered: 1, accepted: 1, converted: 0, ...counts };
    const dialogue: ParticipationFigures = {
      totals: { ...counts, contributions: 6, participants: 4 },
      byFamily: [
        { family: 'citizen', ...counts },
        { family: 'association', ...counts, pledges: 1 },
      ],
      byCommune: [],
      byChallenge: [
        { id: 'c1', title: 'Circuits courts', territoryId: 't-pertuis', territoryName: 'Pertuis', ...challenge },
        { id: 'c2', title: 'Mobilités', territoryId: null, territoryName: null, ...challenge },
      ],
    };
    const head = ['Famille', 'Propositions', 'Commentaires', 'Soutiens', 'Apports proposés'];
    expect(tableOf(dialogueByFamilyChart(dialogue, ctx), 'Famille')).toEqual({
      head,
      // In the reference's order of families, citizens after organisations.
      rows: [
        ['Association', 2, 1, 3, 1],
        ['Citoyen·ne', 2, 1, 3, 0],
      ],
      filters: [null, null],
    });
    expect(tableOf(dialogueByChallengeChart(dialogue, ctx), 'Défi')).toEqual({
      head: ['Défi', ...head.slice(1)],
      rows: [
        ['Circuits courts', 2, 1, 3, 0],
        ['Mobilités', 2, 1, 3, 0],
      ],
      filters: [{ territoryId: 't-pertuis' }, null],
    });
  });

  it('names the twelve most active communes and adds up the others with the unknown one', () => {
    const counts = (n: number) => ({ proposals: n, comments: 0, supports: 1, pledges: 0 });
    const communes = Array.from({ length: 13 }, (_, i) => ({ code: `c${i}`, name: `Commune ${i}`, ...counts(13 - i) }));
    const dialogue: ParticipationFigures = {
      totals: { proposals: 0, comments: 0, supports: 0, pledges: 0, contributions: 0, participants: 0 },
      byFamily: [],
      byCommune: [...communes, { code: null, name: null, ...counts(2) }],
      byChallenge: [],
    };
    const { rows } = tableOf(dialogueByCommuneChart(dialogue, ctx), 'Commune');
    expect(rows).toHaveLength(13);
    expect(rows[0]).toEqual(['Commune 0', 13, 0, 1, 0]);
    expect(rows[12]).toEqual(['Autres communes ou inconnue', 3, 0, 2, 0]);
  });
});
