// Reading the proposals: a page of them (of a challenge, of a project or alliance, or the caller's own) and one with
// its supporters, pledges, comments and answer. Hidden content is shown to staff only, marked `hidden`.
import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { actors } from '../actors/schema.js';
import { isStaff } from '../actors/visibility.js';
import { allianceVisible } from '../alliances/access.js';
import { alliances } from '../alliances/schema.js';
import { projects } from '../projects/schema.js';
import { readsAllDrafts } from '../projects/visibility.js';
import {
  acceptsContributions,
  canAnswerChallenge,
  challengeVisibleSql,
  isContributor,
  organisationOf,
  type ProposalRow,
  type Viewer,
  visibleProposal,
} from './access.js';
import type { ProposalDetail, ProposalListQuery, ProposalPage, ProposalSummary } from './contract.js';
import { byId, labeller, refOf } from './labels.js';
import { challenges, proposalComments, proposalPledges, proposalSupports, proposals } from './schema.js';

const hiddenOf = (row: { hiddenAt: Date | null; hiddenReason: string | null }, viewer: Viewer) =>
  isStaff(viewer) && row.hiddenAt ? { at: row.hiddenAt.toISOString(), reason: row.hiddenReason ?? '' } : null;

/** Per-proposal counts and whether the viewer supports it, as select fields. */
function countFields(viewer: Viewer) {
  // Qualified by hand: without a join Drizzle writes a bare "id", which the subqueries would take for their own.
  const id = sql.raw('"proposals"."id"');
  const commentShown = isStaff(viewer) ? sql`true` : sql`c.hidden_at is null`;
  return {
    supports: sql<number>`(select count(*)::int from proposal_supports s where s.proposal_id = ${id})`,
    pledges: sql<number>`(select count(*)::int from proposal_pledges g where g.proposal_id = ${id})`,
    comments: sql<number>`(select count(*)::int from proposal_comments c where c.proposal_id = ${id}
      and ${commentShown})`,
    supportedByMe: viewer
      ? sql<boolean>`exists (select 1 from proposal_supports s where s.proposal_id = ${id}
          and s.user_id = ${viewer.id})`
      : sql<boolean>`false`,
  };
}

type Counted = { supports: number; pledges: number; comments: number; supportedByMe: boolean };

/** The project or alliance a proposal became, if the viewer may see it (a draft project: staff and observers). */
async function outcomesOf(db: Db, viewer: Viewer, rows: ProposalRow[]) {
  const projectIds = rows.flatMap((r) => (r.projectId ? [r.projectId] : []));
  const allianceIds = rows.flatMap((r) => (r.allianceId ? [r.allianceId] : []));
  const answerers = rows.flatMap((r) => (r.answeredForActorId ? [r.answeredForActorId] : []));
  const seesDrafts = readsAllDrafts(viewer);
  const [p, a, n] = await Promise.all([
    projectIds.length
      ? db
          .select({ id: projects.id, name: projects.title })
          .from(projects)
          .where(and(inArray(projects.id, projectIds), seesDrafts ? undefined : sql`${projects.status} <> 'draft'`))
      : [],
    allianceIds.length
      ? db
          .select({ id: alliances.id, name: alliances.name })
          .from(alliances)
          .where(and(inArray(alliances.id, allianceIds), allianceVisible(viewer, sql`${alliances}`)))
      : [],
    answerers.length
      ? db.select({ id: actors.id, name: actors.name }).from(actors).where(inArray(actors.id, answerers))
      : [],
  ]);
  return { projects: byId(p), alliances: byId(a), actors: byId(n) };
}

async function summariesOf(
  db: Db,
  viewer: Viewer,
  rows: (ProposalRow & Counted & { challengeTitle: string })[],
): Promise<ProposalSummary[]> {
  const [label, refs] = await Promise.all([
    labeller(
      db,
      viewer,
      rows.map((r) => ({
        userId: r.authorUserId,
        actorId: r.authorActorId,
        family: r.family,
        communeCode: r.communeCode,
      })),
    ),
    outcomesOf(db, viewer, rows),
  ]);
  return rows.map((r) => ({
    id: r.id,
    challenge: { id: r.challengeId, title: r.challengeTitle },
    title: r.title,
    description: r.description,
    modes: r.modes,
    author: label({ userId: r.authorUserId, actorId: r.authorActorId, family: r.family, communeCode: r.communeCode }),
    supports: r.supports,
    pledges: r.pledges,
    comments: r.comments,
    outcome:
      r.outcome && r.answeredAt
        ? {
            outcome: r.outcome,
            reason: r.outcomeReason,
            answeredAt: r.answeredAt.toISOString(),
            answeredFor: refOf(refs.actors, r.answeredForActorId),
          }
        : null,
    project: refOf(refs.projects, r.projectId),
    alliance: refOf(refs.alliances, r.allianceId),
    supportedByMe: r.supportedByMe,
    hidden: hiddenOf(r, viewer),
    createdAt: r.createdAt.toISOString(),
  }));
}

