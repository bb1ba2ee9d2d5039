// The annual review's document, in the order of the seeds' first-year review: introduction (written), 1. context,
// 2. what was done step by step, 3. territories and pilot groups, 4. meetings, 5. partnerships and alliances,
// 6. budget and volunteer valuation, 7. evaluation results, 8. next year's actions and open questions, conclusion
// (written). Built from ReviewData (data.ts) only: the three renderings (web, PDF, DOCX) draw this same model.
// An empty written text leaves its part out; every numbered section is always there, saying so when nothing happened.
import { publicEvaluationMinimum } from '../evaluation/figures.js';
import { eventKinds } from '../events/vocabulary.js';
import { budgetCategories } from '../funding/vocabulary.js';
import { partnershipModes, partnershipSteps } from '../partnerships/vocabulary.js';
import type { ActionView } from '../programmes/contract.js';
import { actorFamilies } from '../reference/families.js';
import type { ReviewBlock, ReviewDocument, ReviewSection } from './contract.js';
import type { ReviewData } from './data.js';
import {
  actionStatusLabelsFr,
  allianceStatusLabelsFr,
  budgetCategoryLabelsFr,
  dayOfInstantFr,
  dimensionLabelsFr,
  eventKindLabelsFr,
  familyLabelsFr,
  formatCountFr,
  formatDateFr,
  formatDecimalFr,
  formatEurosFr,
  formatScoreFr,
  meetingDay,
  meetingStatusFr,
  modeExplanationsFr,
  modeLabelsFr,
  monthFr,
  sourceKindLabelsFr,
  stepLabelsFr,
} from './labels.js';

export interface ReviewTexts {
  introduction: string;
  conclusion: string;
  openQuestions: string;
}

/** The section titles, as the table of contents, the tests and the web page name them. */
export const sectionTitles = {
  introduction: 'Introduction',
  context: 'Contexte',
  done: 'Ce qui a été fait, étape par étape',
  territories: 'Territoires et groupes pilotes',
  meetings: 'Rencontres',
  partnerships: 'Partenariats et alliances',
  budget: 'Budget et valorisation du bénévolat',
  evaluation: 'Résultats de l’évaluation',
  next: 'Perspectives',
  conclusion: 'Conclusion',
} as const;

/** Paragraphs of a written text: separated by blank lines, lines inside a paragraph joined. */
export function paragraphsOf(text: string): ReviewBlock[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .map((p) => ({ kind: 'paragraph', text: p }));
}

/** A written list (« - item » or one per line) as list items; plain paragraphs otherwise. */
function questionsOf(text: string): ReviewBlock[] {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > 1 && lines.every((l) => /^[-•*–]\s+/.test(l))) {
    return [{ kind: 'list', items: lines.map((l) => l.replace(/^[-•*–]\s+/, '')) }];
  }
  return paragraphsOf(text);
}

const table = (columns: string[], rows: string[][], numeric: boolean[], totalRow = false): ReviewBlock => ({
  kind: 'table',
  columns,
  rows,
  numeric,
  totalRow,
});
const para = (text: string): ReviewBlock => ({ kind: 'paragraph', text });
const plural = (n: number, one: string, many: string) => `${formatCountFr(n)} ${n > 1 ? many : one}`;

function contextSection(d: ReviewData): ReviewSection {
  const { programme, year } = d;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const current = programme.phases.filter((p) => p.startsOn <= to && p.endsOn >= from);
  const blocks: ReviewBlock[] = [];
  if (programme.description) blocks.push(...paragraphsOf(programme.description));
  blocks.push(
    para(
      `Le programme court du ${formatDateFr(programme.startsOn)} au ${formatDateFr(programme.endsOn)}, en ${plural(programme.phases.length, 'phase', 'phases')}. L’année ${year} relève de ${current.length > 1 ? 'des phases' : 'la phase'} ${current.map((p) => `« ${p.name} »`).join(' et ') || '(aucune)'}.`,
    ),
    { kind: 'subheading', text: 'Les phases du programme' },
    table(
      ['Phase', 'Période', `En ${year}`],
      programme.phases.map((p) => [
        p.name,
        `${formatDateFr(p.startsOn)} – ${formatDateFr(p.endsOn)}`,
        current.includes(p) ? 'oui' : '',
      ]),
      [false, false, false],
    ),
  );
  for (const phase of current) {
    if (!phase.objectives) continue;
    blocks.push(
      { kind: 'subheading', text: `Objectifs de la phase « ${phase.name} »` },
      ...paragraphsOf(phase.objectives),
    );
  }
  blocks.push(
    { kind: 'subheading', text: 'Les territoires pilotes et leurs thématiques' },
    table(
      ['Territoire', 'Thématique', 'Communes'],
      programme.territories.map((t) => [t.name, t.themeLabel, t.communes.map((c) => c.name).join(', ')]),
      [false, false, false],
    ),
  );
  return { id: 'context', number: 1, title: sectionTitles.context, blocks };
}

