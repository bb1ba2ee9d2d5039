// The territorial dialogue's participation figures (issue 9, point 5) for a scope, as the dashboard and the annual
// review take them (dashboard/scope.ts): one function, tested on both databases, reused by both.
//
// What counts:
// - the challenges of the scope's programme past their draft (open or closed); for a territory, the challenges of
//   that territory, and the programme-wide ones (no territory) whose communes meet the territory's — as the
//   programme's events are placed (dashboard/figures/common.ts `scopedEventsCte`);
// - each contribution (proposal, comment, support, pledge) once, on the Paris day of its `created_at`, with the family
//   and commune frozen on it when it was made ('citizen' for a person without organisation);
// - the animation team's contributions (staff, stored with no organisation and the family 'association': labels.ts
//   `isTeam`) are left out: they animate the dialogue, they are not the territory's participation;
// - hidden content is not participation, whoever looks: a proposal or comment hidden by a moderator never counts,
//   nor what was said on a hidden proposal (its comments, supports and pledges). Readers and the public thus get the
//   same figures, and no figure carries a person: counts only (participants are counted, never listed);
// - a proposal's answer and its conversion into a project or an alliance count on their own day (`answered_at`,
//   `converted_at`), so that a year's review says what was answered that year.

import { type SQL, sql } from 'drizzle-orm';
import { textArray } from '../../db/arrays.js';
import type { Handle } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { inSpan, parisDay, type ResolvedScope } from '../dashboard/scope.js';
import { type ActorFamily, actorFamilies } from '../reference/families.js';
import { teamSql } from './labels.js';
import type { ChallengeStatus } from './vocabulary.js';

/** Contributions of each kind (contributionKinds, vocabulary.ts). */
export interface ContributionCounts {
  proposals: number;
  comments: number;
  supports: number;
  pledges: number;
}

export interface ChallengeParticipation extends ContributionCounts {
  id: string;
  title: string;
  status: Exclude<ChallengeStatus, 'draft'>;
  /** Its pilot territory (null: programme-wide). */
  territoryId: string | null;
  territoryName: string | null;
  /** Its visible proposals answered in the span (accepted, studied or not retained). */
  answered: number;
  accepted: number;
  /** Its visible proposals turned into a flagship project or an alliance in the span. */
  converted: number;
}

export interface ParticipationFigures {
  totals: ContributionCounts & {
    /** The four kinds added up. */
    contributions: number;
    /** Distinct people behind the contributions (erased people's contributions still count, not as participants). */
    participants: number;
  };
  /** Per family of the contributor, families with a contribution only, in the reference's order. */
  byFamily: ({ family: ActorFamily } & ContributionCounts)[];
  /** Per commune of the contributor (code null, name null: not known), by count then name. */
  byCommune: ({ code: string | null; name: string | null } & ContributionCounts)[];
  /**
   * The challenges in scope open during the span (posted by its end, not closed before its start), oldest first,
   * zeros included.
   */
  byChallenge: ChallengeParticipation[];
}

/**
 * `scoped_challenges (id, title, status, territory_id, created_at, closed_at)` and `contributions (kind,
 * challenge_id, user_id, family, commune_code, created_at)`: every visible contribution to those challenges, any day.
 */
function contributionsCte(scope: ResolvedScope): SQL {
  const territory =
    scope.territoryId === null
      ? sql`true`
      : sql`(ch.territory_id = ${scope.territoryId} or (ch.territory_id is null and ch.commune_codes && ${textArray(scope.communeCodes)}))`;
  return sql`scoped_challenges as (
      select ch.id, ch.title, ch.status, ch.territory_id, ch.created_at, ch.closed_at from challenges ch
      where ch.programme_id = ${scope.programmeId} and ch.status <> 'draft' and ${territory}),
    visible_proposals as (
      select pr.id, pr.challenge_id, pr.author_user_id, pr.author_actor_id, pr.family, pr.commune_code, pr.created_at,
        pr.outcome, pr.answered_at, pr.project_id, pr.alliance_id, pr.converted_at
      from proposals pr join scoped_challenges sc on sc.id = pr.challenge_id where pr.hidden_at is null),
    contributions as (
      select 'proposal' as kind, vp.challenge_id, vp.author_user_id as user_id, vp.family, vp.commune_code, vp.created_at
      from visible_proposals vp where not ${teamSql(sql`vp.author_actor_id`, sql`vp.family`)}
      union all
      select 'comment', vp.challenge_id, c.author_user_id, c.family, c.commune_code, c.created_at
      from proposal_comments c join visible_proposals vp on vp.id = c.proposal_id
      where c.hidden_at is null and not ${teamSql(sql`c.author_actor_id`, sql`c.family`)}
      union all
      select 'support', vp.challenge_id, s.user_id, s.family, s.commune_code, s.created_at
      from proposal_supports s join visible_proposals vp on vp.id = s.proposal_id
      where not ${teamSql(sql`s.actor_id`, sql`s.family`)}
      union all
      select 'pledge', vp.challenge_id, pl.user_id, pl.family, pl.commune_code, pl.created_at
      from proposal_pledges pl join visible_proposals vp on vp.id = pl.proposal_id
      where not ${teamSql(sql`pl.actor_id`, sql`pl.family`)})`;
}

