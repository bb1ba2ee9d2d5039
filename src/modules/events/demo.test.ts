import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/db.js';
import type { Database } from '../../db/client.js';
import { eventRegistrations, events } from './schema.js';
import { getEvent } from './service.js';

describe('demo events', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase({ demo: true });
  });
  afterAll(() => database.close());

  const attendance = async (eventId: string) =>
    database.db.$count(
      eventRegistrations,
      and(eq(eventRegistrations.eventId, eventId), isNotNull(eventRegistrations.checkedInAt)),
    );

  it('holds the launch meeting of 13 December 2016 with its timed agenda', async () => {
    const [launch] = await database.db.select().from(events).where(eq(events.kind, 'launchMeeting'));
    expect(launch?.startsAt.toISOString()).toBe('2016-12-13T14:00:00.000Z');
    const detail = await getEvent(database.db, null, launch?.id ?? '');
    expect(detail.agenda.map((i) => i.startsAt)).toEqual([
      '15:00',
      '15:15',
      '15:45',
      '16:00',
      '16:30',
      '16:45',
      '17:00',
      '17:45',
      '18:00',
    ]);
    expect(await attendance(launch?.id ?? '')).toBeGreaterThan(10);
  });

  it('holds the six culture & art workshops of 2017 with their attendance, and the 2017 steering committees', async () => {
    const workshops = await database.db
      .select()
      .from(events)
      .where(eq(events.kind, 'interAssociationWorkshop'))
      .orderBy(events.startsAt);
    expect(workshops.map((w) => w.startsAt.toISOString().slice(0, 7))).toEqual([
      '2017-02',
      '2017-04',
      '2017-05',
      '2017-06',
      '2017-07',
      '2017-09',
    ]);
    for (const w of workshops) {
      expect(w.status).toBe('held');
      expect(await attendance(w.id)).toBeGreaterThanOrEqual(7);
    }
    const committees = await database.db.select().from(events).where(eq(events.kind, 'steeringCommittee'));
    expect(committees.map((c) => c.startsAt.getUTCFullYear())).toEqual([2017, 2017, 2017]);
  });
});
