// Events as iCalendar (RFC 5545), written by ical-generator: one event to add to one's calendar, and a feed of the
// upcoming and recent events to subscribe to. Public data only (no participants).
//
// Instants are written in UTC (`DTSTART:20250315T170000Z`), which every client reads without a VTIMEZONE block; the
// calendar names Europe/Paris (X-WR-TIMEZONE) as the zone to show them in, the zone the agenda's times are in.
// The UID is stable (`<event id>@alliances`), so that a new download or the feed updates the entry instead of
// duplicating it; a cancelled event stays, with STATUS:CANCELLED, so that subscribed calendars strike it out.
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Db } from '../../db/client.js';
import { slugOf } from '../../http/slug.js';
import type { AgendaItem } from './schema.js';
import { eventsForCalendar } from './service.js';
import type { EventStatus } from './vocabulary.js';

export const calendarTimeZone = 'Europe/Paris';
export const feedName = 'Alliances — événements';
/** The feed holds the events that ended at most this many days ago, and all those to come. */
export const feedPastDays = 90;
const feedLimit = 1000;

export interface CalendarEvent {
  id: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  communeName: string | null;
  status: EventStatus;
  agenda: AgendaItem[];
  createdAt: Date;
  updatedAt: Date;
}

export const eventUid = (id: string) => `${id}@alliances`;
export const eventPageUrl = (publicUrl: string, id: string) => `${publicUrl.replace(/\/+$/, '')}/evenements/${id}`;

/** `15:00 Accueil — Marie, Paul`: one line per agenda item (times are local, Europe/Paris). */
export function agendaLines(agenda: AgendaItem[]): string[] {
  return agenda.map((a) => `${a.startsAt} ${a.title}${a.speakers.length ? ` — ${a.speakers.join(', ')}` : ''}`);
}

/** The description, then the agenda under « Programme : », as plain text. */
export function descriptionOf(e: Pick<CalendarEvent, 'description' | 'agenda'>): string {
  const parts: string[] = [];
  if (e.description.trim()) parts.push(e.description.trim());
  if (e.agenda.length) parts.push(['Programme :', ...agendaLines(e.agenda)].join('\n'));
  return parts.join('\n\n');
}

/** `Maison de la vie associative, Lyon`: the place and the commune, when known. */
export function locationOf(e: Pick<CalendarEvent, 'place' | 'communeName'>): string {
  return [e.place.trim(), e.communeName ?? ''].filter(Boolean).join(', ');
}

const statusOf: Record<EventStatus, ICalEventStatus> = {
  planned: ICalEventStatus.CONFIRMED,
  held: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
};

/** An iCalendar text holding the given events; `name` makes it a named feed. */
export function calendarOf(list: CalendarEvent[], publicUrl: string, name?: string): string {
  const calendar = ical({
    prodId: { company: 'Alliances', product: 'evenements', language: 'FR' },
    method: ICalCalendarMethod.PUBLISH,
    ...(name ? { name } : {}),
  });
  calendar.x('X-WR-TIMEZONE', calendarTimeZone);
  for (const e of list) {
    const location = locationOf(e);
    calendar.createEvent({
      id: eventUid(e.id),
      summary: e.title,
      start: e.startsAt,
      end: e.endsAt,
      description: descriptionOf(e) || null,
      location: location || null,
      url: eventPageUrl(publicUrl, e.id),
      status: statusOf[e.status],
      // Grows with every edit (cancellation included), so that clients accept the new version of the same UID.
      sequence: Math.max(0, Math.floor((e.updatedAt.getTime() - e.createdAt.getTime()) / 1000)),
      stamp: e.updatedAt,
      created: e.createdAt,
      lastModified: e.updatedAt,
    });
  }
  return calendar.toString();
}

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

/** One event as an `.ics` file (any event: all are public; a cancelled one says so). 404 when unknown. */
export async function eventIcs(db: Db, publicUrl: string, id: string): Promise<{ filename: string; ics: Uint8Array }> {
  const [event] = await eventsForCalendar(db, { id });
  if (!event) throw new Error('unreachable: eventsForCalendar throws notFound');
  return { filename: `evenement-${slugOf(event.title, 'evenement')}.ics`, ics: utf8(calendarOf([event], publicUrl)) };
}

/** The feed: events that ended less than 90 days ago and all those to come, as one named calendar. */
export async function eventsFeedIcs(db: Db, publicUrl: string, now = new Date()): Promise<Uint8Array> {
  const list = await eventsForCalendar(db, {
    endingAfter: new Date(now.getTime() - feedPastDays * 24 * 3600_000),
    limit: feedLimit,
  });
  return utf8(calendarOf(list, publicUrl, feedName));
}
