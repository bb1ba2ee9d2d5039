// The budget as an XLSX workbook, in the list exports' style (src/http/list-export.ts) but built in memory (a few
// hundred rows at most): bold frozen header row, column widths; a sheet per view (lines, sources, totals per year,
// territory, category and source, volunteer valuation), each ending with its total row, French headers, amounts as
// numbers in a euro format. Its name carries the programme and years only.
import ExcelJS from 'exceljs';
import type { Handle } from '../../../db/client.js';
import { eurosFormat, neutraliseFormula } from '../../../http/list-export.js';
import { slugOf } from '../../../http/slug.js';
import type { ApplicationStatus, BudgetCategory, FundingSourceKind } from '../vocabulary.js';
import type { BudgetQuery, BudgetView, Figures } from './contract.js';
import { budgetView } from './view.js';
import type { VolunteersView } from './volunteer-contract.js';
import { volunteersView } from './volunteers.js';

const categoryLabels: Record<BudgetCategory, string> = {
  coordination: 'Fonctionnement / coordination',
  production: 'Production',
  communication: 'Communication',
  evaluation: 'Évaluation',
  training: 'Formation',
  equipment: 'Équipement',
  other: 'Autre',
};
const kindLabels: Record<FundingSourceKind, string> = {
  application: 'Dossier de financement',
  contribution: 'Contribution d’un partenaire',
  ownFunds: 'Fonds propres',
};
const statusLabels: Record<ApplicationStatus, string> = {
  drafting: 'En préparation',
  submitted: 'Déposé',
  granted: 'Accordé',
  refused: 'Refusé',
  reported: 'Bilan rendu',
};
const transversal = 'Transversal';
const figureHeaders = ['Prévu', 'Engagé', 'Réalisé', 'Financé', 'Attendu', 'Reste à financer'];
const figureCells = (f: Figures) => [f.forecast, f.committed, f.actual, f.funded, f.expected, f.remaining];

interface Column {
  header: string;
  width: number;
  euros?: boolean;
}
const text = (header: string, width = 18): Column => ({ header, width });
const money = (header: string): Column => ({ header, width: 16, euros: true });

type Cell = string | number | null;

/**
 * A sheet with a bold frozen header row, its widths, euro columns formatted, and its total row (bold) when given;
 * texts neutralised (formula injection).
 */
function addSheet(workbook: ExcelJS.Workbook, name: string, columns: Column[], rows: Cell[][], total?: Cell[]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((v) => (typeof v === 'string' ? neutraliseFormula(v) : v)));
  if (total) sheet.addRow(total).font = { bold: true };
  columns.forEach((c, i) => {
    if (!c.euros) return;
    const column = sheet.getColumn(i + 1);
    column.numFmt = eurosFormat;
    column.alignment = { horizontal: 'right' };
    sheet.getCell(1, i + 1).numFmt = '@';
  });
}

