// 2. What was done, month by month: the meetings held and (readers only) the action plan.
import type { ActionView } from '../../programmes/contract.js';
import type { ReviewBlock } from '../contract.js';
import type { ReviewData } from '../data.js';
import {
  actionStatusLabelsFr,
  eventKindLabelsFr,
  formatCountFr,
  formatDateFr,
  meetingDay,
  monthFr,
} from '../labels.js';
import { para, type SectionDraft, sectionTitles } from './common.js';

/** The day an action counts on in the year's story: done, else started, else due. */
const actionDay = (a: ActionView) => a.doneOn ?? a.startsOn ?? a.dueOn ?? '';

export function doneSection(d: ReviewData): SectionDraft {
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
  return { id: 'done', title: sectionTitles.done, blocks };
}
