import fs from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { DemoContext } from '../../demo/context.js';
import { demoDomain } from '../../demo/context.js';
import { slugOf } from '../../http/slug.js';
import { users } from '../accounts/schema.js';
import { type CurrentUser, createUser, getCurrentUser } from '../accounts/service.js';
import { alliances } from '../alliances/schema.js';
import type { ResourceType } from '../needs-offers/vocabulary.js';
import { type DemoPartnership, loadDemoPartnership } from '../partnerships/demo.js';
import { partnerships } from '../partnerships/schema.js';
import type { PartnershipMode } from '../partnerships/vocabulary.js';
import { programmes, programmeTerritories } from '../programmes/schema.js';
import { projects } from '../projects/schema.js';
import { answerProposal } from './answers.js';
import { closeChallenge, createChallenge } from './challenges.js';
import { commentProposal, pledge, supportProposal } from './contributions.js';
import { convertProposal } from './conversion.js';
import { createProposal } from './proposals.js';
import type { ChallengeFigure } from './schema.js';
import { challenges, proposalComments, proposalPledges, proposalSupports, proposals } from './schema.js';
import type { ProposalOutcome } from './vocabulary.js';

const demoFile = path.resolve(import.meta.dirname, '../../../assets/demo/dialogue.json');

/** Who acts: a demo account's e-mail, or an organisation's name (its contact account, created if needed). */
type Who = string;

interface DemoProposal {
  by: Who;
  /** Set for the challenges of the programme's years; the current challenge's contributions are dated today. */
  at?: string;
  title: string;
  description: string;
  whoActs: string;
  needs: string;
  modes: PartnershipMode[];
  supports: Who[];
  pledges: { by: Who; resources: ResourceType[]; description: string }[];
  comments: { by: Who; body: string }[];
  answer?: { by: Who; outcome: ProposalOutcome; reason: string; at?: string };
  /** Become a project or an alliance; a project may go on into a partnership (the path's last step). */
  convert?: { kind: 'project' | 'alliance'; at?: string; partnership?: DemoPartnership };
}

interface DemoChallenge {
  territory: string;
  postedBy: Who;
  answeringActor: string;
  title: string;
  summary: string;
  context: string;
  figures: ChallengeFigure[];
  themes: string[];
  sdgs: number[];
  /** A past challenge, dated in the programme's years (the dashboard and the reviews count them there). */
  history?: { postedAt: string; closeOn: string; closedAt: string };
  /** A current challenge: its deadline that many days after the load. */
  closeInDays?: number;
  closingNote?: string;
  proposals: DemoProposal[];
}

const day = 86_400_000;
const inDays = (n: number) => new Date(Date.now() + n * day).toISOString().slice(0, 10);

/** The demo users by key: accounts of the demo, else an organisation's contact account (same as the events demo). */
function people(db: Db, ctx: DemoContext) {
  const known = new Map<string, CurrentUser>(ctx.users);
  return async (who: Who): Promise<CurrentUser> => {
    const found = known.get(who);
    if (found) return found;
    const actorId = ctx.actorIds.get(who);
    if (!actorId) throw new Error(`demo dialogue: unknown account or actor ${who}`);
    const email = `contact-${slugOf(who, 'organisation')}@${demoDomain}`;
    const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    const id =
      existing?.id ??
      (await createUser(db, { email, displayName: `Contact ${who}`.slice(0, 120), role: 'member', actorId }));
    const user = await getCurrentUser(db, id);
    known.set(who, user);
    return user;
  };
}

/** The rows a proposal's contributions are ordered and updated by: creation, then a stable key (never ctid). */
const contributionTables = [
  { table: proposalSupports, key: sql`user_id` },
  { table: proposalPledges, key: sql`id` },
  { table: proposalComments, key: sql`id` },
];

/**
 * Dates a past challenge's contributions in its year: proposals as written, the rest a day apart after each; the
 * offers its pledges opened take the pledge's day and close with the challenge; the project or alliance a proposal
 * became is dated on its conversion.
 */
