// A programme's territories and phases, each replaced as a whole (kept by id, so that what refers to them stays),
// every reference checked first, naming the field; one transaction per replacement.
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { Db, Handle } from '../../db/client.js';
import { type FieldIssue, invalid, parseInput } from '../../errors.js';
import { requireStaff, type Viewer } from '../actors/visibility.js';
import { communes, themes } from '../reference/schema.js';
import { requireProgramme } from './common.js';
import { phasesBody, territoriesBody } from './contract.js';
import { programmePhases, programmeTerritories } from './schema.js';
import { touchProgramme } from './service.js';

type Territory = import('zod').output<typeof territoriesBody>['territories'][number];
type Phase = import('zod').output<typeof phasesBody>['phases'][number];
type Owned = typeof programmeTerritories | typeof programmePhases;

/** Ids given in the body that are not this programme's: `<list>.<i>.id` notInProgramme. */
async function foreignIds(db: Handle, table: Owned, programmeId: string, list: { id?: string }[], name: string) {
  const ids = list.flatMap((x) => (x.id ? [x.id] : []));
  const own = ids.length
    ? new Set(
        (
          await db
            .select({ id: table.id })
            .from(table)
            .where(and(eq(table.programmeId, programmeId), inArray(table.id, ids)))
        ).map((r) => r.id),
      )
    : new Set<string>();
  return list.flatMap((x, i): FieldIssue[] =>
    x.id && !own.has(x.id) ? [{ field: `${name}.${i}.id`, code: 'notInProgramme' }] : [],
  );
}

/** Themes and communes of the directory's reference tables. */
export async function checkTerritoryRefs(
  db: Handle,
  list: Omit<Territory, 'id'>[],
  fieldOf = (i: number) => `territories.${i}`,
) {
  const codes = [...new Set(list.flatMap((t) => t.communeCodes))];
  const known = new Set(
    codes.length
      ? (await db.select({ code: communes.code }).from(communes).where(inArray(communes.code, codes))).map(
          (c) => c.code,
        )
      : [],
  );
  const themeIds = list.flatMap((t) => (t.themeId ? [t.themeId] : []));
  const knownThemes = new Set(
    themeIds.length
      ? (await db.select({ id: themes.id }).from(themes).where(inArray(themes.id, themeIds))).map((t) => t.id)
      : [],
  );
  return list.flatMap((t, i): FieldIssue[] => [
    ...(t.themeId && !knownThemes.has(t.themeId) ? [{ field: `${fieldOf(i)}.themeId`, code: 'unknownTheme' }] : []),
    ...(t.communeCodes.some((c) => !known.has(c))
      ? [{ field: `${fieldOf(i)}.communeCodes`, code: 'unknownCommune' }]
      : []),
  ]);
}

/**
 * Updates the kept rows, inserts the new ones, deletes the others (their participants, actions and events lose the
 * link through ON DELETE SET NULL).
 */
async function replaceOwned<T extends { id?: string }>(
  tx: Handle,
  table: Owned,
  programmeId: string,
  list: T[],
  columns: (x: T, position: number) => Record<string, unknown>,
) {
  const kept = list.flatMap((x) => (x.id ? [x.id] : []));
  await tx
    .delete(table)
    .where(
      kept.length
        ? and(eq(table.programmeId, programmeId), notInArray(table.id, kept))
        : eq(table.programmeId, programmeId),
    );
  for (const [i, x] of list.entries()) {
    const values = columns(x, i);
    if (x.id) await tx.update(table).set(values).where(eq(table.id, x.id));
    else await tx.insert(table).values({ programmeId, ...values } as typeof table.$inferInsert);
  }
}

export async function replaceTerritories(db: Db, by: Viewer, programmeId: string, input: unknown): Promise<void> {
  requireStaff(by);
  const { territories } = parseInput(territoriesBody, input);
  await requireProgramme(db, programmeId);
  const issues = [
    ...(await foreignIds(db, programmeTerritories, programmeId, territories, 'territories')),
    ...(await checkTerritoryRefs(db, territories)),
  ];
  if (issues.length) throw invalid(issues);
  await db.transaction(async (tx) => {
    await replaceOwned(tx, programmeTerritories, programmeId, territories, (t, position) => ({
      name: t.name,
      themeId: t.themeId,
      themeLabel: t.themeLabel,
      communeCodes: t.communeCodes,
      position,
    }));
    await touchProgramme(tx, programmeId);
  });
}

/** Phases follow one another: each starts after the previous one ends. */
export function overlapIssues(phases: Pick<Phase, 'startsOn' | 'endsOn'>[]): FieldIssue[] {
  return phases.flatMap((p, i): FieldIssue[] => {
    const previous = phases[i - 1];
    return previous && p.startsOn <= previous.endsOn ? [{ field: `phases.${i}.startsOn`, code: 'phasesOverlap' }] : [];
  });
}

export async function replacePhases(db: Db, by: Viewer, programmeId: string, input: unknown): Promise<void> {
  requireStaff(by);
  const { phases } = parseInput(phasesBody, input);
  await requireProgramme(db, programmeId);
  const issues = [...(await foreignIds(db, programmePhases, programmeId, phases, 'phases')), ...overlapIssues(phases)];
  if (issues.length) throw invalid(issues);
  await db.transaction(async (tx) => {
    await replaceOwned(tx, programmePhases, programmeId, phases, (p, position) => ({
      name: p.name,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      objectives: p.objectives,
      position,
    }));
    await touchProgramme(tx, programmeId);
  });
}
