// 3. Territories and pilot groups: participants by family and territory, and who they are.
import { actorFamilies } from '../../reference/families.js';
import type { ReviewBlock } from '../contract.js';
import type { ReviewData } from '../data.js';
import { familyLabelsFr, formatCountFr } from '../labels.js';
import { para, plural, type SectionDraft, sectionTitles, table } from './common.js';

export function territoriesSection(d: ReviewData): SectionDraft {
  const { programme, actors, year } = d;
  const columns = [...programme.territories.map((t) => ({ id: t.id as string | null, name: t.name }))];
  if (actors.participants.some((p) => p.territoryId === null)) columns.push({ id: null, name: 'Tout le programme' });
  const count = (family: string, territoryId: string | null) =>
    actors.participants.find((p) => p.family === family && p.territoryId === territoryId)?.count ?? 0;
  const families = actorFamilies.filter((f) => actors.participants.some((p) => p.family === f && p.count > 0));
  const rows = families.map((f) => [
    familyLabelsFr[f],
    ...columns.map((c) => formatCountFr(count(f, c.id))),
    formatCountFr(columns.reduce((s, c) => s + count(f, c.id), 0)),
  ]);
  rows.push([
    'Total',
    ...columns.map((c) => formatCountFr(families.reduce((s, f) => s + count(f, c.id), 0))),
    formatCountFr(actors.participantsTotal),
  ]);
  const blocks: ReviewBlock[] = [
    para(
      `Au 31 décembre ${year}, les groupes pilotes réunissent ${plural(actors.participantsTotal, 'organisation', 'organisations')} ; l’annuaire compte ${plural(actors.directoryTotal, 'acteur', 'acteurs')} sur les communes du programme.`.replace(
        ' ;',
        '\u202f;',
      ),
    ),
    { kind: 'chart', name: 'participants', title: 'Participants par famille et par territoire' },
    table(['Famille', ...columns.map((c) => c.name), 'Total'], rows, [false, ...columns.map(() => true), true], true),
  ];
  const yearEnd = `${year}-12-31`;
  for (const t of [
    ...programme.territories.map((x) => ({ id: x.id as string | null, name: x.name, theme: x.themeLabel })),
    { id: null, name: 'À l’échelle du programme', theme: '' },
  ]) {
    const members = programme.participants.filter(
      (p) => p.territoryId === t.id && (p.joinedOn === null || p.joinedOn <= yearEnd),
    );
    if (members.length === 0) continue;
    blocks.push(
      { kind: 'subheading', text: t.theme ? `${t.name} — ${t.theme}` : t.name },
      { kind: 'list', items: members.map((p) => (p.role ? `${p.name} — ${p.role}` : p.name)) },
    );
  }
  return { id: 'territories', title: sectionTitles.territories, blocks };
}
