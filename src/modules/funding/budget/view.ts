// Reading the budget as its page, its export and an application's page show it: lines grouped by territory
// (transversal first), each with its sources and figures, and the totals.
import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Handle } from '../../../db/client.js';
import { notFound } from '../../../errors.js';
import { actors } from '../../actors/schema.js';
import { alliances } from '../../alliances/schema.js';
import { contributions, partnerships } from '../../partnerships/schema.js';
import { requireProgramme } from '../../programmes/common.js';
import { programmeTerritories } from '../../programmes/schema.js';
import { fundingApplications } from '../applications/schema.js';
import { territoriesOf, territoryRank } from './common.js';
import type { ApplicationBudgetView, BudgetQuery, BudgetView, LineView, SourceChoices } from './contract.js';
import { budgetFigures } from './figures.js';
import { budgetLineSources, budgetLines } from './schema.js';

const funder = alias(actors, 'funder');
const partner = alias(actors, 'partner');
const none = { forecast: 0, committed: 0, actual: 0, funded: 0, expected: 0, remaining: 0, overFunded: false };

/** The sources of some lines, with the application's title, status and funder, or the contribution and its partner. */
function sourcesOf(db: Handle, lineIds: string[]) {
  return db
    .select({
      id: budgetLineSources.id,
      lineId: budgetLineSources.lineId,
      kind: budgetLineSources.kind,
      applicationId: budgetLineSources.applicationId,
      contributionId: budgetLineSources.contributionId,
      label: budgetLineSources.label,
      amount: budgetLineSources.amount,
      applicationTitle: fundingApplications.title,
      applicationStatus: fundingApplications.status,
      contributionDescription: contributions.description,
      funderName: sql<string | null>`coalesce(${funder.name}, ${partner.name})`,
    })
    .from(budgetLineSources)
    .leftJoin(fundingApplications, eq(fundingApplications.id, budgetLineSources.applicationId))
    .leftJoin(funder, eq(funder.id, fundingApplications.funderActorId))
    .leftJoin(contributions, eq(contributions.id, budgetLineSources.contributionId))
    .leftJoin(partner, eq(partner.id, contributions.actorId))
    .where(inArray(budgetLineSources.lineId, lineIds))
    .orderBy(desc(budgetLineSources.amount), asc(budgetLineSources.id));
}

export async function budgetView(db: Handle, query: BudgetQuery): Promise<BudgetView> {
  const programme = await requireProgramme(db, query.programmeId);
  const territories = await territoriesOf(db, programme.id);
  const territoryName = new Map(territories.map((t) => [t.id, t.name]));
  const rows = await db
    .select()
    .from(budgetLines)
    .where(
      and(
        eq(budgetLines.programmeId, programme.id),
        query.from === undefined ? undefined : gte(budgetLines.year, query.from),
        query.to === undefined ? undefined : lte(budgetLines.year, query.to),
      ),
    )
    .orderBy(asc(budgetLines.year), asc(budgetLines.position), asc(budgetLines.label));
  const figures = await budgetFigures(db, programme.id, query);
  const sources = rows.length
    ? await sourcesOf(
        db,
        rows.map((r) => r.id),
      )
    : [];
  // Transversal lines first, then the territories in the programme's order; by year within each.
  const rank = territoryRank(territories);
  const lines: LineView[] = rows
    .map((r) => {
      const f = figures.lines.get(r.id) ?? { ...none, forecast: r.forecast, remaining: r.forecast };
      return {
        id: r.id,
        programmeId: r.programmeId,
        year: r.year,
        territoryId: r.territoryId,
        territoryName: r.territoryId ? (territoryName.get(r.territoryId) ?? null) : null,
        category: r.category,
        label: r.label,
        position: r.position,
        ...f,
        sources: sources
          .filter((s) => s.lineId === r.id)
          .map((s) => ({
            id: s.id,
            kind: s.kind,
            applicationId: s.applicationId,
            contributionId: s.contributionId,
            label: s.applicationTitle ?? (s.label || s.contributionDescription || ''),
            funderName: s.funderName,
            applicationStatus: s.applicationStatus,
            amount: s.amount,
            funded: figures.sources.get(s.id)?.funded ?? 0,
            expected: figures.sources.get(s.id)?.expected ?? 0,
          })),
      };
    })
    .sort((a, b) => rank(a.territoryId) - rank(b.territoryId) || a.year - b.year);
  return {
    programme: { id: programme.id, name: programme.name, startsOn: programme.startsOn, endsOn: programme.endsOn },
    territories,
    from: query.from ?? null,
    to: query.to ?? null,
    lines,
    totals: {
      overall: figures.overall,
      byYear: figures.byYear,
      byTerritory: figures.byTerritory
        .map((t) => ({ ...t, territoryName: t.territoryId ? (territoryName.get(t.territoryId) ?? null) : null }))
        .sort((a, b) => rank(a.territoryId) - rank(b.territoryId)),
      byCategory: figures.byCategory,
      bySource: figures.bySource,
    },
  };
}

