import { moderationRoutes } from '../../../src/modules/dialogue/moderation/contract';
import { useApiQuery } from '../api/useApi';
import { isStaff, useSession } from '../auth/session';

/** How many contents wait for a moderation decision: staff only (no call for anyone else). */
export function useOpenReportCount() {
  const { role } = useSession();
  return useApiQuery(moderationRoutes.openCount, {}, { enabled: isStaff(role) });
}
