// 4. Meetings: held and attendance by kind, and the list of the year's meetings.
import { eventKinds } from '../../events/vocabulary.js';
import type { ReviewBlock } from '../contract.js';
import type { ReviewData } from '../data.js';
import { dayOfInstantFr, eventKindLabelsFr, formatCountFr, meetingDay, meetingStatusFr } from '../labels.js';
import { para, type SectionDraft, sectionTitles, table } from './common.js';

export function meetingsSection(d: ReviewData): SectionDraft {
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
  return { id: 'meetings', title: sectionTitles.meetings, blocks };
}
