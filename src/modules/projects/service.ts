// The flagship projects' rules: plain functions taking a db handle and the caller, throwing src/errors.ts errors.
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { forbidden, notFound } from '../../errors.js';
import { slugOf } from '../../http/slug.js';
import type { CurrentUser } from '../accounts/service.js';
import { excerpt } from '../actors/page.js';
import { actors } from '../actors/schema.js';
import { isStaff } from '../actors/visibility.js';
import { partnershipModes } from '../partnerships/vocabulary.js';
import { communes } from '../reference/schema.js';
import {
  type ProjectCarrier,
  type ProjectData,
  type ProjectDetail,
  type ProjectInterestedActor,
  type ProjectPage,
  type ProjectQuery,
  toCents,
} from './contract.js';
import { projectCarriers, projectInterestedActors, projects } from './schema.js';
import { checkProjectReferences, parseProjectData } from './validation.js';
import {
  canDeleteProject,
  canEditProject,
  canSeeProject,
  ownActorOf,
  readsAllDrafts,
  type Viewer,
} from './visibility.js';
import { projectStatuses } from './vocabulary.js';

type ProjectRow = typeof projects.$inferSelect;

const unique = <T>(values: T[]): T[] => [...new Set(values)];

/** The stored fields: total computed from the lines when left empty, arrays without duplicates. */
function projectFields(data: ProjectData) {
  const linesTotal = data.budgetLines.reduce((s, l) => s + toCents(l.amount), 0);
  return {
    title: data.title,
    summary: data.summary,
    goals: data.goals,
    beneficiaries: data.beneficiaries,
    needs: data.needs,
    budgetLines: data.budgetLines.map((l) => ({ label: l.label, amount: toCents(l.amount) / 100 })),
    budgetTotal: data.budgetTotal ?? (data.budgetLines.length ? linesTotal / 100 : null),
    modes: unique(data.modes),
    themes: unique(data.themes),
    sdgs: unique(data.sdgs),
    communeCodes: unique(data.communeCodes),
    status: data.status,
    startsOn: data.startsOn,
    endsOn: data.endsOn,
  };
}

const carrierRows = (projectId: string, data: ProjectData) =>
  data.carriers.map((c, position) => ({ projectId, actorId: c.actorId, role: c.role, position }));

/** Carriers of some projects with their names and families, lead first then in their order. */
async function carriersOf(db: Db, projectIds: string[]): Promise<Map<string, ProjectCarrier[]>> {
  const byProject = new Map<string, ProjectCarrier[]>(projectIds.map((id) => [id, []]));
  if (projectIds.length === 0) return byProject;
  const rows = await db
    .select({
      projectId: projectCarriers.projectId,
      actorId: projectCarriers.actorId,
      role: projectCarriers.role,
      name: actors.name,
      family: actors.family,
    })
    .from(projectCarriers)
    .innerJoin(actors, eq(actors.id, projectCarriers.actorId))
    .where(inArray(projectCarriers.projectId, projectIds))
    .orderBy(
      asc(projectCarriers.projectId),
      sql`case when ${projectCarriers.role} = 'lead' then 0 else 1 end`,
      asc(projectCarriers.position),
      asc(actors.name),
    );
  for (const r of rows) {
    byProject.get(r.projectId)?.push({ actorId: r.actorId, name: r.name, family: r.family, role: r.role });
  }
  return byProject;
}

async function communeNames(db: Db, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ code: communes.code, name: communes.name })
    .from(communes)
    .where(inArray(communes.code, unique(codes)));
  return new Map(rows.map((r) => [r.code, r.name]));
}

const communesOf = (codes: string[], names: Map<string, string>) =>
  codes.map((code) => ({ code, name: names.get(code) ?? code }));

/** The SQL condition of what this viewer may list: no drafts, except for staff, observers and the carriers. */
function visibleCondition(viewer: Viewer): SQL | undefined {
  if (readsAllDrafts(viewer)) return undefined;
  const own = ownActorOf(viewer);
  if (own === null) return sql`${projects.status} <> 'draft'`;
  return sql`(${projects.status} <> 'draft' or exists (select 1 from ${projectCarriers} pc
    where pc.project_id = ${projects.id} and pc.actor_id = ${own}))`;
}

