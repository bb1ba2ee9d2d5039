// How a contribution is signed: publicly by its organisation's name, « Citoyen·ne » with the commune's name, or the
// animation team (the page writes the words from `family` and `team`); the person's display name for staff only;
// never an e-mail. Staff contribute as the team: stored with no organisation (actorId null) and the family
// 'association' (access.ts `participantOf`), hence « team ⇔ actor null and family ≠ 'citizen' ».
import { inArray, type SQL, sql } from 'drizzle-orm';
import type { Handle } from '../../db/client.js';
import { users } from '../accounts/schema.js';
import { actors } from '../actors/schema.js';
import { unique } from '../actors/validation.js';
import { isStaff } from '../actors/visibility.js';
import type { ActorFamily } from '../reference/families.js';
import { communes } from '../reference/schema.js';
import type { Viewer } from './access.js';
import type { ParticipantLabel } from './contract.js';

export interface Signed {
  userId: string | null;
  actorId: string | null;
  family: ActorFamily;
  communeCode: string | null;
}

/** A contribution by the animation team: no organisation, and not a citizen's (see the head of this file). */
export const isTeam = (s: Pick<Signed, 'actorId' | 'family'>) => s.actorId === null && s.family !== 'citizen';

/** SQL twin of isTeam on a contribution's columns. */
export const teamSql = (actorId: SQL, family: SQL) => sql`(${actorId} is null and ${family} <> 'citizen')`;

/** Cuts a text to a field's limit with « … » (a proposal's description may be longer than a project's summary). */
export const cutText = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

/** Named rows by id, and the reference to one of them (null when the id is null or the row was not read). */
export type NamedRef = { id: string; name: string };
export const byId = (list: NamedRef[]) => new Map(list.map((r) => [r.id, r]));
export const refOf = (map: Map<string, NamedRef>, id: string | null) => (id === null ? null : (map.get(id) ?? null));

const present = (values: (string | null)[]) => unique(values.filter((v): v is string => v !== null));

/** The names a label needs, by id or code (personNames: staff only). */
export interface LabelNames {
  actors: Map<string, string>;
  communes: Map<string, string>;
  persons: Map<string, string>;
}

/** The one place where a contribution's label is built from its frozen row and the names read. */
export function labelOf(s: Signed, names: LabelNames, viewer: Viewer): ParticipantLabel {
  const actorName = s.actorId ? names.actors.get(s.actorId) : undefined;
  return {
    actor: s.actorId && actorName !== undefined ? { id: s.actorId, name: actorName } : null,
    family: s.family,
    team: isTeam(s),
    communeName: s.communeCode ? (names.communes.get(s.communeCode) ?? null) : null,
    personName: isStaff(viewer) && s.userId ? (names.persons.get(s.userId) ?? null) : null,
    mine: viewer !== null && s.userId === viewer.id,
  };
}

/**
 * A label as French words, for what is written on the server (the moderation queue's `authorLabel`): the
 * organisation, « Équipe d’animation », or « Citoyen·ne » with the commune. The pages write theirs from the label.
 */
export function labelText(label: ParticipantLabel): string {
  if (label.actor) return label.actor.name;
  if (label.team) return 'Équipe d’animation';
  return label.communeName ? `Citoyen·ne de ${label.communeName}` : 'Citoyen·ne';
}

/** Reads the names that some contributions need, in three queries at most, and returns their labeller. */
export async function labeller(db: Handle, viewer: Viewer, signed: Signed[]) {
  const actorIds = present(signed.map((s) => s.actorId));
  const codes = present(signed.map((s) => s.communeCode));
  const userIds = isStaff(viewer) ? present(signed.map((s) => s.userId)) : [];
  const [actorRows, communeRows, userRows] = await Promise.all([
    actorIds.length
      ? db.select({ id: actors.id, name: actors.name }).from(actors).where(inArray(actors.id, actorIds))
      : [],
    codes.length
      ? db.select({ code: communes.code, name: communes.name }).from(communes).where(inArray(communes.code, codes))
      : [],
    userIds.length
      ? db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds))
      : [],
  ]);
  const names: LabelNames = {
    actors: new Map(actorRows.map((r) => [r.id, r.name])),
    communes: new Map(communeRows.map((r) => [r.code, r.name])),
    persons: new Map(userRows.map((r) => [r.id, r.name])),
  };
  return (s: Signed): ParticipantLabel => labelOf(s, names, viewer);
}