/** Proposals the viewer may see, newest or most supported first; paginated. */
export async function listProposals(db: Db, viewer: Viewer, query: ProposalListQuery): Promise<ProposalPage> {
  const conditions: SQL[] = [];
  const visible = challengeVisibleSql(viewer);
  if (visible) conditions.push(visible);
  if (!isStaff(viewer)) conditions.push(isNull(proposals.hiddenAt));
  if (query.challengeId) conditions.push(eq(proposals.challengeId, query.challengeId));
  if (query.projectId) conditions.push(eq(proposals.projectId, query.projectId));
  if (query.allianceId) conditions.push(eq(proposals.allianceId, query.allianceId));
  if (query.outcome === 'none') conditions.push(isNull(proposals.outcome));
  else if (query.outcome) conditions.push(eq(proposals.outcome, query.outcome));
  if (query.mine) conditions.push(viewer ? eq(proposals.authorUserId, viewer.id) : sql`false`);
  const where = and(...conditions);
  const counts = countFields(viewer);
  const order =
    query.sort === 'supported'
      ? [desc(counts.supports), desc(proposals.createdAt), asc(proposals.id)]
      : [desc(proposals.createdAt), asc(proposals.id)];
  const [rows, [total]] = await Promise.all([
    db
      .select({ p: proposals, challengeTitle: challenges.title, ...counts })
      .from(proposals)
      .innerJoin(challenges, eq(challenges.id, proposals.challengeId))
      .where(where)
      .orderBy(...order)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(proposals)
      .innerJoin(challenges, eq(challenges.id, proposals.challengeId))
      .where(where),
  ]);
  const items = await summariesOf(
    db,
    viewer,
    rows.map(({ p, ...rest }) => ({ ...p, ...rest })),
  );
  return { items, total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
}

/** One proposal with who supports it, what was pledged, the comments and what the viewer may do. */
export async function getProposal(db: Db, viewer: Viewer, id: string): Promise<ProposalDetail> {
  const { proposal, challenge } = await visibleProposal(db, viewer, id);
  const staff = isStaff(viewer);
  const [[counted], supporters, pledges, comments, organisation, answering] = await Promise.all([
    db.select(countFields(viewer)).from(proposals).where(eq(proposals.id, id)),
    db
      .select()
      .from(proposalSupports)
      .where(eq(proposalSupports.proposalId, id))
      .orderBy(asc(proposalSupports.createdAt)),
    db.select().from(proposalPledges).where(eq(proposalPledges.proposalId, id)).orderBy(asc(proposalPledges.createdAt)),
    db
      .select()
      .from(proposalComments)
      .where(and(eq(proposalComments.proposalId, id), staff ? undefined : isNull(proposalComments.hiddenAt)))
      .orderBy(asc(proposalComments.createdAt), asc(proposalComments.id)),
    organisationOf(db, viewer),
    challenge.answeringActorId
      ? db.select({ id: actors.id, name: actors.name }).from(actors).where(eq(actors.id, challenge.answeringActorId))
      : [],
  ]);
  const [summary] = await summariesOf(db, viewer, [
    {
      ...proposal,
      challengeTitle: challenge.title,
      ...(counted ?? { supports: 0, pledges: 0, comments: 0, supportedByMe: false }),
    },
  ]);
  if (!summary) throw new Error('proposal summary missing');
  const label = await labeller(db, viewer, [
    ...supporters,
    ...pledges,
    ...comments.map((c) => ({ ...c, userId: c.authorUserId, actorId: c.authorActorId })),
  ]);
  const accepting = acceptsContributions(challenge);
  const isAuthor = viewer !== null && proposal.authorUserId === viewer.id;
  // Hidden content takes no more contributions (staff still see it, flagged) and cannot become a project.
  const open = accepting && proposal.hiddenAt === null;
  const notConverted = proposal.projectId === null && proposal.allianceId === null;
  return {
    ...summary,
    challenge: {
      id: challenge.id,
      title: challenge.title,
      status: challenge.status,
      contributionsCloseOn: challenge.contributionsCloseOn,
      acceptsContributions: accepting,
      answeringActor: answering[0] ?? null,
    },
    whoActs: proposal.whoActs,
    needs: proposal.needs,
    supporters: supporters.map((s) => ({ ...label(s), supportedAt: s.createdAt.toISOString() })),
    pledgeList: pledges.map((g) => ({
      id: g.id,
      by: label(g),
      resources: g.resources as ProposalDetail['pledgeList'][number]['resources'],
      description: g.description,
      needOfferId: g.needOfferId,
      createdAt: g.createdAt.toISOString(),
    })),
    commentList: comments.map((c) => ({
      id: c.id,
      by: label({ ...c, userId: c.authorUserId, actorId: c.authorActorId }),
      body: c.body,
      hidden: hiddenOf(c, viewer),
      createdAt: c.createdAt.toISOString(),
    })),
    canEdit: isAuthor && proposal.outcome === null && open,
    canSupport: isContributor(viewer) && open && !isAuthor,
    canContribute: isContributor(viewer) && open,
    canAnswer: canAnswerChallenge(viewer, challenge) && notConverted,
    canConvert: staff && proposal.outcome === 'accepted' && notConverted && proposal.hiddenAt === null,
    organisation,
  };
}
