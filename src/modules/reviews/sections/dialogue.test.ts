import { describe, expect, it } from 'vitest';
import type { ParticipationFigures } from '../../dialogue/figures.js';
import type { ReviewData } from '../data.js';
import { dialogueSection } from './dialogue.js';

const counts = { proposals: 3, comments: 2, supports: 5, pledges: 1 };
const dialogue: ParticipationFigures = {
  totals: { ...counts, contributions: 11, participants: 6 },
  byFamily: [
    { family: 'association', ...counts, comments: 0 },
    { family: 'citizen', proposals: 0, comments: 2, supports: 0, pledges: 0 },
  ],
  byCommune: [
    { code: '84089', name: 'Pertuis', ...counts, comments: 0 },
    { code: null, name: null, proposals: 0, comments: 2, supports: 0, pledges: 0 },
  ],
  byChallenge: [
    {
      id: 'c1',
      title: 'Circuits courts autour de Pertuis',
      status: 'closed',
      territoryId: 't1',
      territoryName: 'Pertuis',
      ...counts,
      answered: 3,
      accepted: 1,
      converted: 1,
    },
  ],
};
const data = (d: ParticipationFigures) => ({ year: 2018, dialogue: d }) as ReviewData;

describe('the review’s territorial dialogue section', () => {
  it('gives the totals, the family chart and table, and a row per challenge with its answers', () => {
    const section = dialogueSection(data(dialogue));
    expect(section.title).toBe('Dialogue territorial');
    expect(section.blocks[0]).toEqual({
      kind: 'keyFigures',
      items: [
        { label: 'Contributions', value: '11' },
        { label: 'Propositions', value: '3' },
        { label: 'Soutiens', value: '5' },
        { label: 'Personnes ayant contribué', value: '6' },
      ],
    });
    const text = JSON.stringify(section.blocks);
    expect(text).toContain('1 défi territorial était ouvert');
    expect(text).toContain('11 contributions y ont été apportées');
    expect(text).toContain('3 propositions ont reçu une réponse, dont 1 retenue');
    expect(text).toContain('Pertuis (9)');
    expect(section.blocks).toContainEqual({
      kind: 'chart',
      name: 'dialogueByFamily',
      title: 'Contributions au dialogue territorial par famille',
    });
    const tables = section.blocks.filter((b) => b.kind === 'table');
    expect(tables.map((t) => t.rows)).toEqual([
      [
        ['Associations', '3', '0', '5', '1', '9'],
        ['Citoyens', '0', '2', '0', '0', '2'],
        ['Total', '3', '2', '5', '1', '11'],
      ],
      [['Circuits courts autour de Pertuis (Pertuis)', '3', '5', '3', '1', '1']],
    ]);
  });

  it('says so when no challenge was open that year', () => {
    const none = dialogueSection(data({ ...dialogue, byChallenge: [] }));
    expect(none.blocks).toEqual([
      { kind: 'paragraph', text: 'Aucun défi territorial n’était ouvert aux contributions en 2018.' },
    ]);
  });
});