/**
 * What may fund the programme's lines: its applications (any status), and the partners' financial contributions (the
 * other natures — volunteer hours, in kind, skills — are not money: they are valued apart, never « financé »).
 * Contributions belong to partnerships and alliances, which are not tied to a programme: all the financial ones are
 * offered, none left out.
 */
export async function sourceChoicesOf(db: Handle, programmeId: string): Promise<SourceChoices> {
  await requireProgramme(db, programmeId);
  const applications = await db
    .select({
      id: fundingApplications.id,
      title: fundingApplications.title,
      funderName: actors.name,
      year: fundingApplications.year,
      status: fundingApplications.status,
      territoryId: fundingApplications.territoryId,
      amountRequested: fundingApplications.amountRequested,
      amountGranted: fundingApplications.amountGranted,
    })
    .from(fundingApplications)
    .innerJoin(actors, eq(actors.id, fundingApplications.funderActorId))
    .where(eq(fundingApplications.programmeId, programmeId))
    .orderBy(desc(fundingApplications.year), asc(fundingApplications.title));
  const contributionRows = await db
    .select({
      id: contributions.id,
      description: contributions.description,
      actorName: actors.name,
      ownerTitle: sql<string>`coalesce(${partnerships.title}, ${alliances.name}, '')`,
      value: contributions.value,
    })
    .from(contributions)
    .innerJoin(actors, eq(actors.id, contributions.actorId))
    .leftJoin(partnerships, eq(partnerships.id, contributions.partnershipId))
    .leftJoin(alliances, eq(alliances.id, contributions.allianceId))
    .where(eq(contributions.nature, 'financial'))
    .orderBy(asc(actors.name), asc(contributions.description));
  return { applications, contributions: contributionRows };
}

/** The budget lines an application funds, with the amount it brings to each and what of it counts. */
export async function applicationBudgetOf(db: Handle, applicationId: string): Promise<ApplicationBudgetView> {
  const [application] = await db
    .select({ id: fundingApplications.id })
    .from(fundingApplications)
    .where(eq(fundingApplications.id, applicationId));
  if (!application) throw notFound('Dossier de financement');
  const rows = await db
    .select({
      sourceId: budgetLineSources.id,
      lineId: budgetLines.id,
      programmeId: budgetLines.programmeId,
      year: budgetLines.year,
      territoryName: programmeTerritories.name,
      category: budgetLines.category,
      label: budgetLines.label,
      amount: budgetLineSources.amount,
    })
    .from(budgetLineSources)
    .innerJoin(budgetLines, eq(budgetLines.id, budgetLineSources.lineId))
    .leftJoin(programmeTerritories, eq(programmeTerritories.id, budgetLines.territoryId))
    .where(eq(budgetLineSources.applicationId, applicationId))
    .orderBy(asc(budgetLines.year), asc(budgetLines.position));
  const first = rows[0];
  const figures = first ? await budgetFigures(db, first.programmeId) : null;
  return {
    lines: rows.map(({ sourceId, ...r }) => ({
      ...r,
      funded: figures?.sources.get(sourceId)?.funded ?? 0,
      expected: figures?.sources.get(sourceId)?.expected ?? 0,
    })),
  };
}
