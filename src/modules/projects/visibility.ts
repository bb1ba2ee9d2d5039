// Who sees and who edits a flagship project. Pure functions: the service reads the rows, these decide.
import type { Viewer } from '../actors/visibility.js';
import { isStaff } from '../actors/visibility.js';
import type { ProjectStatus } from './vocabulary.js';

export type { Viewer } from '../actors/visibility.js';

interface CarrierRef {
  actorId: string;
  role: 'lead' | 'coCarrier';
}

/** Staff and observers (the steering committee) read drafts too; the others read them only as one of the carriers. */
export const readsAllDrafts = (viewer: Viewer) => isStaff(viewer) || viewer?.role === 'observer';

/** The viewer's own organisation when the viewer is a member attached to one. */
export const ownActorOf = (viewer: Viewer): string | null =>
  viewer?.role === 'member' && viewer.actorId ? viewer.actorId : null;

/** Whether the viewer's organisation is among the carriers. */
export const isCarrierMember = (viewer: Viewer, carriers: CarrierRef[]) => {
  const own = ownActorOf(viewer);
  return own !== null && carriers.some((c) => c.actorId === own);
};

/** Published projects (any status but draft) are public; drafts are for staff, observers and the carriers' members. */
export const canSeeProject = (viewer: Viewer, status: ProjectStatus, carriers: CarrierRef[]) =>
  status !== 'draft' || readsAllDrafts(viewer) || isCarrierMember(viewer, carriers);

/** Staff edit any project; a member edits the projects its organisation carries, as lead or co-carrier. */
export const canEditProject = (viewer: Viewer, carriers: CarrierRef[]) =>
  isStaff(viewer) || isCarrierMember(viewer, carriers);

/** Staff delete any project; a member only those its organisation leads. */
export const canDeleteProject = (viewer: Viewer, carriers: CarrierRef[]) => {
  const own = ownActorOf(viewer);
  return isStaff(viewer) || (own !== null && carriers.some((c) => c.role === 'lead' && c.actorId === own));
};
