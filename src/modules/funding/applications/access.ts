// Who reads funding applications and the files of funding: staff and the steering committee (observers).
import { readers } from '../../../auth/roles.js';
import { forbidden } from '../../../errors.js';
import type { CurrentUser } from '../../accounts/service.js';
import type { Viewer } from '../../actors/visibility.js';

export const readsFunding = (viewer: Viewer): viewer is CurrentUser =>
  viewer !== null && (readers as readonly string[]).includes(viewer.role);

/** Staff and observers, else forbidden. */
export function requireFundingReader(viewer: Viewer): asserts viewer is CurrentUser {
  if (!readsFunding(viewer)) throw forbidden();
}
