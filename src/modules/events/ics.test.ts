import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../tests/auth.js';
import type { EventDetail, EventInput } from './contract.js';
import { agendaLines, calendarOf, descriptionOf, feedName } from './ics.js';
import { events } from './schema.js';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

const day = 24 * 3600_000;
const at = (days: number, hour: number) => {
  const d = new Date(Date.now() + days * day);
  d.setUTCHours(hour, 0, 0, 0);
  return d;
};

/** Parses an iCalendar text with ical.js, a real RFC 5545 parser; fails on malformed input. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevents = calendar.getAllSubcomponents('vevent');
  return { calendar, vevents, byUid: new Map(vevents.map((v) => [String(v.getFirstPropertyValue('uid')), v])) };
}
const instant = (v: ICAL.Component, prop: 'dtstart' | 'dtend') =>
  (v.getFirstPropertyValue(prop) as ICAL.Time).toJSDate().toISOString();

describe('calendarOf (unit)', () => {
  const base = {
    id: '2f3c1c8e-6a0e-4f5b-9a57-1c0e3e0b7a11',
    title: 'Speed dating associations × entreprises',
    description: 'Rencontres de 7 minutes ; venez avec vos besoins.',
    startsAt: new Date('2025-03-15T14:00:00Z'),
    endsAt: new Date('2025-03-15T17:30:00Z'),
    place: 'Hôtel de ville, salle des fêtes',
    communeName: 'Lyon',
    status: 'planned' as const,
    agenda: [
      { startsAt: '15:00', title: 'Accueil', speakers: [] },
      { startsAt: '15:30', title: 'Rencontres', speakers: ['Marie Curie', 'Paul Langevin'] },
    ],
    createdAt: new Date('2025-01-10T09:00:00Z'),
    updatedAt: new Date('2025-01-12T09:00:00Z'),
  };

  it('writes the event in UTC with its UID, place, URL and agenda, parsed back by ical.js', () => {
    const text = calendarOf([base], 'https://alliances.example.org/');
    const { calendar, vevents } = parse(text);
    expect(vevents).toHaveLength(1);
    const v = vevents[0] as ICAL.Component;
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Paris');
    expect(v.getFirstPropertyValue('summary')).toBe(base.title);
    expect(instant(v, 'dtstart')).toBe('2025-03-15T14:00:00.000Z');
    expect(instant(v, 'dtend')).toBe('2025-03-15T17:30:00.000Z');
    expect((v.getFirstPropertyValue('dtstart') as ICAL.Time).zone?.tzid).toBe('UTC');
    expect(v.getFirstPropertyValue('uid')).toBe(`${base.id}@alliances`);
    expect(v.getFirstPropertyValue('location')).toBe('Hôtel de ville, salle des fêtes, Lyon');
    expect(v.getFirstPropertyValue('url')).toBe(`https://alliances.example.org/evenements/${base.id}`);
    expect(v.getFirstPropertyValue('status')).toBe('CONFIRMED');
    const description = String(v.getFirstPropertyValue('description'));
    expect(description.split('\n')).toEqual([
      base.description,
      '',
      'Programme :',
      '15:00 Accueil',
      '15:30 Rencontres — Marie Curie, Paul Langevin',
    ]);
    // RFC 5545: lines of at most 75 octets, CRLF.
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('marks a cancelled event, leaves out empty fields', () => {
    const { vevents } = parse(
      calendarOf([{ ...base, status: 'cancelled', place: '', communeName: null, description: '', agenda: [] }], 'x'),
    );
    const v = vevents[0] as ICAL.Component;
    expect(v.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(v.getFirstProperty('location')).toBeNull();
    expect(v.getFirstProperty('description')).toBeNull();
  });

  it('formats agenda lines and the description', () => {
    expect(agendaLines(base.agenda)).toEqual(['15:00 Accueil', '15:30 Rencontres — Marie Curie, Paul Langevin']);
    expect(descriptionOf({ description: '', agenda: [base.agenda[0] as (typeof base.agenda)[0]] })).toBe(
      'Programme :\n15:00 Accueil',
    );
  });
});

describe('events iCalendar routes', () => {
  let t: TestApp;
  let animator: SignedIn;

  const create = async (input: Partial<EventInput> & { startsAt: string; endsAt: string; title: string }) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/events',
      headers: animator.headers,
      payload: {
        kind: 'speedDating',
        description: 'Rencontres entre associations et entreprises.',
        place: 'Maison de la vie associative',
        agenda: [
          { startsAt: '15:00', title: 'Accueil', speakers: [] },
          { startsAt: '15:30', title: 'Rencontres', speakers: ['Animatrice'] },
        ],
        ...input,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as EventDetail;
  };
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  let upcoming: EventDetail;
  let cancelled: EventDetail;
  let recent: EventDetail;
  let old: EventDetail;

  beforeAll(async () => {
    t = await createTestApp();
    animator = await signedInAs(t.db, 'animator');
    upcoming = await create({
      title: 'Speed dating : culture & entreprises',
      startsAt: at(10, 14).toISOString(),
      endsAt: at(10, 17).toISOString(),
    });
    cancelled = await create({
      title: 'Forum ouvert annulé',
      startsAt: at(20, 8).toISOString(),
      endsAt: at(20, 12).toISOString(),
    });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/events/${cancelled.id}/cancel`,
      headers: animator.headers,
    });
    expect(res.statusCode).toBe(200);
    // Past events cannot be created through the API (dates are free, but keep the test independent): insert them.
    const [r1] = await t.db
      .insert(events)
      .values({ kind: 'launchMeeting', title: 'Réunion de lancement', startsAt: at(-30, 9), endsAt: at(-30, 11) })
      .returning();
    const [r2] = await t.db
      .insert(events)
      .values({ kind: 'training', title: 'Formation ancienne', startsAt: at(-120, 9), endsAt: at(-120, 11) })
      .returning();
    recent = { id: r1?.id } as EventDetail;
    old = { id: r2?.id } as EventDetail;
  });
  afterAll(() => t.close());

  it('serves one event as an .ics attachment, for anyone', async () => {
    const res = await get(`/api/v1/events/${upcoming.id}/event.ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="evenement-speed-dating-culture-entreprises.ics"',
    );
    const { vevents } = parse(res.body);
    expect(vevents).toHaveLength(1);
    const v = vevents[0] as ICAL.Component;
    expect(v.getFirstPropertyValue('summary')).toBe('Speed dating : culture & entreprises');
    expect(instant(v, 'dtstart')).toBe(new Date(upcoming.startsAt).toISOString());
    expect(instant(v, 'dtend')).toBe(new Date(upcoming.endsAt).toISOString());
    expect(v.getFirstPropertyValue('uid')).toBe(`${upcoming.id}@alliances`);
    expect(v.getFirstPropertyValue('location')).toBe('Maison de la vie associative');
    expect(v.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(String(v.getFirstPropertyValue('url'))).toMatch(new RegExp(`/evenements/${upcoming.id}$`));
    expect(String(v.getFirstPropertyValue('description'))).toContain('15:30 Rencontres — Animatrice');
  });

  it('says STATUS:CANCELLED for a cancelled event', async () => {
    const res = await get(`/api/v1/events/${cancelled.id}/event.ics`);
    expect(res.statusCode).toBe(200);
    const v = parse(res.body).vevents[0] as ICAL.Component;
    expect(v.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(v.getFirstPropertyValue('uid')).toBe(`${cancelled.id}@alliances`);
  });

  it('answers 404 for an unknown event, 400 for a malformed id', async () => {
    const unknown = await get('/api/v1/events/7d1b2c3a-0000-4000-8000-000000000000/event.ics');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect((await get('/api/v1/events/not-a-uuid/event.ics')).statusCode).toBe(400);
  });

  it('serves the feed (not taken for /events/:id): upcoming and recent events, one named calendar', async () => {
    const res = await get('/api/v1/events/feed.ics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const { calendar, vevents, byUid } = parse(res.body);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(feedName);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Alliances — événements');
    expect(vevents).toHaveLength(3);
    expect([...byUid.keys()].sort()).toEqual(
      [upcoming.id, cancelled.id, recent.id].map((id) => `${id}@alliances`).sort(),
    );
    expect(byUid.has(`${old.id}@alliances`)).toBe(false);
    expect(byUid.get(`${cancelled.id}@alliances`)?.getFirstPropertyValue('status')).toBe('CANCELLED');
    const u = byUid.get(`${upcoming.id}@alliances`) as ICAL.Component;
    expect(instant(u, 'dtstart')).toBe(new Date(upcoming.startsAt).toISOString());
    expect(instant(u, 'dtend')).toBe(new Date(upcoming.endsAt).toISOString());
  });
});
