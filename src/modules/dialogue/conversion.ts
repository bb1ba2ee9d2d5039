// Turning an accepted proposal into a flagship project or an alliance, keeping the organisations that supported it or
// pledged something: the project's interested actors, or the alliance's members. One transaction: all or nothing.
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { conflict, DomainError, invalid, parseInput } from '../../errors.js';
import type { CurrentUser } from '../accounts/service.js';
import { requireStaff } from '../actors/visibility.js';
import { minAllianceActors } from '../alliances/contract.js';
import { createAlliance } from '../alliances/service.js';
import { resources as resourceWords } from '../matching/reasons.js';
import type { ProjectData } from '../projects/contract.js';
import { projectInterestedActors } from '../projects/schema.js';
import { createProject } from '../projects/service.js';
import { type ProposalRow, visibleProposal } from './access.js';
import { type ConversionInput, type ConversionResult, conversionInput } from './contract.js';
import { cutText } from './labels.js';
import { proposalPledges, proposalSupports, proposals } from './schema.js';

type ChallengeRow = Awaited<ReturnType<typeof visibleProposal>>['challenge'];

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
  // One after the other: a transaction is one connection, which runs one query at a time.
  const supports = await tx
    .select({ actorId: proposalSupports.actorId })
    .from(proposalSupports)
    .where(eq(proposalSupports.proposalId, proposal.id));
  const pledges = await tx
    .select({ actorId: proposalPledges.actorId, resources: proposalPledges.resources })
    .from(proposalPledges)
    .where(eq(proposalPledges.proposalId, proposal.id));
  for (const s of supports) add(s.actorId, `Soutien de la proposition ${quoted}`);
  for (const p of pledges) add(p.actorId, `Peut apporter\u00a0: ${resourceWords(p.resources, 'fr')}`);
  return new Map([...reasons].map(([id, list]) => [id, list.join(' · ')]));
}

/**
 * The carriers: those given (the first as lead), else the author's organisation. Whether they are known associations
 * is checked by createProject (projects/validation.ts); its issues on `carriers.<i>.actorId` are told here on
 * `carrierIds.<i>` — the same index, as the list is passed as given — or, for the author's organisation, as the
 * need to choose a carrier.
 */
async function projectWithCarriers(
  tx: Tx,
  by: CurrentUser,
  carrierIds: string[],
  proposal: ProposalRow,
  fields: Omit<ProjectData, 'carriers'>,
) {
  const given = carrierIds.length > 0;
  const ids = given ? carrierIds : proposal.authorActorId ? [proposal.authorActorId] : [];
  if (ids.length === 0) throw invalid([{ field: 'carrierIds', code: 'conversionNeedsCarrier' }]);
  try {
    const id = await createProject(tx as unknown as Db, by, {
      ...fields,
      carriers: ids.map((actorId, i) => ({ actorId, role: i === 0 ? 'lead' : 'coCarrier' })),
    });
    return { id, carriers: ids };
  } catch (error) {
    if (!(error instanceof DomainError) || error.kind !== 'invalid') throw error;
    const carrierIssue = /^carriers\.(\d+)\.actorId$/;
    if (!given && error.issues.some((i) => carrierIssue.test(i.field))) {
      throw invalid([{ field: 'carrierIds', code: 'conversionNeedsCarrier' }]);
    }
    throw invalid(
      error.issues.map((i) => {
        const index = carrierIssue.exec(i.field)?.[1];
        return index === undefined ? i : { ...i, field: `carrierIds.${index}` };
      }),
    );
  }
}

async function toProject(tx: Tx, by: CurrentUser, proposal: ProposalRow, challenge: ChallengeRow, input: Input) {
  const { id: projectId, carriers } = await projectWithCarriers(tx, by, input.carrierIds, proposal, {
    title: input.title ?? proposal.title,
    summary: cutText(proposal.description, 2000),
    goals: '',
    beneficiaries: '',
    needs: proposal.needs,
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
    challenge: cutText(challenge.title, 2000),
    objective: cutText(proposal.description, 2000),
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
    // The proposal's row is locked for update: of two concurrent conversions, the second waits and then sees the
    // first one's project or alliance (a conflict), so that a proposal makes one project or alliance at most.
    const { proposal, challenge } = await visibleProposal(tx, by, id, true);
    if (proposal.hiddenAt !== null) {
      throw conflict('Une proposition masquée par la modération ne se transforme pas', [
        { field: 'proposal', code: 'contentHidden' },
      ]);
    }
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
