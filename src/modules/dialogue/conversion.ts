// Turning an accepted proposal into a flagship project or an alliance, keeping the organisations that supported it or
// pledged something: the project's interested actors, or the alliance's members. One transaction: all or nothing.
import { eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { conflict, type FieldIssue, invalid, parseInput } from '../../errors.js';
import type { CurrentUser } from '../accounts/service.js';
import { actors } from '../actors/schema.js';
import { requireStaff } from '../actors/visibility.js';
import { minAllianceActors } from '../alliances/contract.js';
import { createAlliance } from '../alliances/service.js';
import { resources as resourceWords } from '../matching/reasons.js';
import { projectInterestedActors } from '../projects/schema.js';
import { createProject } from '../projects/service.js';
import { type ProposalRow, visibleProposal } from './access.js';
import { type ConversionInput, type ConversionResult, conversionInput } from './contract.js';
import { proposalPledges, proposalSupports, proposals } from './schema.js';

type ChallengeRow = Awaited<ReturnType<typeof visibleProposal>>['challenge'];

/** Cuts a text to a field's limit (a proposal's description may be longer than a project's summary). */
const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

/** Why each organisation is interested, in French: it proposed, supported, or can bring something. */
async function organisationsAround(tx: Tx, proposal: ProposalRow) {
  const quoted = `«\u00a0${proposal.title}\u00a0»`;
  const reasons = new Map<string, string[]>();
  const add = (actorId: string | null, reason: string) => {
    if (actorId === null) return;
    const list = reasons.get(actorId) ?? [];
    if (!list.includes(reason)) list.push(reason);
    reasons.set(actorId, list);
  };
  add(proposal.authorActorId, `À l’origine de la proposition ${quoted}`);
  const [supports, pledges] = await Promise.all([
    tx
      .select({ actorId: proposalSupports.actorId })
      .from(proposalSupports)
      .where(eq(proposalSupports.proposalId, proposal.id)),
    tx
      .select({ actorId: proposalPledges.actorId, resources: proposalPledges.resources })
      .from(proposalPledges)
      .where(eq(proposalPledges.proposalId, proposal.id)),
  ]);
  for (const s of supports) add(s.actorId, `Soutien de la proposition ${quoted}`);
  for (const p of pledges) add(p.actorId, `Peut apporter\u00a0: ${resourceWords(p.resources, 'fr')}`);
  return new Map([...reasons].map(([id, list]) => [id, list.join(' · ')]));
}

/** The carriers: those given (associations, the first as lead), else the author's organisation if an association. */
async function carriersFor(tx: Tx, proposal: ProposalRow, carrierIds: string[]) {
  const ids = carrierIds.length ? [...new Set(carrierIds)] : proposal.authorActorId ? [proposal.authorActorId] : [];
  const rows = ids.length
    ? await tx.select({ id: actors.id, family: actors.family }).from(actors).where(inArray(actors.id, ids))
    : [];
  const families = new Map(rows.map((r) => [r.id, r.family]));
  if (carrierIds.length === 0) {
    if (ids[0] && families.get(ids[0]) === 'association') return ids;
    throw invalid([{ field: 'carrierIds', code: 'conversionNeedsCarrier' }]);
  }
  const issues: FieldIssue[] = [];
  ids.forEach((id, i) => {
    const family = families.get(id);
    if (family === undefined) issues.push({ field: `carrierIds.${i}`, code: 'unknownActor' });
    else if (family !== 'association') issues.push({ field: `carrierIds.${i}`, code: 'carrierNotAssociation' });
  });
  if (issues.length) throw invalid(issues);
  return ids;
}

async function toProject(tx: Tx, by: CurrentUser, proposal: ProposalRow, challenge: ChallengeRow, input: Input) {
  const carriers = await carriersFor(tx, proposal, input.carrierIds);
  const projectId = await createProject(tx as unknown as Db, by, {
    title: input.title ?? proposal.title,
    summary: cut(proposal.description, 2000),
    goals: '',
    beneficiaries: '',
    needs: proposal.needs,
    carriers: carriers.map((actorId, i) => ({ actorId, role: i === 0 ? 'lead' : 'coCarrier' })),
    budgetLines: [],
    budgetTotal: null,
    modes: proposal.modes,
    themes: challenge.themes,
    sdgs: challenge.sdgs,
    communeCodes: challenge.communeCodes.slice(0, 50),
    status: 'seekingPartners',
    startsOn: null,
    endsOn: null,
  });
  const interested = [...(await organisationsAround(tx, proposal))].filter(([id]) => !carriers.includes(id));
  if (interested.length) {
    await tx
      .insert(projectInterestedActors)
      .values(interested.map(([actorId, origin]) => ({ projectId, actorId, origin })));
  }
  return { project: { id: projectId, name: input.title ?? proposal.title }, alliance: null };
}

async function toAlliance(tx: Tx, by: CurrentUser, proposal: ProposalRow, challenge: ChallengeRow, input: Input) {
  const members = [...(await organisationsAround(tx, proposal)).keys()];
  if (members.length < minAllianceActors) {
    throw invalid([{ field: 'kind', code: 'conversionTooFewActors', params: { min: minAllianceActors } }]);
  }
  const name = input.title ?? proposal.title;
  const allianceId = await createAlliance(tx as unknown as Db, by, {
    name,
    challenge: cut(challenge.title, 2000),
    objective: cut(proposal.description, 2000),
    themes: challenge.themes,
    sdgs: challenge.sdgs,
    communeCodes: challenge.communeCodes.slice(0, 50),
    members: members.map((actorId) => ({ actorId, role: 'Soutien (dialogue territorial)' })),
  });
  return { project: null, alliance: { id: allianceId, name } };
}

type Input = ReturnType<typeof conversionInput.parse>;

/** Staff turn an accepted proposal, not converted yet, into a flagship project or an alliance. */
export async function convertProposal(
  db: Db,
  by: CurrentUser,
  id: string,
  input: ConversionInput,
): Promise<ConversionResult> {
  requireStaff(by);
  const data = parseInput(conversionInput, input);
  return db.transaction(async (tx) => {
    const { proposal, challenge } = await visibleProposal(tx, by, id, true);
    if (proposal.projectId !== null || proposal.allianceId !== null) {
      throw conflict('Cette proposition a déjà été transformée', [{ field: 'kind', code: 'proposalConverted' }]);
    }
    if (proposal.outcome !== 'accepted') {
      throw conflict('Seule une proposition retenue devient un projet ou une alliance', [
        { field: 'outcome', code: 'proposalNotAccepted' },
      ]);
    }
    const made =
      data.kind === 'project'
        ? await toProject(tx, by, proposal, challenge, data)
        : await toAlliance(tx, by, proposal, challenge, data);
    await tx
      .update(proposals)
      .set({
        projectId: made.project?.id ?? null,
        allianceId: made.alliance?.id ?? null,
        convertedAt: new Date(),
        convertedBy: by.id,
        updatedAt: new Date(),
      })
      .where(eq(proposals.id, id));
    return { proposalId: id, ...made };
  });
}
