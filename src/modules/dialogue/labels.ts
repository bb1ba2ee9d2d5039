// How a contribution is signed: publicly by its organisation's name, or « Citoyen·ne » with the commune's name (the
// page writes the word from `family`); the person's display name for staff only; never an e-mail.
import { inArray } from 'drizzle-orm';
import type { Handle } from '../../db/client.js';
import { users } from '../accounts/schema.js';
import { actors } from '../actors/schema.js';
import type { ActorFamily } from '../reference/families.js';
import { communes } from '../reference/schema.js';
import { isStaff, type Viewer } from './access.js';
import type { ParticipantLabel } from './contract.js';

export interface Signed {
  userId: string | null;
  actorId: string | null;
  family: ActorFamily;
  communeCode: string | null;
}

const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))];

/** Reads the names that some contributions need, in three queries at most, and returns their labeller. */
export async function labeller(db: Handle, viewer: Viewer, signed: Signed[]) {
  const actorIds = unique(signed.map((s) => s.actorId));
  const codes = unique(signed.map((s) => s.communeCode));
  const userIds = isStaff(viewer) ? unique(signed.map((s) => s.userId)) : [];
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
  const actorNames = new Map(actorRows.map((r) => [r.id, r.name]));
  const communeNames = new Map(communeRows.map((r) => [r.code, r.name]));
  const personNames = new Map(userRows.map((r) => [r.id, r.name]));
  return (s: Signed): ParticipantLabel => {
    const actorName = s.actorId ? actorNames.get(s.actorId) : undefined;
    return {
      actor: s.actorId && actorName !== undefined ? { id: s.actorId, name: actorName } : null,
      family: s.family,
      communeName: s.communeCode ? (communeNames.get(s.communeCode) ?? null) : null,
      personName: s.userId ? (personNames.get(s.userId) ?? null) : null,
      mine: viewer !== null && s.userId === viewer.id,
    };
  };
}