/** The day an action counts on in the year's story: done, else started, else due. */
const actionDay = (a: ActionView) => a.doneOn ?? a.startsOn ?? a.dueOn ?? '';

function doneSection(d: ReviewData): ReviewSection {
  const { programme, year } = d;
  // Held as the dashboard counts them (data.ts `heldMeetingIds`): the list and « Rencontres tenues » agree.
  const held = programme.meetings.filter((m) => d.heldMeetingIds.has(m.id));
  const done = d.actions.filter((a) => a.status === 'done').length;
  const blocks: ReviewBlock[] = [
    {
      kind: 'keyFigures',
      items: [
        { label: `Actions du plan prévues sur ${year}`, value: formatCountFr(d.actions.length) },
        { label: 'dont réalisées', value: formatCountFr(done) },
        { label: 'Rencontres tenues', value: formatCountFr(d.events.held) },
      ],
    },
  ];
  // One chronology, month by month: the meetings held and the actions of the plan; each month names its phase when
  // the year runs over several. The public version lists the meetings only: the action plan (funding applications,
  // owners) is the team's working document.
  type Entry = { day: string; text: string };
  const entries: Entry[] = [];
  for (const m of held) {
    const day = meetingDay(m.startsAt);
    entries.push({ day, text: `${m.title} (${eventKindLabelsFr[m.kind].toLowerCase()}, ${formatDateFr(day)})` });
  }
  if (d.audience === 'readers') {
    for (const a of d.actions) {
      const who = a.ownerName ?? a.ownerRole;
      entries.push({
        day: actionDay(a),
        text: `${a.title} — ${actionStatusLabelsFr[a.status].toLowerCase()}${who ? ` (${who})` : ''}`,
      });
    }
  }
  if (entries.length === 0) {
    blocks.push(
      para(
        d.audience === 'public'
          ? `Aucune rencontre n’a été tenue en ${year}.`
          : `Aucune action ni rencontre n’est enregistrée pour ${year}.`,
      ),
    );
  } else if (d.audience === 'public') {
    blocks.push(para('Les rencontres tenues dans l’année, mois par mois :'.replace(' :', '\u202f:')));
  }
  const phasesOfYear = programme.phases.filter((p) => p.startsOn <= `${year}-12-31` && p.endsOn >= `${year}-01-01`);
  const phaseOf = (day: string) => phasesOfYear.find((p) => p.startsOn <= day && p.endsOn >= day)?.name;
  entries.sort((a, b) => a.day.localeCompare(b.day));
  let month = '';
  for (const e of entries) {
    const m = monthFr(e.day);
    if (m !== month) {
      const phase = phasesOfYear.length > 1 ? phaseOf(e.day) : undefined;
      blocks.push({ kind: 'subheading', text: phase ? `${m} — phase « ${phase} »` : m }, { kind: 'list', items: [] });
      month = m;
    }
    const last = blocks.at(-1);
    if (last?.kind === 'list') last.items.push(e.text);
  }
  return { id: 'done', number: 2, title: sectionTitles.done, blocks };
}

function territoriesSection(d: ReviewData): ReviewSection {
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
  return { id: 'territories', number: 3, title: sectionTitles.territories, blocks };
}

