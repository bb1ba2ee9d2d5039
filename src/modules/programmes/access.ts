// Whose minutes a programme's pages may show a viewer, as an SQL condition (undefined: no restriction). The rule is the
// minutes' own (events/minutes/service.ts `canRead`, which has no SQL form to reuse).
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { isStaff, type Viewer } from '../actors/visibility.js';

/** Staff and observers read every event's minutes; others those of an event they hold an active registration to. */
export function minutesReadableBy(viewer: Viewer, eventId: AnyPgColumn): SQL | undefined {
  if (viewer === null) return sql`false`;
  if (isStaff(viewer) || viewer.role === 'observer') return undefined;
  return sql`exists (select 1 from event_registrations r where r.event_id = ${eventId}
    and r.user_id = ${viewer.id} and r.status <> 'cancelled')`;
}
