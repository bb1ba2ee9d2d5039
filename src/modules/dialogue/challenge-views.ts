// Reading the challenges: the list (those taking contributions first, by deadline) with participation counts, and one challenge with its
// context and the path of its answered proposals to projects, alliances and partnerships.
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { textArray, uuidArray } from '../../db/arrays.js';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { actors } from '../actors/schema.js';
import { isStaff } from '../actors/visibility.js';
import { todayInParis } from '../needs-offers/contract.js';
import { programmes, programmeTerritories } from '../programmes/schema.js';
import { communes } from '../reference/schema.js';
import {
  acceptsContributions,
  type ChallengeRow,
  canAnswerChallenge,
  canCloseChallenge,
  canEditChallenge,
  challengeVisibleSql,
  isContributor,
  type Viewer,
  visibleChallenge,
} from './access.js';
import { unansweredCount } from './challenges.js';
import type { ChallengeDetail, ChallengeListQuery, ChallengePage, ChallengeSummary } from './contract.js';
import { byId, refOf } from './labels.js';
import { pathOf } from './path.js';
import { challenges } from './schema.js';

type Counts = ChallengeSummary['counts'];
const noCounts: Counts = { proposals: 0, supports: 0, pledges: 0, comments: 0, answered: 0 };

/** Contributions per challenge; hidden proposals and comments are counted for staff only. */
async function countsOf(db: Db, viewer: Viewer, ids: string[]): Promise<Map<string, Counts>> {
  const result = new Map<string, Counts>(ids.map((id) => [id, { ...noCounts }]));
  if (ids.length === 0) return result;
  const staff = isStaff(viewer);
  const shown = staff ? sql`true` : sql`p.hidden_at is null`;
  const commentShown = staff ? sql`true` : sql`c.hidden_at is null`;
  const rows = await rowsOf<Counts & { id: string }>(
    db,
    sql`select p.challenge_id as id, count(*)::int as proposals,
        count(p.outcome)::int as answered,
        coalesce(sum((select count(*) from proposal_supports s where s.proposal_id = p.id)), 0)::int as supports,
        coalesce(sum((select count(*) from proposal_pledges g where g.proposal_id = p.id)), 0)::int as pledges,
        coalesce(sum((select count(*) from proposal_comments c where c.proposal_id = p.id and ${commentShown})), 0)::int
          as comments
      from proposals p
      where p.challenge_id = any(${uuidArray(ids)}) and ${shown}
      group by p.challenge_id`,
  );
  for (const r of rows) {
    result.set(r.id, {
      proposals: r.proposals,
      supports: r.supports,
      pledges: r.pledges,
      comments: r.comments,
      answered: r.answered,
    });
  }
  return result;
}

/** Names of the programmes, territories and answering actors of some challenges. */
async function namesOf(db: Db, rows: ChallengeRow[]) {
  const ids = (pick: (r: ChallengeRow) => string | null) => [
    ...new Set(rows.map(pick).filter((v): v is string => v !== null)),
  ];
  const programmeIds = ids((r) => r.programmeId);
  const territoryIds = ids((r) => r.territoryId);
  const actorIds = ids((r) => r.answeringActorId).concat(ids((r) => r.postedByActorId));
  const [p, t, a] = await Promise.all([
    programmeIds.length
      ? db
          .select({ id: programmes.id, name: programmes.name })
          .from(programmes)
          .where(inArray(programmes.id, programmeIds))
      : [],
    territoryIds.length
      ? db
          .select({ id: programmeTerritories.id, name: programmeTerritories.name })
          .from(programmeTerritories)
          .where(inArray(programmeTerritories.id, territoryIds))
      : [],
    actorIds.length
      ? db.select({ id: actors.id, name: actors.name }).from(actors).where(inArray(actors.id, actorIds))
      : [],
  ]);
  return { programmes: byId(p), territories: byId(t), actors: byId(a) };
}

type Names = Awaited<ReturnType<typeof namesOf>>;

