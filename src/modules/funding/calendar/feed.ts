// The funding deadlines as an iCalendar feed to subscribe to (with an API token: the feed is for readers), written by
// ical-generator as the events' and programmes' feeds are. Each deadline is an all-day entry whose UID is the call's
// or the report's, so that a moved deadline moves the entry instead of adding one.
import ical, { ICalCalendarMethod } from 'ical-generator';
import type { Db } from '../../../db/client.js';
import { calendarTimeZone } from '../../events/ics.js';
import { addDays, parisDay } from '../../programmes/common.js';
import { formatDateFr } from '../../projects/sheet.js';
import { deadlineRows, deadlineView } from './deadlines.js';

const deadlinesFeedName = 'Alliances — échéances des financements';
/** The feed holds the deadlines of the last 90 days and of the next two years. */
const feedPastDays = 90;
const feedAheadDays = 730;

const summaryOf = (d: ReturnType<typeof deadlineView>) =>
  d.kind === 'callCloses'
    ? `Clôture de l’appel à projets «\u00a0${d.title}\u00a0» (${d.funder.name})`
    : `Rapport à rendre\u202f: ${d.title} — ${d.applicationTitle ?? ''} (${d.funder.name})`;

const descriptionOf = (d: ReturnType<typeof deadlineView>) =>
  [
    d.kind === 'callCloses'
      ? `L’appel à projets de ${d.funder.name} clôture le ${formatDateFr(d.dueOn)}.`
      : `Le rapport «\u00a0${d.title}\u00a0» du dossier «\u00a0${d.applicationTitle ?? ''}\u00a0» est à rendre à ${d.funder.name} le ${formatDateFr(d.dueOn)}.`,
    d.territory ? `Territoire\u202f: ${d.territory.name}.` : '',
  ]
    .filter(Boolean)
    .join('\n');

export async function deadlinesIcs(db: Db, publicUrl: string, now = new Date()): Promise<Uint8Array> {
  const today = parisDay(now);
  const rows = await deadlineRows(db, { from: addDays(today, -feedPastDays), to: addDays(today, feedAheadDays) });
  const calendar = ical({
    prodId: { company: 'Alliances', product: 'financements', language: 'FR' },
    method: ICalCalendarMethod.PUBLISH,
    name: deadlinesFeedName,
  });
  calendar.x('X-WR-TIMEZONE', calendarTimeZone);
  const base = publicUrl.replace(/\/+$/, '');
  for (const row of rows) {
    const d = deadlineView(row, today);
    calendar.createEvent({
      id: `${d.kind}-${d.callId ?? d.reportId}@alliances`,
      summary: summaryOf(d),
      description: descriptionOf(d),
      start: new Date(`${d.dueOn}T00:00:00Z`),
      allDay: true,
      url: `${base}${d.link}`,
      stamp: now,
    });
  }
  return new TextEncoder().encode(calendar.toString());
}
