// The path of a challenge's answered proposals (accountability): the answer, the project or alliance each became and
// the partnerships of that project or alliance that the viewer may see (same rules as the partnerships module).
import { sql } from 'drizzle-orm';
import { uuidArray } from '../../db/arrays.js';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { isStaff } from '../actors/visibility.js';
import { allianceVisible, partnershipVisible } from '../alliances/access.js';
import { readsAllDrafts } from '../projects/visibility.js';
import type { projectStatuses } from '../projects/vocabulary.js';
import type { Viewer } from './access.js';
import type { ProposalPath } from './contract.js';
import type { ProposalOutcome } from './vocabulary.js';

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/** Projects in draft are seen by staff and observers only here (a carrier sees its draft on the project's page). */
const projectShown = (viewer: Viewer) => (readsAllDrafts(viewer) ? sql`true` : sql`pr.status <> 'draft'`);

interface PathRow {
  id: string;
  title: string;
  created_at: Date | string;
  supports: number;
  outcome: ProposalOutcome | null;
  answered_at: Date | string | null;
  converted_at: Date | string | null;
  project_id: string | null;
  project_title: string | null;
  project_status: (typeof projectStatuses)[number] | null;
  alliance_id: string | null;
  alliance_name: string | null;
  alliance_status: string | null;
}

export async function pathOf(db: Db, viewer: Viewer, challengeId: string): Promise<ProposalPath[]> {
  const rows = await rowsOf<PathRow>(
    db,
    sql`select p.id, p.title, p.created_at, p.outcome, p.answered_at, p.converted_at,
        (select count(*)::int from proposal_supports s where s.proposal_id = p.id) as supports,
        pr.id as project_id, pr.title as project_title, pr.status as project_status,
        a.id as alliance_id, a.name as alliance_name, a.status as alliance_status
      from proposals p
      left join projects pr on pr.id = p.project_id and ${projectShown(viewer)}
      left join alliances a on a.id = p.alliance_id and ${allianceVisible(viewer, sql`a`)}
      where p.challenge_id = ${challengeId} and p.outcome is not null
        and ${isStaff(viewer) ? sql`true` : sql`p.hidden_at is null`}
      order by p.answered_at desc, p.id`,
  );
  const projectIds = rows.flatMap((r) => (r.project_id ? [r.project_id] : []));
  const allianceIds = rows.flatMap((r) => (r.alliance_id ? [r.alliance_id] : []));
  const partnerships =
    projectIds.length || allianceIds.length
      ? await rowsOf<{
          id: string;
          title: string;
          step: string;
          status: string;
          project_id: string | null;
          alliance_id: string | null;
        }>(
          db,
          sql`select p.id, p.title, p.current_step as step, p.status, p.project_id, p.alliance_id
            from partnerships p
            where (p.project_id = any(${uuidArray(projectIds)}) or p.alliance_id = any(${uuidArray(allianceIds)}))
              and ${partnershipVisible(viewer, sql`p`)}
            order by p.created_at, p.id`,
        )
      : [];
  return rows.map((r) => ({
    proposalId: r.id,
    title: r.title,
    proposedAt: iso(r.created_at) ?? '',
    supports: r.supports,
    outcome: r.outcome,
    answeredAt: iso(r.answered_at),
    project:
      r.project_id && r.project_title && r.project_status
        ? { id: r.project_id, title: r.project_title, status: r.project_status }
        : null,
    alliance:
      r.alliance_id && r.alliance_name && r.alliance_status
        ? { id: r.alliance_id, name: r.alliance_name, status: r.alliance_status }
        : null,
    convertedAt: iso(r.converted_at),
    partnerships: partnerships
      .filter(
        (p) => (r.project_id && p.project_id === r.project_id) || (r.alliance_id && p.alliance_id === r.alliance_id),
      )
      .map((p) => ({ id: p.id, title: p.title, step: p.step, status: p.status })),
  }));
}