function meetingsSection(d: ReviewData): ReviewSection {
  const { events, programme, year } = d;
  const ofYear = programme.meetings.filter((m) => meetingDay(m.startsAt).startsWith(String(year)));
  const kinds = eventKinds.filter((k) => events.byKind.some((b) => b.kind === k && (b.held > 0 || b.attendance > 0)));
  const blocks: ReviewBlock[] = [
    {
      kind: 'keyFigures',
      items: [
        { label: 'Rencontres tenues', value: formatCountFr(events.held) },
        { label: 'Présences enregistrées', value: formatCountFr(events.attendance) },
      ],
    },
  ];
  if (kinds.length) {
    blocks.push(
      { kind: 'chart', name: 'eventsByKind', title: 'Rencontres tenues et présences, par type' },
      table(
        ['Type de rencontre', 'Tenues', 'Présences'],
        [
          ...kinds.map((k) => {
            const b = events.byKind.find((x) => x.kind === k);
            return [eventKindLabelsFr[k], formatCountFr(b?.held ?? 0), formatCountFr(b?.attendance ?? 0)];
          }),
          ['Total', formatCountFr(events.held), formatCountFr(events.attendance)],
        ],
        [false, true, true],
        true,
      ),
    );
  }
  blocks.push({ kind: 'subheading', text: `Les rencontres de ${year}` });
  if (ofYear.length === 0) blocks.push(para(`Aucune rencontre du programme en ${year}.`));
  else {
    blocks.push(
      table(
        ['Date', 'Rencontre', 'Type', 'Statut', 'Présents'],
        ofYear.map((m) => [
          dayOfInstantFr(m.startsAt),
          m.title,
          eventKindLabelsFr[m.kind],
          meetingStatusFr(d.heldMeetingIds.has(m.id) ? 'held' : m.status),
          d.heldMeetingIds.has(m.id) ? formatCountFr(m.attendance) : '—',
        ]),
        [false, false, false, false, true],
      ),
    );
  }
  return { id: 'meetings', number: 4, title: sectionTitles.meetings, blocks };
}

function partnershipsSection(d: ReviewData): ReviewSection {
  const { partnerships, alliances, year } = d;
  const byMode = (mode: string) =>
    partnerships.byModeAndStep.filter((r) => r.mode === mode).reduce((s, r) => s + r.count, 0);
  const byStep = (step: string) =>
    partnerships.byModeAndStep.filter((r) => r.step === step).reduce((s, r) => s + r.count, 0);
  const blocks: ReviewBlock[] = [
    {
      kind: 'keyFigures',
      items: [
        { label: `Partenariats engagés en ${year}`, value: formatCountFr(partnerships.total) },
        { label: `Alliances formées en ${year}`, value: formatCountFr(alliances.total) },
        {
          label: 'Membres par alliance (moyenne)',
          value: alliances.averageMembers === null ? '—' : formatDecimalFr(alliances.averageMembers),
        },
      ],
    },
  ];
  // The modes explained after the figures: the chart follows its key figures, and the page does not break early.
  const modes: ReviewBlock[] = [
    para(
      'Les partenariats entre entreprises et associations suivent les quatre modes du RAMEAU, du plus simple au plus porteur d’impact :',
    ),
    {
      kind: 'list',
      items: partnershipModes.map((m) => `${modeLabelsFr[m]} : ${modeExplanationsFr[m]}.`.replace(' :', '\u202f:')),
    },
  ];
  if (partnerships.total > 0) {
    blocks.push(
      { kind: 'chart', name: 'partnershipsByStep', title: 'Partenariats par mode et par étape' },
      table(
        ['Mode', ...partnershipSteps.map((s) => stepLabelsFr[s]), 'Total'],
        [
          ...partnershipModes.map((m) => [
            modeLabelsFr[m],
            ...partnershipSteps.map((s) =>
              formatCountFr(partnerships.byModeAndStep.find((r) => r.mode === m && r.step === s)?.count ?? 0),
            ),
            formatCountFr(byMode(m)),
          ]),
          ['Total', ...partnershipSteps.map((s) => formatCountFr(byStep(s))), formatCountFr(partnerships.total)],
        ],
        [false, ...partnershipSteps.map(() => true), true],
        true,
      ),
    );
  }
  blocks.push(...modes, { kind: 'subheading', text: `Les partenariats engagés en ${year}` });
  if (d.partnershipList.length === 0) {
    blocks.push(
      para(
        d.audience === 'public'
          ? `Aucun partenariat publié n’a débuté en ${year}.`
          : `Aucun partenariat n’a débuté en ${year}.`,
      ),
    );
  } else {
    blocks.push(
      table(
        ['Partenariat', 'Partenaires', 'Mode', 'Étape'],
        d.partnershipList.map((p) => [p.title, p.partners.join(', '), modeLabelsFr[p.mode], stepLabelsFr[p.step]]),
        [false, false, false, false],
      ),
    );
  }
  blocks.push({ kind: 'subheading', text: `Les alliances formées en ${year}` });
  if (alliances.alliances.length === 0) blocks.push(para(`Aucune alliance n’a été formée en ${year}.`));
  else {
    blocks.push(
      table(
        ['Alliance', 'Depuis le', 'Statut', 'Membres', 'Partenariats'],
        alliances.alliances.map((a) => [
          a.name,
          a.startsOn ? formatDateFr(a.startsOn) : '—',
          allianceStatusLabelsFr[a.status],
          formatCountFr(a.members),
          formatCountFr(a.partnerships),
        ]),
        [false, false, false, true, true],
      ),
    );
  }
  return { id: 'partnerships', number: 5, title: sectionTitles.partnerships, blocks };
}

