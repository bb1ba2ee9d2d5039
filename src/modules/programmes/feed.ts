// The programme's events as one iCalendar feed to subscribe to, written by the events module's calendar builder.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { slugOf } from '../../http/slug.js';
import { calendarOf } from '../events/ics.js';
import { events } from '../events/schema.js';
import { communes } from '../reference/schema.js';
import { requireProgramme } from './common.js';
import { programmeEvents } from './schema.js';

/** Every event of the programme (past ones too: a programme's calendar is its history), cancelled ones marked. */
export async function programmeFeedIcs(
  db: Db,
  publicUrl: string,
  programmeId: string,
): Promise<{ filename: string; ics: Uint8Array }> {
  const programme = await requireProgramme(db, programmeId);
  const rows = await db
    .select({ event: events, communeName: communes.name })
    .from(programmeEvents)
    .innerJoin(events, eq(events.id, programmeEvents.eventId))
    .leftJoin(communes, eq(communes.code, events.communeCode))
    .where(eq(programmeEvents.programmeId, programmeId))
    .orderBy(asc(events.startsAt), asc(events.id));
  const text = calendarOf(
    rows.map((r) => ({ ...r.event, communeName: r.communeName })),
    publicUrl,
    `Alliances — ${programme.name}`,
  );
  return { filename: `programme-${slugOf(programme.name, 'programme')}.ics`, ics: new TextEncoder().encode(text) };
}
