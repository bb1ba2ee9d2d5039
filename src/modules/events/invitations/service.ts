// Invitations to an event: organisations (whose active members are told) and people. Staff invite and read the
// list (people's names: staff only); a signed-in user learns whether they, or their organisation, are invited.
import { and, asc, eq, inArray, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Db, Handle } from '../../../db/client.js';
import { unknownIds } from '../../../db/ids.js';
import { conflict, type FieldIssue, invalid, notFound, parseInput } from '../../../errors.js';
import { users } from '../../accounts/schema.js';
import type { CurrentUser } from '../../accounts/service.js';
import { actors } from '../../actors/schema.js';
import { requireStaff, type Viewer } from '../../actors/visibility.js';
import { notify } from '../../notifications/service.js';
import { programmeParticipants, programmes, programmeTerritories } from '../../programmes/schema.js';
import { eventRegistrations, events } from '../schema.js';
import { type InvitationsInput, type InvitationsView, invitationsBody } from './contract.js';
import { eventInvitations } from './schema.js';

type Registered = InvitationsView['people'][number]['registered'];

/** The ids among `ids` missing from `table`, named by their index in the request (`actorIds.2`), the others locked. */
async function missingTargets(
  db: Handle,
  table: typeof actors | typeof users,
  ids: string[],
  field: string,
  code: string,
) {
  const unknown = await unknownIds(db, table.id, ids, { keyShare: true });
  return ids.flatMap((id, i): FieldIssue[] => (unknown.has(id) ? [{ field: `${field}.${i}`, code }] : []));
}

/** The actors of a programme's pilot group in a territory (all its participants when territoryId is null). */
async function participantsOf(db: Handle, target: { programmeId: string; territoryId: string | null }) {
  const [p] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.id, target.programmeId))
    .for('key share');
  if (!p) throw invalid([{ field: 'programmeTerritory.programmeId', code: 'unknownProgramme' }]);
  if (target.territoryId) {
    const [t] = await db
      .select({ id: programmeTerritories.id })
      .from(programmeTerritories)
      .where(
        and(eq(programmeTerritories.id, target.territoryId), eq(programmeTerritories.programmeId, target.programmeId)),
      );
    if (!t) throw invalid([{ field: 'programmeTerritory.territoryId', code: 'notInProgramme' }]);
  }
  const rows = await db
    .select({ actorId: programmeParticipants.actorId })
    .from(programmeParticipants)
    .where(
      and(
        eq(programmeParticipants.programmeId, target.programmeId),
        target.territoryId ? eq(programmeParticipants.territoryId, target.territoryId) : undefined,
      ),
    );
  return rows.map((r) => r.actorId);
}

/**
 * Invites organisations, people, or a programme's pilot group, in one transaction. Re-inviting is idempotent: only
 * new invitations are written and told — each newly invited organisation's active members and each newly invited
 * person get an in-app notification (e-mailed at once to those who chose « instant »). Staff only.
 */
export async function invite(
  db: Db,
  by: Viewer,
  eventId: string,
  input: InvitationsInput,
  publicUrl: string,
): Promise<{ invited: number; alreadyInvited: number }> {
  requireStaff(by);
  const data = parseInput(invitationsBody, input);
  return db.transaction(async (tx) => {
    const [event] = await tx.select().from(events).where(eq(events.id, eventId)).for('update');
    if (!event) throw notFound('Événement');
    if (event.status === 'cancelled') {
      throw conflict('Cet événement est annulé', [{ field: 'event', code: 'eventCancelled' }]);
    }
    // Checked inside the transaction: a target deleted meanwhile is a field error, not a foreign-key failure.
    const issues = [
      ...(await missingTargets(tx, actors, data.actorIds, 'actorIds', 'unknownActor')),
      ...(await missingTargets(tx, users, data.userIds, 'userIds', 'unknownUser')),
    ];
    if (issues.length > 0) throw invalid(issues);
    const fromProgramme = data.programmeTerritory ? await participantsOf(tx, data.programmeTerritory) : [];
    const actorIds = [...new Set([...data.actorIds, ...fromProgramme])];
    const userIds = [...new Set(data.userIds)];
    const rows = [
      ...actorIds.map((actorId) => ({ eventId, actorId, invitedBy: by.id })),
      ...userIds.map((userId) => ({ eventId, userId, invitedBy: by.id })),
    ];
    // The partial unique indexes (event, actor) and (event, user) make a second invitation a no-op.
    const inserted = rows.length
      ? await tx
          .insert(eventInvitations)
          .values(rows)
          .onConflictDoNothing()
          .returning({ actorId: eventInvitations.actorId, userId: eventInvitations.userId })
      : [];
    const newActors = inserted.flatMap((r) => (r.actorId ? [r.actorId] : []));
    const members = newActors.length
      ? await tx
          .select({ id: users.id })
          .from(users)
          .where(and(inArray(users.actorId, newActors), eq(users.role, 'member'), isNull(users.disabledAt)))
      : [];
    const told = new Set([...members.map((m) => m.id), ...inserted.flatMap((r) => (r.userId ? [r.userId] : []))]);
    // No person's name in the title nor the body: the notification may be e-mailed.
    await notify(
      tx,
      [...told],
      {
        kind: 'eventInvitation',
        title: `Invitation\u202f: ${event.title}`,
        body: `Vous êtes invité·e à «\u00a0${event.title}\u00a0», le ${frenchDate(event.startsAt)}.`,
        link: `/evenements/${eventId}`,
      },
      publicUrl,
    );
    return { invited: inserted.length, alreadyInvited: rows.length - inserted.length };
  });
}

