// A person listed by an organisation, as the privacy routes reach them: the same rule as editing the actor's people
// (staff, or the organisation's own members: actors/visibility.ts), since consents and erasure are part of that.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { notFound } from '../../errors.js';
import type { CurrentUser } from '../accounts/service.js';
import { actorPeople, actors } from '../actors/schema.js';
import { canEditActor } from '../actors/visibility.js';

/**
 * The person if this viewer may edit their organisation's people. Someone else's person is « not found », like a
 * missing one (as notifications' markRead does): the answer does not tell whether the id exists.
 */
export async function editablePerson(db: Db, viewer: CurrentUser, personId: string) {
  const [row] = await db
    .select({ id: actorPeople.id, name: actorPeople.name, actorId: actorPeople.actorId, actorName: actors.name })
    .from(actorPeople)
    .innerJoin(actors, eq(actors.id, actorPeople.actorId))
    .where(eq(actorPeople.id, personId));
  if (!row || !canEditActor(viewer, row.actorId)) throw notFound('Personne');
  return row;
}
