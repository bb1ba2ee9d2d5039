// A person listed by an organisation, as the privacy routes reach them: the same rule as editing the actor's people
// (staff, or the organisation's own members: actors/visibility.ts), since consents and erasure are part of that.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { forbidden, notFound } from '../../errors.js';
import type { CurrentUser } from '../accounts/service.js';
import { actorPeople, actors } from '../actors/schema.js';
import { canEditActor } from '../actors/visibility.js';

export async function findPerson(db: Db, personId: string) {
  const [row] = await db
    .select({ id: actorPeople.id, name: actorPeople.name, actorId: actorPeople.actorId, actorName: actors.name })
    .from(actorPeople)
    .innerJoin(actors, eq(actors.id, actorPeople.actorId))
    .where(eq(actorPeople.id, personId));
  if (!row) throw notFound('Personne');
  return row;
}

/** The person if this viewer may edit their organisation's people, else forbidden. */
export async function editablePerson(db: Db, viewer: CurrentUser, personId: string) {
  const person = await findPerson(db, personId);
  if (!canEditActor(viewer, person.actorId)) throw forbidden();
  return person;
}
