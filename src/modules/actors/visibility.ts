// Who sees what of an actor. Pure functions: the service reads the rows, these decide.
import { forbidden } from '../../errors.js';
import type { CurrentUser } from '../accounts/service.js';
import { defaultFieldVisibility, type RestrictableField, restrictableFields, type Visibility } from './contract.js';

export type Viewer = CurrentUser | null;

export const isStaff = (viewer: Viewer) => viewer?.role === 'admin' || viewer?.role === 'animator';

/** Staff only (admin, animator), else forbidden; the caller is then known to be signed in. */
export function requireStaff(viewer: Viewer): asserts viewer is CurrentUser {
  if (!isStaff(viewer)) throw forbidden();
}

/** A member of the organisation itself (role member attached to this actor). */
export const isOwnMember = (viewer: Viewer, actorId: string) =>
  viewer?.role === 'member' && viewer.actorId !== null && viewer.actorId === actorId;

/** Staff edit any actor; a member edits its own organisation; observers and visitors never. */
export const canEditActor = (viewer: Viewer, actorId: string) => isStaff(viewer) || isOwnMember(viewer, actorId);

/**
 * Whether the viewer may read something of this actor published at `level`: 'public' for everyone, 'members' for the
 * network's signed-in users, 'animators' for admins and animators; the organisation's own members read everything of
 * their own. Citizens sign up by themselves, so 'members' (the network) does not include them: they read the public.
 */
export function canRead(viewer: Viewer, actorId: string, level: Visibility): boolean {
  if (level === 'public') return true;
  if (viewer === null) return false;
  if (isStaff(viewer) || isOwnMember(viewer, actorId)) return true;
  return level === 'members' && viewer.role !== 'citizen';
}

/** The level of every restrictable field: the actor's overrides over the defaults. */
export function effectiveFieldVisibility(
  overrides: Partial<Record<string, Visibility>>,
): Record<RestrictableField, Visibility> {
  const result = { ...defaultFieldVisibility };
  for (const field of restrictableFields) {
    const level = overrides[field];
    if (level) result[field] = level;
  }
  return result;
}

/** Keeps only the overrides that differ from the defaults, so that stored data follows future default changes. */
export function normaliseFieldVisibility(
  overrides: Partial<Record<string, Visibility>>,
): Partial<Record<RestrictableField, Visibility>> {
  const result: Partial<Record<RestrictableField, Visibility>> = {};
  for (const field of restrictableFields) {
    const level = overrides[field];
    if (level && level !== defaultFieldVisibility[field]) result[field] = level;
  }
  return result;
}

/** The restrictable fields this viewer may not read on this actor. */
export function hiddenFieldsFor(
  viewer: Viewer,
  actorId: string,
  overrides: Partial<Record<string, Visibility>>,
): RestrictableField[] {
  const levels = effectiveFieldVisibility(overrides);
  return restrictableFields.filter((field) => !canRead(viewer, actorId, levels[field]));
}

/**
 * People are personal data: never shown to anonymous visitors nor to observers (the steering committee reads all but
 * personal data); other signed-in users see those published 'public' or 'members'; staff and the organisation's own
 * members see them all.
 */
export function canSeePerson(viewer: Viewer, actorId: string, level: Visibility): boolean {
  if (viewer === null || viewer.role === 'observer') return false;
  return canRead(viewer, actorId, level);
}