/** The four counts of a group of `contributions` rows (alias `co`). */
const kindCounts = sql`count(*) filter (where co.kind = 'proposal')::int as proposals,
  count(*) filter (where co.kind = 'comment')::int as comments,
  count(*) filter (where co.kind = 'support')::int as supports,
  count(*) filter (where co.kind = 'pledge')::int as pledges`;

type CountsRow = ContributionCounts;

/** The participation figures of the scope (see the head of this file for what counts). */
export async function participationFigures(db: Handle, scope: ResolvedScope): Promise<ParticipationFigures> {
  const inScope = (query: SQL) =>
    sql`with ${contributionsCte(scope)}, counted as (select * from contributions co where ${inSpan(scope, sql`co.created_at`)}) ${query}`;
  // One after the other: PGlite serves one query at a time anyway (as the dashboard does).
  const [totals] = await rowsOf<CountsRow & { participants: number }>(
    db,
    inScope(sql`select ${kindCounts}, count(distinct co.user_id)::int as participants from counted co`),
  );
  const byFamily = await rowsOf<{ family: ActorFamily } & CountsRow>(
    db,
    inScope(sql`select co.family::text as family, ${kindCounts} from counted co group by co.family`),
  );
  const byCommune = await rowsOf<{ code: string | null; name: string | null } & CountsRow>(
    db,
    inScope(sql`select co.commune_code as code, coalesce(cm.name, co.commune_code) as name, ${kindCounts}
      from counted co left join communes cm on cm.code = co.commune_code
      group by co.commune_code, cm.name order by count(*) desc, cm.name nulls last`),
  );
  const day = (ts: SQL) => sql`${ts} is not null and ${inSpan(scope, ts)}`;
  const openDuringSpan = sql`${scope.to === null ? sql`true` : sql`${parisDay(sql`sc.created_at`)} <= ${scope.to}::date`}
    and ${scope.from === null ? sql`true` : sql`(sc.closed_at is null or ${parisDay(sql`sc.closed_at`)} >= ${scope.from}::date)`}`;
  const byChallenge = await rowsOf<ChallengeParticipation>(
    db,
    inScope(sql`select sc.id, sc.title, sc.status::text as status, sc.territory_id as "territoryId",
        t.name as "territoryName",
        (select count(*)::int from counted co where co.challenge_id = sc.id and co.kind = 'proposal') as proposals,
        (select count(*)::int from counted co where co.challenge_id = sc.id and co.kind = 'comment') as comments,
        (select count(*)::int from counted co where co.challenge_id = sc.id and co.kind = 'support') as supports,
        (select count(*)::int from counted co where co.challenge_id = sc.id and co.kind = 'pledge') as pledges,
        (select count(*)::int from visible_proposals vp where vp.challenge_id = sc.id
          and vp.outcome is not null and ${day(sql`vp.answered_at`)}) as answered,
        (select count(*)::int from visible_proposals vp where vp.challenge_id = sc.id
          and vp.outcome = 'accepted' and ${day(sql`vp.answered_at`)}) as accepted,
        (select count(*)::int from visible_proposals vp where vp.challenge_id = sc.id
          and (vp.project_id is not null or vp.alliance_id is not null) and ${day(sql`vp.converted_at`)}) as converted
      from scoped_challenges sc left join programme_territories t on t.id = sc.territory_id
      where ${openDuringSpan}
      order by sc.created_at, sc.title`),
  );
  const counts = {
    proposals: totals?.proposals ?? 0,
    comments: totals?.comments ?? 0,
    supports: totals?.supports ?? 0,
    pledges: totals?.pledges ?? 0,
  };
  return {
    totals: {
      ...counts,
      contributions: counts.proposals + counts.comments + counts.supports + counts.pledges,
      participants: totals?.participants ?? 0,
    },
    byFamily: byFamily.sort((a, b) => actorFamilies.indexOf(a.family) - actorFamilies.indexOf(b.family)),
    byCommune,
    byChallenge,
  };
}

/** A row's contributions of every kind added up. */
export const contributionsOf = (c: ContributionCounts) => c.proposals + c.comments + c.supports + c.pledges;
