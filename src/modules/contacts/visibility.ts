// Who reads and writes what of the contact log. Pure functions: the service reads the rows, these decide.
import type { CurrentUser } from '../accounts/service.js';
import { isStaff } from '../actors/visibility.js';

export type Viewer = CurrentUser | null;

/**
 * `full`: everything, people present, notes and next steps included; `summary`: that the contact happened (kind,
 * date, subject, actor, partnership), for observers, who never read personal data nor contact notes.
 */
export type ReadLevel = 'full' | 'summary';

/**
 * Staff read every contact in full; a member reads in full the contacts with its own organisation and those about a
 * partnership its organisation is a partner of, and nothing else; observers read every contact's summary; the
 * public reads nothing.
 */
export function readLevel(viewer: Viewer, actorId: string, partnerIds: readonly string[]): ReadLevel | null {
  if (viewer === null) return null;
  if (isStaff(viewer)) return 'full';
  if (viewer.role === 'observer') return 'summary';
  if (viewer.role === 'member' && viewer.actorId !== null) {
    if (viewer.actorId === actorId || partnerIds.includes(viewer.actorId)) return 'full';
  }
  return null;
}

/**
 * Staff log a contact with any actor; a member with its own organisation, or with a partner of a partnership its
 * organisation is a partner of (`partnerIds`: the partners of the contact's partnership, if any).
 */
export function canLogContact(viewer: Viewer, actorId: string, partnerIds: readonly string[]): boolean {
  if (isStaff(viewer)) return true;
  if (viewer?.role !== 'member' || viewer.actorId === null) return false;
  return viewer.actorId === actorId || partnerIds.includes(viewer.actorId);
}

/** The author of a contact and staff change or delete it. */
export function canChangeContact(viewer: Viewer, authorId: string | null): boolean {
  if (isStaff(viewer)) return true;
  return viewer !== null && viewer.role !== 'observer' && authorId !== null && authorId === viewer.id;
}