async function backdate(db: Db, challengeId: string, demo: DemoChallenge, ids: string[]) {
  if (!demo.history) return;
  const { postedAt, closeOn, closedAt } = demo.history;
  await db
    .update(challenges)
    .set({
      createdAt: new Date(postedAt),
      updatedAt: new Date(closedAt),
      contributionsCloseOn: closeOn,
      closedAt: demo.closingNote ? new Date(closedAt) : null,
    })
    .where(eq(challenges.id, challengeId));
  for (const [i, p] of demo.proposals.entries()) {
    const id = ids[i];
    if (!id || !p.at) continue;
    const [row] = await db
      .update(proposals)
      .set({
        createdAt: new Date(p.at),
        updatedAt: new Date(p.answer?.at ?? p.at),
        ...(p.answer?.at ? { answeredAt: new Date(p.answer.at) } : {}),
        ...(p.convert?.at ? { convertedAt: new Date(p.convert.at) } : {}),
      })
      .where(eq(proposals.id, id))
      .returning({ projectId: proposals.projectId, allianceId: proposals.allianceId });
    // Supports, pledges and comments follow the proposal, one day apart, in the order written.
    for (const { table, key } of contributionTables) {
      await db.execute(sql`
        with ordered as (
          select ${key} as key, (row_number() over (order by created_at, ${key}))::int as n
          from ${table} where proposal_id = ${id}
        )
        update ${table} t set created_at = ${new Date(p.at).toISOString()}::timestamptz + ordered.n * interval '1 day'
        from ordered where t.proposal_id = ${id} and t.${key} = ordered.key`);
    }
    await db.execute(sql`
      update needs_offers o set created_at = g.created_at, updated_at = ${new Date(closedAt).toISOString()}::timestamptz,
        status = ${demo.closingNote ? 'closed' : 'open'}::need_offer_status
      from proposal_pledges g where g.proposal_id = ${id} and g.need_offer_id = o.id`);
    if (p.convert?.at && row) {
      const at = new Date(p.convert.at);
      if (row.projectId) {
        await db.update(projects).set({ createdAt: at, updatedAt: at }).where(eq(projects.id, row.projectId));
      }
      if (row.allianceId) {
        await db.update(alliances).set({ createdAt: at, updatedAt: at }).where(eq(alliances.id, row.allianceId));
      }
    }
  }
}

/**
 * The partnership a converted proposal's project went on to, opened, moved and published through the partnerships'
 * demo loader; created on its start day (its events are spread from there).
 */
async function partnershipOf(db: Db, ctx: DemoContext, proposalId: string, demo: DemoPartnership) {
  const [proposal] = await db
    .select({ projectId: proposals.projectId })
    .from(proposals)
    .where(eq(proposals.id, proposalId));
  if (!proposal?.projectId) throw new Error(`demo dialogue: no project for the partnership « ${demo.title} »`);
  const id = await loadDemoPartnership(db, ctx, demo, { projectId: proposal.projectId });
  if (demo.startsOn) {
    await db
      .update(partnerships)
      .set({ createdAt: new Date(demo.startsOn) })
      .where(eq(partnerships.id, id));
  }
}

/**
 * One challenge per pilot territory of « Envies d'Alliances » (assets/demo/dialogue.json), with proposals from the
 * demo directory's organisations and the citizen account, supports, pledges, comments, answers, a proposal become a
 * flagship project (then a published partnership) and another an alliance; all through the services. The Aix and Venelles challenges are dated in
 * 2018 and closed; the Pertuis one stays open, its deadline 60 days after the load.
 */
export async function loadDemoDialogue(db: Db, ctx: DemoContext): Promise<string> {
  const file = JSON.parse(fs.readFileSync(demoFile, 'utf8')) as { programme: string; challenges: DemoChallenge[] };
  const [programme] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.name, file.programme));
  if (!programme) return '';
  const as = people(db, ctx);
  let proposalCount = 0;
  for (const demo of file.challenges) {
    const [territory] = await db
      .select({ id: programmeTerritories.id })
      .from(programmeTerritories)
      .where(and(eq(programmeTerritories.programmeId, programme.id), eq(programmeTerritories.name, demo.territory)));
    const poster = await as(demo.postedBy);
    const challengeId = await createChallenge(db, poster, {
      programmeId: programme.id,
      territoryId: territory?.id ?? null,
      title: demo.title,
      summary: demo.summary,
      context: demo.context,
      figures: demo.figures,
      themes: demo.themes,
      sdgs: demo.sdgs,
      // A past challenge takes its contributions now, then gets its real dates (backdate).
      contributionsCloseOn: inDays(demo.closeInDays ?? 30),
      answeringActorId: ctx.actorIds.get(demo.answeringActor) ?? null,
      status: 'open',
    });
    const ids: string[] = [];
    for (const p of demo.proposals) {
      const author = await as(p.by);
      const id = await createProposal(db, author, challengeId, { ...p, onBehalfOfOrganisation: true });
      ids.push(id);
      for (const who of p.supports) await supportProposal(db, await as(who), id, {});
      for (const g of p.pledges) await pledge(db, await as(g.by), id, g);
      for (const c of p.comments) await commentProposal(db, await as(c.by), id, { body: c.body });
      if (p.answer) {
        await answerProposal(
          db,
          await as(p.answer.by),
          id,
          { outcome: p.answer.outcome, reason: p.answer.reason },
          ctx.publicUrl,
        );
      }
      if (p.convert) await convertProposal(db, ctx.system, id, { kind: p.convert.kind });
    }
    if (demo.closingNote) await closeChallenge(db, poster, challengeId, { closingNote: demo.closingNote });
    await backdate(db, challengeId, demo, ids);
    for (const [i, p] of demo.proposals.entries()) {
      if (p.convert?.partnership) await partnershipOf(db, ctx, ids[i] ?? '', p.convert.partnership);
    }
    proposalCount += ids.length;
  }
  return `${file.challenges.length} demo challenges with ${proposalCount} proposals`;
}