function budgetSection(d: ReviewData): ReviewSection {
  const { budget, volunteers, year } = d;
  const o = budget.overall;
  const blocks: ReviewBlock[] = [
    {
      kind: 'keyFigures',
      items: [
        { label: `Budget ${year}`, value: formatEurosFr(o.forecast) },
        { label: 'Financé', value: formatEurosFr(o.funded) },
        { label: 'Attendu', value: formatEurosFr(o.expected) },
        { label: 'Reste à trouver', value: formatEurosFr(o.remaining) },
      ],
    },
  ];
  const categories = budget.byCategory.filter((c) => c.forecast || c.funded || c.expected);
  if (categories.length === 0) blocks.push(para(`Aucune ligne de budget n’est enregistrée pour ${year}.`));
  else {
    blocks.push(
      { kind: 'subheading', text: 'Par poste' },
      table(
        ['Poste', 'Prévu', 'Réalisé', 'Financé', 'Attendu', 'Reste à trouver'],
        [
          ...budgetCategories
            .map((c) => categories.find((x) => x.category === c))
            .filter((c) => c !== undefined)
            .map((c) => [
              budgetCategoryLabelsFr[c.category],
              formatEurosFr(c.forecast),
              formatEurosFr(c.actual),
              formatEurosFr(c.funded),
              formatEurosFr(c.expected),
              formatEurosFr(c.remaining),
            ]),
          [
            'Total',
            formatEurosFr(o.forecast),
            formatEurosFr(o.actual),
            formatEurosFr(o.funded),
            formatEurosFr(o.expected),
            formatEurosFr(o.remaining),
          ],
        ],
        [false, true, true, true, true, true],
        true,
      ),
    );
  }
  const { requested, secured, paid } = d.funding;
  if (requested !== undefined && paid !== undefined && requested > 0) {
    blocks.push(
      { kind: 'subheading', text: 'Dossiers de financement' },
      para(
        `Demandés : ${formatEurosFr(requested)} ; obtenus : ${formatEurosFr(secured)} ; versés : ${formatEurosFr(paid)}.`.replace(
          / ([:;])/g,
          '\u202f$1',
        ),
      ),
      { kind: 'chart', name: 'funding', title: 'Financements demandés, obtenus et versés' },
    );
  } else if (requested === undefined && secured > 0) {
    // The public reads what is secured only, as on the public dashboard (requests are the funders' business).
    blocks.push(
      { kind: 'subheading', text: 'Dossiers de financement' },
      para(`Financements obtenus : ${formatEurosFr(secured)}.`.replace(' :', '\u202f:')),
    );
  }
  // Sources name funding applications, which only the team and the steering committee read.
  if (budget.bySource.length && d.audience === 'readers') {
    blocks.push(
      { kind: 'subheading', text: 'Par source de financement' },
      table(
        ['Source', 'Nature', 'Financé', 'Attendu'],
        budget.bySource.map((s) => [
          s.funderName ? `${s.label} (${s.funderName})` : s.label,
          sourceKindLabelsFr[s.kind],
          formatEurosFr(s.funded),
          formatEurosFr(s.expected),
        ]),
        [false, false, true, true],
      ),
    );
  }
  blocks.push(
    { kind: 'subheading', text: 'Valorisation du bénévolat' },
    {
      kind: 'keyFigures',
      items: [
        { label: 'Heures de bénévolat', value: formatCountFr(volunteers.hours) },
        { label: 'Valorisation', value: formatEurosFr(volunteers.value) },
      ],
    },
    para(
      `Le temps donné par les bénévoles du programme en ${year} représente ${plural(volunteers.hours, 'heure', 'heures')}, valorisées à ${formatEurosFr(volunteers.value)} au taux horaire de chaque rôle. Ces contributions volontaires en nature figurent à part du budget, comme dans les comptes des associations (comptes 86 et 87).`,
    ),
  );
  return { id: 'budget', number: 6, title: sectionTitles.budget, blocks };
}

