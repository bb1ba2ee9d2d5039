import fs from 'node:fs';
import path from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import type { ProjectDetail } from './contract.js';
import { formatEurosFr, pdfSafe, renderProjectSheet, shareHeights } from './sheet.js';

/** The first demo project (a collective of six associations), as getProject answers it. */
function demoLikeProject(): ProjectDetail {
  const file = JSON.parse(
    fs.readFileSync(path.resolve(import.meta.dirname, '../../../assets/demo/projects.json'), 'utf8'),
  ) as { projects: (Omit<ProjectDetail, 'carriers'> & { carriers: { name: string; role: 'lead' | 'coCarrier' }[] })[] };
  const demo = file.projects[0];
  if (!demo) throw new Error('no demo project');
  return {
    ...demo,
    id: '00000000-0000-4000-8000-000000000001',
    slug: 'culture-art-en-entreprise',
    carriers: demo.carriers.map((c, i) => ({
      actorId: `00000000-0000-4000-8000-00000000010${i}`,
      name: c.name,
      family: 'association',
      role: c.role,
    })),
    budgetTotal: demo.budgetLines.reduce((s, l) => s + l.amount, 0),
    communes: [{ code: '13001', name: 'Aix-en-Provence' }],
    canEdit: false,
    canDelete: false,
    createdAt: '2018-01-01T00:00:00.000Z',
    updatedAt: '2018-01-01T00:00:00.000Z',
  };
}

const labels = {
  themes: new Map([
    ['culture-art', 'Culture & art'],
    ['education-culture', 'Éducation et culture'],
  ]),
  sdgs: new Map([[4, 'Éducation de qualité']]),
  at: new Date('2018-02-01T10:00:00Z'),
};

async function textOf(pdf: Buffer) {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { totalPages, text } = await extractText(doc, { mergePages: true });
  // PDF readers give line breaks and no-break spaces where the sheet wraps and groups thousands.
  return { totalPages, text: text.replace(/\s+/g, ' ') };
}

describe('project sheet PDF', () => {
  it('holds the title, every carrier of a collective, accents and euro amounts a PDF reader extracts', async () => {
    const project = demoLikeProject();
    const pdf = await renderProjectSheet(project, labels);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { totalPages, text } = await textOf(pdf);
    expect(totalPages).toBe(1);
    expect(text).toContain('Culture & Art en entreprise');
    for (const name of ['Voyons Voir', 'Charlie Free', 'Fontaine Obscure', 'La Nouvelle Mine', 'Azoth Studio']) {
      expect(text).toContain(name);
    }
    expect(text).toContain('Projet collectif porté par Voyons Voir (chef de file)');
    expect(text).toContain('mutualisée');
    expect(text).toContain('« Culture & Art »');
    expect(text).toContain('Bénéficiaires');
    expect(text).toContain('24 500 €');
    expect(text).toContain('Total 65 000 €');
    expect(text).toContain('du 1er mars 2018 au 30 juin 2019');
    expect(text).toContain('Soutien (mécénat, subvention, don)');
    expect(text).toContain('4. Éducation de qualité');
    expect(text).toContain('Envies d’Alliances');
  });

  it('stays on one page with very long texts, cut with an ellipsis', async () => {
    const project = demoLikeProject();
    project.title = 'Un titre très long '.repeat(12).trim();
    project.summary = 'Un résumé qui n’en finit pas. '.repeat(120);
    project.goals = 'Des objectifs nombreux et détaillés. '.repeat(80);
    project.needs = 'Des besoins. '.repeat(200);
    project.budgetLines = Array.from({ length: 25 }, (_, i) => ({
      label: `Poste de dépense n° ${i + 1}`,
      amount: 100,
    }));
    const { totalPages, text } = await textOf(await renderProjectSheet(project, labels));
    expect(totalPages).toBe(1);
    expect(text).toContain('…');
    expect(text).toContain('Autres postes (16) 1 600 €');
    expect(text).toContain('Envies d’Alliances · un programme de Pays d’Aix Associations');
  });

  it('writes French amounts with spaces Helvetica can draw', () => {
    expect(formatEurosFr(12500)).toMatch(/^12\s500\s€$/);
    expect(formatEurosFr(4250.5)).toMatch(/^4\s250,50\s€$/);
    expect(pdfSafe(formatEurosFr(1234567.89))).toBe('1\u00a0234\u00a0567,89\u00a0€');
    expect(pdfSafe('l’œuvre « phare » — 3 € ✓')).toBe('l’œuvre « phare » — 3 € ?');
  });

  it('shares the height between blocks, the short ones keeping theirs', () => {
    expect(shareHeights([10, 20], 100)).toEqual([10, 20]);
    expect(shareHeights([10, 200, 300], 110)).toEqual([10, 50, 50]);
  });
});