function summaryOf(row: ChallengeRow, names: Names, counts: Counts): ChallengeSummary {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    status: row.status,
    programme: refOf(names.programmes, row.programmeId) ?? { id: row.programmeId, name: '' },
    territory: refOf(names.territories, row.territoryId),
    themes: row.themes,
    sdgs: row.sdgs,
    contributionsCloseOn: row.contributionsCloseOn,
    acceptsContributions: acceptsContributions(row),
    answeringActor: refOf(names.actors, row.answeringActorId),
    counts,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Challenges the viewer may see: filters, French full text; those taking contributions (open, last day not passed in
 * Paris) first by nearest deadline, then the others; paginated.
 */
export async function listChallenges(db: Db, viewer: Viewer, query: ChallengeListQuery): Promise<ChallengePage> {
  const conditions: SQL[] = [];
  const visible = challengeVisibleSql(viewer);
  if (visible) conditions.push(visible);
  if (query.programmeId) conditions.push(eq(challenges.programmeId, query.programmeId));
  if (query.territoryId) conditions.push(eq(challenges.territoryId, query.territoryId));
  if (query.status) conditions.push(eq(challenges.status, query.status));
  const themes = query.theme.map((t) => t.trim()).filter(Boolean);
  if (themes.length) conditions.push(sql`${challenges.themes} && ${textArray(themes)}`);
  const q = query.q?.trim() || null;
  if (q) conditions.push(sql`${challenges.searchVector} @@ websearch_to_tsquery('fr_unaccent', ${q})`);
  const where = conditions.length ? and(...conditions) : undefined;
  const accepting = sql`(${challenges.status} = 'open' and ${challenges.contributionsCloseOn} >= ${todayInParis()}::date)`;
  const [rows, total] = await Promise.all([
    db
      .select()
      .from(challenges)
      .where(where)
      .orderBy(
        // Those taking contributions (open, last day not passed in Paris) first, by nearest deadline; then the
        // others: open past their deadline, drafts, closed.
        sql`case when ${accepting} then 0 when ${challenges.status} = 'open' then 1
          when ${challenges.status} = 'draft' then 2 else 3 end`,
        sql`case when ${accepting} then ${challenges.contributionsCloseOn} end asc`,
        sql`${challenges.contributionsCloseOn} desc`,
        asc(challenges.id),
      )
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.$count(challenges, where),
  ]);
  const ids = rows.map((r) => r.id);
  const [names, counts] = await Promise.all([namesOf(db, rows), countsOf(db, viewer, ids)]);
  return {
    items: rows.map((r) => summaryOf(r, names, counts.get(r.id) ?? noCounts)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** One challenge as the viewer may see it (a draft only by staff and its posting organisation). */
export async function getChallenge(db: Db, viewer: Viewer, id: string): Promise<ChallengeDetail> {
  const row = await visibleChallenge(db, viewer, id);
  const [names, counts, communeRows, unanswered, path] = await Promise.all([
    namesOf(db, [row]),
    countsOf(db, viewer, [id]),
    row.communeCodes.length
      ? db
          .select({ code: communes.code, name: communes.name })
          .from(communes)
          .where(inArray(communes.code, row.communeCodes))
      : [],
    unansweredCount(db, id),
    pathOf(db, viewer, id),
  ]);
  const communeNames = new Map(communeRows.map((c) => [c.code, c.name]));
  return {
    ...summaryOf(row, names, counts.get(id) ?? noCounts),
    context: row.context,
    figures: row.figures,
    communes: row.communeCodes.map((code) => ({ code, name: communeNames.get(code) ?? code })),
    postedBy: refOf(names.actors, row.postedByActorId),
    closingNote: row.closingNote,
    closedAt: row.closedAt?.toISOString() ?? null,
    unanswered,
    path,
    canEdit: canEditChallenge(viewer, row),
    canAnswer: row.status !== 'draft' && canAnswerChallenge(viewer, row),
    canClose: row.status === 'open' && canCloseChallenge(viewer, row),
    canPropose: isContributor(viewer) && acceptsContributions(row),
  };
}