function evaluationSection(d: ReviewData): ReviewSection {
  const { evaluation: e, programme, year } = d;
  // The public gets no evaluation figure below evaluationFigures' threshold (empty figures): it reads why, not zeros.
  const withheld = d.audience === 'public' && e.responses === 0;
  const blocks: ReviewBlock[] = withheld
    ? [
        para(
          `Aucun résultat d’évaluation n’est publié pour ${year} : les scores ne sont rendus publics qu’à partir de ${publicEvaluationMinimum} partenariats évalués, pour qu’aucune note ne puisse être reconnue.`.replace(
            ' :',
            '\u202f:',
          ),
        ),
      ]
    : [
        {
          kind: 'keyFigures',
          items: [
            { label: 'Partenariats évalués', value: formatCountFr(e.evaluatedPartnerships) },
            { label: 'Questionnaires remplis', value: formatCountFr(e.responses) },
            { label: 'Score global', value: formatScoreFr(e.overall) },
          ],
        },
      ];
  if (withheld) {
    // Said above.
  } else if (e.responses === 0) {
    blocks.push(
      para(
        `Aucun partenariat n’a encore été évalué pour ${year} : l’évaluation de l’utilité sociétale (démarche du RAMEAU) porte sur les partenariats engagés.`.replace(
          ' :',
          '\u202f:',
        ),
      ),
    );
  } else {
    blocks.push(
      para(
        'Chaque partenaire note de 1 à 5 la performance, la cohérence, l’efficience, la pertinence, la contribution sociétale, la clarté et le sens du partenariat ; les notes sont ramenées sur 100 (1 = 0, 3 = 50, 5 = 100).'.replace(
          ' ;',
          '\u202f;',
        ),
      ),
      { kind: 'chart', name: 'evaluation', title: 'Scores moyens par dimension (sur 100)' },
      table(
        ['Dimension', 'Score moyen'],
        Object.entries(e.dimensions).map(([k, v]) => [
          dimensionLabelsFr[k as keyof typeof dimensionLabelsFr],
          formatScoreFr(v),
        ]),
        [false, true],
      ),
    );
    if (e.objectives.total > 0) {
      blocks.push(
        para(
          `Objectifs propres des partenaires : ${plural(e.objectives.met, 'atteint', 'atteints')}, ${plural(e.objectives.partlyMet, 'partiellement atteint', 'partiellement atteints')}, ${plural(e.objectives.notMet, 'non atteint', 'non atteints')} sur ${formatCountFr(e.objectives.total)}.`.replace(
            ' :',
            '\u202f:',
          ),
        ),
      );
    }
    if (e.indicators.length) {
      const n = (v: number | null, unit: string) =>
        v === null ? '—' : `${formatDecimalFr(v)}${unit ? ` ${unit}` : ''}`;
      blocks.push(
        { kind: 'subheading', text: 'Indicateurs des partenariats' },
        table(
          ['Indicateur', 'Situation initiale', 'Cible', 'Mesuré'],
          e.indicators.map((i) => [i.labelFr, n(i.baseline, i.unitFr), n(i.target, i.unitFr), n(i.measured, i.unitFr)]),
          [false, true, true, true],
        ),
      );
    }
  }
  // The programme's own objectives of the year's phases, with their indicators as they stand today (programmeCounts
  // counts over the whole programme): labelled so, that no one reads them as the year's figures above.
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const phaseIds = new Set(programme.phases.filter((p) => p.startsOn <= to && p.endsOn >= from).map((p) => p.id));
  const objectives = programme.objectives.filter((o) => o.phaseId === null || phaseIds.has(o.phaseId));
  // An objective's title heads its first indicator only: the following rows are its other indicators.
  const rows = objectives.flatMap((o) =>
    o.indicators.map((i, n) => [
      n === 0 ? o.title : '',
      i.label,
      i.target === null ? '—' : `${formatDecimalFr(i.target)} ${i.unit}`.trim(),
      i.value === null ? '—' : `${formatDecimalFr(i.value)} ${i.unit}`.trim(),
    ]),
  );
  if (rows.length) {
    blocks.push(
      { kind: 'subheading', text: 'Objectifs du programme et indicateurs' },
      para(`Valeurs à ce jour, depuis le début du programme (elles ne se limitent pas à l’année ${year}).`),
      table(['Objectif', 'Indicateur', 'Cible', 'Valeur à ce jour'], rows, [false, false, true, true]),
    );
  }
  return { id: 'evaluation', number: 7, title: sectionTitles.evaluation, blocks };
}