async function budgetWorkbook(budget: BudgetView, volunteers: VolunteersView): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Alliances';
  workbook.title = `Budget — ${budget.programme.name}`;
  const territory = (name: string | null) => name ?? transversal;

  addSheet(
    workbook,
    'Lignes',
    [text('Année', 8), text('Territoire', 24), text('Catégorie', 26), text('Libellé', 40), ...figureHeaders.map(money)],
    budget.lines.map((l) => [
      l.year,
      territory(l.territoryName),
      categoryLabels[l.category],
      l.label,
      ...figureCells(l),
    ]),
    ['Total', '', '', '', ...figureCells(budget.totals.overall)],
  );
  const sources = budget.lines.flatMap((l) => l.sources.map((s) => ({ line: l, s })));
  const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;
  addSheet(
    workbook,
    'Sources',
    [
      text('Année', 8),
      text('Territoire', 24),
      text('Ligne', 36),
      text('Type de source', 26),
      text('Source', 50),
      text('Financeur', 30),
      text('Statut', 14),
      money('Montant affecté'),
      money('Financé'),
      money('Attendu'),
    ],
    sources.map(({ line: l, s }) => [
      l.year,
      territory(l.territoryName),
      l.label,
      kindLabels[s.kind],
      s.label,
      s.kind === 'ownFunds' ? '' : (s.funderName ?? ''),
      s.applicationStatus ? statusLabels[s.applicationStatus] : '',
      s.amount,
      s.funded,
      s.expected,
    ]),
    [
      'Total',
      '',
      '',
      '',
      '',
      '',
      '',
      sum(sources.map(({ s }) => s.amount)),
      sum(sources.map(({ s }) => s.funded)),
      sum(sources.map(({ s }) => s.expected)),
    ],
  );
  addSheet(
    workbook,
    'Par année',
    [text('Année', 12), ...figureHeaders.map(money)],
    budget.totals.byYear.map((y) => [y.year, ...figureCells(y)]),
    ['Total', ...figureCells(budget.totals.overall)],
  );
  addSheet(
    workbook,
    'Par territoire',
    [text('Territoire', 28), ...figureHeaders.map(money)],
    budget.totals.byTerritory.map((t) => [territory(t.territoryName), ...figureCells(t)]),
    ['Total', ...figureCells(budget.totals.overall)],
  );
  addSheet(
    workbook,
    'Par catégorie',
    [text('Catégorie', 30), ...figureHeaders.map(money)],
    budget.totals.byCategory.map((c) => [categoryLabels[c.category], ...figureCells(c)]),
    ['Total', ...figureCells(budget.totals.overall)],
  );
  addSheet(
    workbook,
    'Par source',
    [
      text('Type de source', 26),
      text('Source', 50),
      text('Financeur', 30),
      money('Affecté'),
      money('Financé'),
      money('Attendu'),
    ],
    budget.totals.bySource.map((s) => [
      kindLabels[s.kind],
      s.label || kindLabels.ownFunds,
      s.kind === 'ownFunds' ? '' : (s.funderName ?? ''),
      s.allocated,
      s.funded,
      s.expected,
    ]),
    [
      'Total',
      '',
      '',
      sum(budget.totals.bySource.map((s) => s.allocated)),
      sum(budget.totals.bySource.map((s) => s.funded)),
      sum(budget.totals.bySource.map((s) => s.expected)),
    ],
  );
  const v = volunteers.valuation;
  const valuationRow = (view: string, key: string | number, f: typeof v.overall) => [
    view,
    key,
    f.hours,
    f.valuedHours,
    f.value,
    f.unvaluedHours,
  ];
  addSheet(
    workbook,
    'Bénévolat',
    [
      text('Vue', 34),
      text('Détail', 30),
      text('Heures', 10),
      text('Heures valorisées', 16),
      money('Valorisation'),
      text('Heures non valorisées', 18),
    ],
    [
      valuationRow('Contributions volontaires en nature', 'Total', v.overall),
      ...v.byYear.map((y) => valuationRow('Par année', y.year, y)),
      ...v.byTerritory.map((t) => valuationRow('Par territoire', territory(t.territoryName), t)),
      ...v.byRole.map((r) => valuationRow('Par rôle', r.role, r)),
      ...v.byYear.flatMap((y) => [
        ['864 — Personnel bénévole (emplois)', y.year, null, null, y.value, null],
        ['875 — Bénévolat (contributions)', y.year, null, null, y.value, null],
      ]),
      ['864 — Personnel bénévole (emplois)', 'Total', null, null, v.overall.value, null],
      ['875 — Bénévolat (contributions)', 'Total', null, null, v.overall.value, null],
    ],
  );
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** The workbook of a programme's budget over a span of years, and its file name (programme and years only). */
export async function budgetFile(db: Handle, query: BudgetQuery): Promise<{ filename: string; body: Uint8Array }> {
  const budget = await budgetView(db, query);
  const volunteers = await volunteersView(db, query.programmeId, query);
  const years = [query.from, query.to].filter((y) => y !== undefined);
  const span = years.length ? `-${[...new Set(years)].join('-')}` : '';
  return {
    filename: `budget-${slugOf(budget.programme.name, 'programme')}${span}.xlsx`,
    body: await budgetWorkbook(budget, volunteers),
  };
}
