// Who reads funding applications and the files of funding: staff and the steering committee (observers) everything;
// a member follows, read-only, the applications made for its organisation's projects and partnerships.
import { type SQL, sql } from 'drizzle-orm';
import { allows, readers } from '../../../auth/roles.js';
import { forbidden } from '../../../errors.js';
import type { CurrentUser } from '../../accounts/service.js';
import type { Viewer } from '../../actors/visibility.js';
import { partnershipPartners } from '../../partnerships/schema.js';
import { projectCarriers } from '../../projects/schema.js';
import { ownActorOf } from '../../projects/visibility.js';
import { fundingApplications } from './schema.js';

export const readsFunding = (viewer: Viewer): viewer is CurrentUser => viewer !== null && allows(readers, viewer.role);

/** Staff and observers, else forbidden. */
export function requireFundingReader(viewer: Viewer): asserts viewer is CurrentUser {
  if (!readsFunding(viewer)) throw forbidden();
}

/**
 * The SQL condition on `funding_applications` of what this viewer may read: nothing to add for staff and observers;
 * for a member, the applications for a project its organisation carries (lead or co-carrier, `project_carriers`) or
 * for a partnership it is a partner of (`partnership_partners`) — never the programme's or a territory's; for anyone
 * else (a member attached to no organisation, the anonymous) none. Used by the list, so that its totals count only
 * what is shown, and by each read of one application or file, so that another's answers as not found.
 */
export function followedApplications(viewer: Viewer): SQL | undefined {
  if (readsFunding(viewer)) return undefined;
  const own = ownActorOf(viewer);
  if (own === null) return sql`false`;
  const a = fundingApplications;
  return sql`(${a.projectId} in (select pc.project_id from ${projectCarriers} pc where pc.actor_id = ${own})
    or ${a.partnershipId} in (select pp.partnership_id from ${partnershipPartners} pp where pp.actor_id = ${own}))`;
}