const clean = (values: string[]) => unique(values.map((v) => v.trim()).filter(Boolean));

/** `array[$1::type, …]::type[]`: one parameter per value, never concatenated into the SQL text. */
const arrayOf = (values: (string | number)[], type: string) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}::${sql.raw(type)}`),
    sql`, `,
  )}]::${sql.raw(type)}[]`;

/**
 * Searches the projects this viewer may see: French full text (title first, then summary, goals, beneficiaries),
 * filters (values OR within a filter, filters AND), newest first or by relevance when words are given; paginated.
 */
export async function searchProjects(db: Db, viewer: Viewer, query: ProjectQuery): Promise<ProjectPage> {
  const conditions: SQL[] = [];
  const visible = visibleCondition(viewer);
  if (visible) conditions.push(visible);
  const q = query.q?.trim() || null;
  const tsquery = q ? sql`websearch_to_tsquery('fr_unaccent', ${q})` : null;
  if (tsquery) conditions.push(sql`${projects.searchVector} @@ ${tsquery}`);
  const known = <T extends string>(values: string[], allowed: readonly T[]) => {
    const given = clean(values);
    const kept = given.filter((v): v is T => (allowed as readonly string[]).includes(v));
    if (given.length > 0 && kept.length === 0) conditions.push(sql`false`);
    return kept;
  };
  const statuses = known(query.status, projectStatuses);
  if (statuses.length) conditions.push(sql`${projects.status} = any(${arrayOf(statuses, 'project_status')})`);
  const modes = known(query.mode, partnershipModes);
  if (modes.length) conditions.push(sql`${projects.modes} && ${arrayOf(modes, 'partnership_mode')}`);
  const themeIds = clean(query.theme);
  if (themeIds.length) conditions.push(sql`${projects.themes} && ${arrayOf(themeIds, 'text')}`);
  const communeCodes = clean(query.commune);
  if (communeCodes.length) conditions.push(sql`${projects.communeCodes} && ${arrayOf(communeCodes, 'text')}`);
  if (query.actor) {
    conditions.push(
      sql`exists (select 1 from ${projectCarriers} pc where pc.project_id = ${projects.id} and pc.actor_id = ${query.actor})`,
    );
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const order = [
    ...(tsquery ? [sql`ts_rank(${projects.searchVector}, ${tsquery}) desc`] : []),
    desc(projects.updatedAt),
    asc(projects.id),
  ];
  const [rows, total] = await Promise.all([
    db
      .select()
      .from(projects)
      .where(where)
      .orderBy(...order)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.$count(projects, where),
  ]);
  const ids = rows.map((r) => r.id);
  const [carriers, names] = await Promise.all([
    carriersOf(db, ids),
    communeNames(
      db,
      rows.flatMap((r) => r.communeCodes),
    ),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      excerpt: excerpt(r.summary || r.goals, 220),
      carriers: carriers.get(r.id) ?? [],
      budgetTotal: r.budgetTotal,
      modes: r.modes,
      themes: r.themes,
      sdgs: r.sdgs,
      communes: communesOf(r.communeCodes, names),
      status: r.status,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** One project as this viewer may see it; a draft the viewer may not see is not found (its existence is not told). */
export async function getProject(db: Db, viewer: Viewer, id: string): Promise<ProjectDetail> {
  const [row] = await db.select().from(projects).where(eq(projects.id, id));
  if (!row) throw notFound('Projet');
  const carriers = (await carriersOf(db, [id])).get(id) ?? [];
  if (!canSeeProject(viewer, row.status, carriers)) throw notFound('Projet');
  const [names, interested] = await Promise.all([communeNames(db, row.communeCodes), interestedActorsOf(db, id)]);
  return { ...detailOf(row, carriers, names, viewer), interestedActors: interested };
}

/** The organisations interested in a project without carrying it (public: organisations only, never people). */
async function interestedActorsOf(db: Db, projectId: string): Promise<ProjectInterestedActor[]> {
  return db
    .select({
      actorId: projectInterestedActors.actorId,
      name: actors.name,
      family: actors.family,
      origin: projectInterestedActors.origin,
    })
    .from(projectInterestedActors)
    .innerJoin(actors, eq(actors.id, projectInterestedActors.actorId))
    .where(eq(projectInterestedActors.projectId, projectId))
    .orderBy(asc(projectInterestedActors.createdAt), asc(actors.name));
}

function detailOf(
  row: ProjectRow,
  carriers: ProjectCarrier[],
  names: Map<string, string>,
  viewer: Viewer,
): Omit<ProjectDetail, 'interestedActors'> {
  return {
    id: row.id,
    title: row.title,
    slug: slugOf(row.title, 'projet'),
    summary: row.summary,
    goals: row.goals,
    beneficiaries: row.beneficiaries,
    needs: row.needs,
    carriers,
    budgetLines: row.budgetLines.map((l) => ({ label: l.label, amount: Number(l.amount) })),
    budgetTotal: row.budgetTotal,
    modes: row.modes,
    themes: row.themes,
    sdgs: row.sdgs,
    communes: communesOf(row.communeCodes, names),
    status: row.status,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    canEdit: canEditProject(viewer, carriers),
    canDelete: canDeleteProject(viewer, carriers),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A member writes only projects its own organisation carries: refused before anything is read or written. */
function mustCarry(by: CurrentUser, data: ProjectData) {
  if (isStaff(by)) return;
  const own = ownActorOf(by);
  if (own === null || !data.carriers.some((c) => c.actorId === own)) {
    throw forbidden('Votre organisation doit faire partie des porteurs du projet');
  }
}

/**
 * Creates a project with its carriers in one transaction. Staff; or a member whose organisation is among the
 * carriers. Returns the new id.
 */
export async function createProject(db: Db, by: CurrentUser, data: ProjectData): Promise<string> {
  if (!isStaff(by) && by.role !== 'member') throw forbidden();
  const parsed = parseProjectData(data);
  mustCarry(by, parsed);
  await checkProjectReferences(db, parsed);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(projects)
      .values({ ...projectFields(parsed), createdBy: by.id })
      .returning({ id: projects.id });
    if (!row) throw new Error('project not inserted');
    await tx.insert(projectCarriers).values(carrierRows(row.id, parsed));
    return row.id;
  });
}

/**
 * Replaces a project's fields and carriers in one transaction. Staff: any project; a member: a project its
 * organisation carries (lead or co-carrier), which must stay among the carriers.
 */
export async function updateProject(db: Db, by: CurrentUser, id: string, data: ProjectData): Promise<void> {
  if (!isStaff(by) && by.role !== 'member') throw forbidden();
  const parsed = parseProjectData(data);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(projects).where(eq(projects.id, id)).for('update');
    if (!before) throw notFound('Projet');
    const carriers = await tx
      .select({ actorId: projectCarriers.actorId, role: projectCarriers.role })
      .from(projectCarriers)
      .where(eq(projectCarriers.projectId, id));
    if (!canSeeProject(by, before.status, carriers)) throw notFound('Projet');
    if (!canEditProject(by, carriers)) throw forbidden();
    mustCarry(by, parsed);
    await checkProjectReferences(tx, parsed);
    await tx
      .update(projects)
      .set({ ...projectFields(parsed), updatedAt: new Date() })
      .where(eq(projects.id, id));
    await tx.delete(projectCarriers).where(eq(projectCarriers.projectId, id));
    await tx.insert(projectCarriers).values(carrierRows(id, parsed));
  });
}

/** Deletes a project and its carriers. Staff; or a member of its lead carrier. */
export async function deleteProject(db: Db, by: CurrentUser, id: string): Promise<void> {
  const [row] = await db.select({ status: projects.status }).from(projects).where(eq(projects.id, id));
  if (!row) throw notFound('Projet');
  const carriers = await db
    .select({ actorId: projectCarriers.actorId, role: projectCarriers.role })
    .from(projectCarriers)
    .where(eq(projectCarriers.projectId, id));
  if (!canSeeProject(by, row.status, carriers)) throw notFound('Projet');
  if (!canDeleteProject(by, carriers)) throw forbidden();
  await db.delete(projects).where(eq(projects.id, id));
}