function nextSection(d: ReviewData, texts: ReviewTexts): ReviewSection {
  const next = d.year + 1;
  const territory = (id: string | null) =>
    d.programme.territories.find((t) => t.id === id)?.name ?? 'Tout le programme';
  const blocks: ReviewBlock[] = [{ kind: 'subheading', text: `Les actions prévues en ${next}` }];
  if (d.nextActions.length === 0) blocks.push(para(`Aucune action n’est encore inscrite au plan pour ${next}.`));
  else if (d.audience === 'public') {
    // The public reads how much is planned, not the plan itself (titles name funding applications, owners are people).
    blocks.push(
      para(`${plural(d.nextActions.length, 'action est inscrite', 'actions sont inscrites')} au plan pour ${next}.`),
    );
  } else {
    blocks.push(
      table(
        ['Action', 'Territoire', 'Échéance', 'Porteur'],
        d.nextActions.map((a) => [
          a.title,
          territory(a.territoryId),
          a.dueOn ? formatDateFr(a.dueOn) : '—',
          [a.ownerName, a.ownerRole].filter(Boolean).join(' — ') || '—',
        ]),
        [false, false, false, false],
      ),
    );
  }
  const questions = questionsOf(texts.openQuestions);
  if (questions.length) blocks.push({ kind: 'subheading', text: 'Questions ouvertes' }, ...questions);
  return { id: 'next', number: 8, title: `${sectionTitles.next} ${next}`, blocks };
}

/** The review's document for the data and the written texts (empty texts left out). */
export function composeReview(d: ReviewData, texts: ReviewTexts, generatedOn: string): ReviewDocument {
  const { programme, year } = d;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const phases = programme.phases.filter((p) => p.startsOn <= to && p.endsOn >= from).map((p) => p.name);
  const sections: ReviewSection[] = [];
  const intro = paragraphsOf(texts.introduction);
  if (intro.length)
    sections.push({ id: 'introduction', number: null, title: sectionTitles.introduction, blocks: intro });
  sections.push(
    contextSection(d),
    doneSection(d),
    territoriesSection(d),
    meetingsSection(d),
    partnershipsSection(d),
    budgetSection(d),
    evaluationSection(d),
    nextSection(d, texts),
  );
  const conclusion = paragraphsOf(texts.conclusion);
  if (conclusion.length) {
    sections.push({ id: 'conclusion', number: null, title: sectionTitles.conclusion, blocks: conclusion });
  }
  return {
    programmeName: programme.name,
    year,
    title: `Bilan ${year}`,
    subtitle: phases.length
      ? `Bilan de l’année ${year} — ${phases.length > 1 ? 'phases' : 'phase'} ${phases.join(' et ')}`
      : `Bilan de l’année ${year}`,
    generatedOn,
    audience: d.audience,
    sections,
  };
}
