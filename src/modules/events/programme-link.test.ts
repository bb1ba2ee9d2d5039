import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { signedInAs } from '../../../tests/auth.js';
import { onPostgres, whileDeleting } from '../../../tests/races.js';
import { DomainError } from '../../errors.js';
import { programmeEvents, programmePhases, programmes } from '../programmes/schema.js';
import { writeProgrammeLink } from './programme-link.js';
import { events } from './schema.js';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

// The link is checked inside the transaction that writes it: a programme or phase deleted after the request was
// read (here: within the same transaction, before the write) gives the field's error, never a foreign-key failure.
describe('programme link of an event', () => {
  let t: TestApp;
  let eventId: string;
  let programmeId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const [event] = await t.db
      .insert(events)
      .values({
        kind: 'interAssociationWorkshop',
        title: 'Atelier',
        startsAt: new Date('2026-12-13T17:00:00Z'),
        endsAt: new Date('2026-12-13T19:00:00Z'),
      })
      .returning({ id: events.id });
    eventId = event?.id ?? '';
    const [programme] = await t.db
      .insert(programmes)
      .values({ slug: 'lien', name: 'Lien', startsOn: '2026-01-01', endsOn: '2027-12-31' })
      .returning({ id: programmes.id });
    programmeId = programme?.id ?? '';
  });
  afterAll(() => t.close());

  const issuesOf = async (run: Promise<unknown>) => {
    try {
      await run;
    } catch (error) {
      if (error instanceof DomainError) return [error.kind, error.issues.map((i) => [i.field, i.code])];
      throw error;
    }
    return null;
  };

  it('names the field when the programme or phase is gone by the time of the write', async () => {
    const gone = await issuesOf(
      t.db.transaction((tx) =>
        writeProgrammeLink(tx, eventId, { programmeId: randomUUID(), territoryId: null, phaseId: null }),
      ),
    );
    expect(gone).toEqual(['invalid', [['programmeId', 'unknownProgramme']]]);
    const [phase] = await t.db
      .insert(programmePhases)
      .values({ programmeId, name: 'Amorçage', startsOn: '2026-01-01', endsOn: '2026-12-31', position: 0 })
      .returning({ id: programmePhases.id });
    const phaseId = phase?.id ?? '';
    const deleted = await issuesOf(
      t.db.transaction(async (tx) => {
        await tx.delete(programmePhases).where(eq(programmePhases.id, phaseId));
        await writeProgrammeLink(tx, eventId, { programmeId, territoryId: null, phaseId });
      }),
    );
    expect(deleted).toEqual(['invalid', [['phaseId', 'notInProgramme']]]);
    expect(await t.db.select().from(programmeEvents).where(eq(programmeEvents.eventId, eventId))).toEqual([]);
    await t.db.transaction((tx) => writeProgrammeLink(tx, eventId, { programmeId, territoryId: null, phaseId: null }));
    expect(await t.db.select().from(programmeEvents).where(eq(programmeEvents.eventId, eventId))).toHaveLength(1);
  });
  // PostgreSQL only: a race needs two connections.
  it.runIf(onPostgres)(
    'names the programme deleted while the event is created, not a foreign-key failure',
    async () => {
      const animator = await signedInAs(t.db, 'animator');
      const [gone] = await t.db
        .insert(programmes)
        .values({ slug: 'ephemere', name: 'Éphémère', startsOn: '2026-01-01', endsOn: '2027-12-31' })
        .returning({ id: programmes.id });
      const res = await whileDeleting(
        t.db,
        (tx) => tx.delete(programmes).where(eq(programmes.id, gone?.id ?? '')),
        () =>
          t.app.inject({
            method: 'POST',
            url: '/api/v1/events',
            headers: animator.headers,
            payload: {
              kind: 'interAssociationWorkshop',
              title: 'Atelier du programme disparu',
              startsAt: '2026-12-14T17:00:00Z',
              endsAt: '2026-12-14T19:00:00Z',
              programmeId: gone?.id,
            },
          }),
      );
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().errors).toEqual([expect.objectContaining({ field: 'programmeId', code: 'unknownProgramme' })]);
    },
  );
});