/** « 13 décembre 2016 à 18 h 00 », in Paris time. */
const frenchDate = (d: Date) =>
  new Intl.DateTimeFormat('fr-FR', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  }).format(d);

/** The best active registration among rows (a seat before the waiting list), or null. */
function registeredOf(statuses: string[]): Registered {
  if (statuses.includes('registered')) return 'registered';
  if (statuses.includes('waitlisted')) return 'waitlisted';
  return null;
}

/** The invited organisations and people, with whether they registered. Staff only (people's names). */
export async function listInvitations(db: Db, by: Viewer, eventId: string): Promise<InvitationsView> {
  requireStaff(by);
  const [event] = await db.select({ id: events.id }).from(events).where(eq(events.id, eventId));
  if (!event) throw notFound('Événement');
  const rows = await db
    .select({
      inv: eventInvitations,
      actorName: actors.name,
      displayName: users.displayName,
    })
    .from(eventInvitations)
    .leftJoin(actors, eq(actors.id, eventInvitations.actorId))
    .leftJoin(users, eq(users.id, eventInvitations.userId))
    .where(eq(eventInvitations.eventId, eventId))
    .orderBy(asc(eventInvitations.createdAt), asc(eventInvitations.id));
  const regs = await db
    .select({
      userId: eventRegistrations.userId,
      actorId: eventRegistrations.actorId,
      status: eventRegistrations.status,
    })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), ne(eventRegistrations.status, 'cancelled')));
  const byActor = (id: string) => registeredOf(regs.filter((r) => r.actorId === id).map((r) => r.status));
  const byUser = (id: string) => registeredOf(regs.filter((r) => r.userId === id).map((r) => r.status));
  const collator = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'fr');
  return {
    organisations: rows
      .flatMap((r) =>
        r.inv.actorId && r.actorName !== null
          ? [
              {
                id: r.inv.id,
                actorId: r.inv.actorId,
                name: r.actorName,
                registered: byActor(r.inv.actorId),
                createdAt: r.inv.createdAt.toISOString(),
              },
            ]
          : [],
      )
      .sort(collator),
    people: rows.flatMap((r) =>
      r.inv.userId && r.displayName !== null
        ? [
            {
              id: r.inv.id,
              userId: r.inv.userId,
              displayName: r.displayName,
              registered: byUser(r.inv.userId),
              createdAt: r.inv.createdAt.toISOString(),
            },
          ]
        : [],
    ),
  };
}

/** Whether the user, or their organisation, is invited to the event. */
export async function isInvited(db: Db, user: CurrentUser, eventId: string): Promise<{ invited: boolean }> {
  const [event] = await db.select({ id: events.id }).from(events).where(eq(events.id, eventId));
  if (!event) throw notFound('Événement');
  const who: SQL[] = [eq(eventInvitations.userId, user.id)];
  if (user.actorId) who.push(eq(eventInvitations.actorId, user.actorId));
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(eventInvitations)
    .where(and(eq(eventInvitations.eventId, eventId), or(...who)));
  return { invited: (row?.n ?? 0) > 0 };
}

/** Withdraws an invitation (notifications already sent stay). Staff only. */
export async function removeInvitation(db: Db, by: Viewer, eventId: string, invitationId: string): Promise<void> {
  requireStaff(by);
  const done = await db
    .delete(eventInvitations)
    .where(and(eq(eventInvitations.id, invitationId), eq(eventInvitations.eventId, eventId)))
    .returning({ id: eventInvitations.id });
  if (!done.length) throw notFound('Invitation');
}
