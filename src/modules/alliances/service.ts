// The alliances' rules: plain functions taking a db handle and the caller, throwing the domain errors of src/errors.ts.
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { conflict, type FieldIssue, forbidden, invalid, notFound, parseInput } from '../../errors.js';
import type { CurrentUser } from '../accounts/service.js';
import { actors } from '../actors/schema.js';
import { unknownActors } from '../actors/validation.js';
import { requireStaff } from '../actors/visibility.js';
import { benefits, contributions, type LedgerTable, partnerships } from '../partnerships/schema.js';
import { unknownCommunes, unknownThemes } from '../reference/checks.js';
import { communes } from '../reference/schema.js';
import {
  type AllianceAccess,
  allianceAccess,
  allianceMemberIds,
  allianceVisible,
  memberIdsQuery,
  ownActorOf,
  partnershipVisible,
  type Viewer,
} from './access.js';
import {
  type AllianceData,
  type AllianceDetail,
  type AllianceFields,
  type AllianceMember,
  type AllianceSummary,
  allianceFields,
  allianceInput,
  type Benefit,
  benefitInput,
  type Contribution,
  contributionInput,
  type linkedPartnership,
  memberInput,
  memberUpdate,
  minAllianceActors,
} from './contract.js';
import { allianceMembers, alliances } from './schema.js';

export { allianceBalance } from './balance.js';
export { ecosystemGraph } from './ecosystem.js';

type Input<T> = import('zod').input<T extends import('zod').ZodType ? T : never>;

const unique = <T>(values: T[]): T[] => [...new Set(values)];

/** Unknown themes, communes or actors, each named by its field. */
async function checkReferences(
  db: Db,
  data: Pick<AllianceFields, 'themes' | 'communeCodes'>,
  actorIds: { field: string; id: string }[] = [],
) {
  const issues: FieldIssue[] = [
    ...(await unknownThemes(db, data.themes)),
    ...(await unknownCommunes(db, data.communeCodes)),
    ...(await unknownActors(db, actorIds)),
  ];
  if (issues.length) throw invalid(issues);
}

const allianceRow = (data: AllianceFields) => ({
  name: data.name,
  challenge: data.challenge,
  objective: data.objective,
  description: data.description,
  status: data.status,
  themes: unique(data.themes),
  sdgs: unique(data.sdgs),
  communeCodes: unique(data.communeCodes),
  startsOn: data.startsOn,
});

/**
 * Creates an alliance with its direct members (at least three distinct actors), in one transaction. Staff only.
 * Members of a single family are allowed; the alliance's `warnings` then say so.
 */
export async function createAlliance(db: Db, by: Viewer, input: Input<typeof allianceInput>): Promise<string> {
  requireStaff(by);
  const data: AllianceData = parseInput(allianceInput, input);
  await checkReferences(
    db,
    data,
    data.members.map((m, i) => ({ field: `members.${i}.actorId`, id: m.actorId })),
  );
  const seen = new Set<string>();
  const members = data.members.filter((m) => !seen.has(m.actorId) && seen.add(m.actorId));
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(alliances)
      .values({ ...allianceRow(data), createdBy: by.id })
      .returning({ id: alliances.id });
    if (!row) throw new Error('alliance not inserted');
    await tx
      .insert(allianceMembers)
      .values(members.map((m) => ({ allianceId: row.id, actorId: m.actorId, role: m.role, joinedOn: m.joinedOn })));
    return row.id;
  });
}

/** Replaces an alliance's own fields. Staff only. */
export async function updateAlliance(db: Db, by: Viewer, id: string, input: Input<typeof allianceFields>) {
  requireStaff(by);
  const data = parseInput(allianceFields, input);
  await checkReferences(db, data);
  const updated = await db
    .update(alliances)
    .set({ ...allianceRow(data), updatedAt: new Date() })
    .where(eq(alliances.id, id))
    .returning({ id: alliances.id });
  if (updated.length === 0) throw notFound('Alliance');
}

async function lockAlliance(tx: Db, id: string) {
  const [row] = await tx.select({ id: alliances.id }).from(alliances).where(eq(alliances.id, id)).for('update');
  if (!row) throw notFound('Alliance');
}

/** How many distinct actors the alliance gathers (direct members ∪ partners of its partnerships). */
async function memberCount(tx: Db, id: string): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(tx, sql`select count(*)::int as n from ${memberIdsQuery(id)} m`);
  return Number(row?.n ?? 0);
}

const tooFew = () =>
  conflict('Une alliance réunit au moins trois acteurs', [{ field: 'members', code: 'allianceTooFewMembers' }]);

/** Published when every direct member consented (and there is one); unpublished as soon as one has not. */
async function refreshPublication(tx: Db, id: string) {
  await tx.execute(sql`update alliances set published_at = case
      when exists (select 1 from alliance_members where alliance_id = ${id})
        and not exists (select 1 from alliance_members where alliance_id = ${id} and publish_consent_at is null)
      then coalesce(published_at, now()) else null end
    where id = ${id}`);
}

export async function addMember(db: Db, by: Viewer, id: string, input: Input<typeof memberInput>) {
  requireStaff(by);
  const data = parseInput(memberInput, input);
  await checkReferences(db, { themes: [], communeCodes: [] }, [{ field: 'actorId', id: data.actorId }]);
  await db.transaction(async (tx) => {
    await lockAlliance(tx, id);
    const [existing] = await tx
      .select({ actorId: allianceMembers.actorId })
      .from(allianceMembers)
      .where(and(eq(allianceMembers.allianceId, id), eq(allianceMembers.actorId, data.actorId)));
    if (existing) throw conflict('Déjà membre', [{ field: 'actorId', code: 'allianceMemberExists' }]);
    await tx
      .insert(allianceMembers)
      .values({ allianceId: id, actorId: data.actorId, role: data.role, joinedOn: data.joinedOn });
    await refreshPublication(tx, id);
    await touch(tx, id);
  });
}

export async function updateMember(db: Db, by: Viewer, id: string, actorId: string, input: Input<typeof memberUpdate>) {
  requireStaff(by);
  const data = parseInput(memberUpdate, input);
  const updated = await db
    .update(allianceMembers)
    .set({ role: data.role, joinedOn: data.joinedOn })
    .where(and(eq(allianceMembers.allianceId, id), eq(allianceMembers.actorId, actorId)))
    .returning({ actorId: allianceMembers.actorId });
  if (updated.length === 0) throw notFound('Membre');
}

/**
 * Removes a direct member, refused when the alliance would fall below three actors. Its direct contributions and
 * benefits go with it, unless it stays a member through one of the alliance's partnerships.
 */
export async function removeMember(db: Db, by: Viewer, id: string, actorId: string) {
  requireStaff(by);
  await db.transaction(async (tx) => {
    await lockAlliance(tx, id);
    const deleted = await tx
      .delete(allianceMembers)
      .where(and(eq(allianceMembers.allianceId, id), eq(allianceMembers.actorId, actorId)))
      .returning({ actorId: allianceMembers.actorId });
    if (deleted.length === 0) throw notFound('Membre');
    if ((await memberCount(tx, id)) < minAllianceActors) throw tooFew();
    if (!(await allianceMemberIds(tx, id)).includes(actorId)) {
      await tx.delete(contributions).where(and(eq(contributions.allianceId, id), eq(contributions.actorId, actorId)));
      await tx.delete(benefits).where(and(eq(benefits.allianceId, id), eq(benefits.actorId, actorId)));
    }
    await refreshPublication(tx, id);
    await touch(tx, id);
  });
}

async function touch(tx: Db, id: string) {
  await tx.update(alliances).set({ updatedAt: new Date() }).where(eq(alliances.id, id));
}

/** Links a partnership to the alliance (only `partnerships.alliance_id` changes). Staff only. */
export async function linkPartnership(db: Db, by: Viewer, id: string, partnershipId: string) {
  requireStaff(by);
  await db.transaction(async (tx) => {
    await lockAlliance(tx, id);
    const [p] = await tx
      .select({ allianceId: partnerships.allianceId })
      .from(partnerships)
      .where(eq(partnerships.id, partnershipId))
      .for('update');
    if (!p) throw invalid([{ field: 'partnershipId', code: 'invalid' }], 'Partenariat introuvable');
    if (p.allianceId === id) return;
    if (p.allianceId !== null) {
      throw conflict('Partenariat déjà lié', [{ field: 'partnershipId', code: 'alliancePartnershipTaken' }]);
    }
    await tx.update(partnerships).set({ allianceId: id }).where(eq(partnerships.id, partnershipId));
    await touch(tx, id);
  });
}

/** Unlinks a partnership, refused when the alliance would fall below three actors. Staff only. */
export async function unlinkPartnership(db: Db, by: Viewer, id: string, partnershipId: string) {
  requireStaff(by);
  await db.transaction(async (tx) => {
    await lockAlliance(tx, id);
    const updated = await tx
      .update(partnerships)
      .set({ allianceId: null })
      .where(and(eq(partnerships.id, partnershipId), eq(partnerships.allianceId, id)))
      .returning({ id: partnerships.id });
    if (updated.length === 0) throw notFound('Partenariat');
    if ((await memberCount(tx, id)) < minAllianceActors) throw tooFew();
    await touch(tx, id);
  });
}

/**
 * Staff declare for any member of the alliance; a member only for its own organisation, which must be a member.
 * Returns nothing; throws forbidden, not found (alliance hidden from the caller) or invalid (not a member).
 */
async function checkDeclarer(db: Db, by: CurrentUser, id: string, actorIds: string[]) {
  const access = await allianceAccess(db, by, id);
  if (access !== 'edit' && access !== 'member') throw forbidden();
  if (access === 'member' && actorIds.some((a) => a !== ownActorOf(by))) throw forbidden();
  const members = await allianceMemberIds(db, id);
  if (actorIds.some((a) => !members.includes(a))) {
    throw invalid([{ field: 'actorId', code: 'allianceNotMember' }]);
  }
}

const contributionColumns = {
  id: contributions.id,
  actorId: contributions.actorId,
  actorName: actors.name,
  nature: contributions.nature,
  description: contributions.description,
  value: contributions.value,
  hours: contributions.hours,
};

const benefitColumns = {
  id: benefits.id,
  actorId: benefits.actorId,
  actorName: actors.name,
  description: benefits.description,
  expectedValue: benefits.expectedValue,
  realisedValue: benefits.realisedValue,
  realisedOn: benefits.realisedOn,
};

async function contributionById(db: Db, itemId: string): Promise<Contribution> {
  const [row] = await db
    .select(contributionColumns)
    .from(contributions)
    .innerJoin(actors, eq(actors.id, contributions.actorId))
    .where(eq(contributions.id, itemId));
  if (!row) throw notFound('Apport');
  return row;
}

async function benefitById(db: Db, itemId: string): Promise<Benefit> {
  const [row] = await db
    .select(benefitColumns)
    .from(benefits)
    .innerJoin(actors, eq(actors.id, benefits.actorId))
    .where(eq(benefits.id, itemId));
  if (!row) throw notFound('Bénéfice');
  return row;
}

/** The actor of a direct contribution or benefit of this alliance, or not found. */
async function itemActor(db: Db, table: LedgerTable, id: string, itemId: string) {
  const [row] = await db
    .select({ actorId: table.actorId })
    .from(table)
    .where(and(eq(table.id, itemId), eq(table.allianceId, id)));
  if (!row) throw notFound(table === contributions ? 'Apport' : 'Bénéfice');
  return row.actorId;
}

/** Replaces a direct contribution or benefit (same rules for both tables): the caller declares for both actors. */
async function updateDirectItem<T extends LedgerTable>(
  db: Db,
  by: CurrentUser,
  table: T,
  id: string,
  itemId: string,
  data: PgUpdateSetSource<T> & { actorId: string },
) {
  const before = await itemActor(db, table, id, itemId);
  await checkDeclarer(db, by, id, unique([before, data.actorId]));
  await db.update(table).set(data).where(eq(table.id, itemId));
}

/** Deletes a direct contribution or benefit, if the caller may declare for its actor. */
async function deleteDirectItem(db: Db, by: CurrentUser, table: LedgerTable, id: string, itemId: string) {
  await checkDeclarer(db, by, id, [await itemActor(db, table, id, itemId)]);
  await db.delete(table).where(eq(table.id, itemId));
}

export async function addContribution(
  db: Db,
  by: CurrentUser,
  id: string,
  input: Input<typeof contributionInput>,
): Promise<Contribution> {
  const data = parseInput(contributionInput, input);
  await checkDeclarer(db, by, id, [data.actorId]);
  const [row] = await db
    .insert(contributions)
    .values({ allianceId: id, ...data })
    .returning({ id: contributions.id });
  if (!row) throw new Error('contribution not inserted');
  return contributionById(db, row.id);
}

export async function updateContribution(
  db: Db,
  by: CurrentUser,
  id: string,
  itemId: string,
  input: Input<typeof contributionInput>,
): Promise<Contribution> {
  await updateDirectItem(db, by, contributions, id, itemId, parseInput(contributionInput, input));
  return contributionById(db, itemId);
}

export async function deleteContribution(db: Db, by: CurrentUser, id: string, itemId: string) {
  await deleteDirectItem(db, by, contributions, id, itemId);
}

export async function addBenefit(db: Db, by: CurrentUser, id: string, input: Input<typeof benefitInput>) {
  const data = parseInput(benefitInput, input);
  await checkDeclarer(db, by, id, [data.actorId]);
  const [row] = await db
    .insert(benefits)
    .values({ allianceId: id, ...data })
    .returning({ id: benefits.id });
  if (!row) throw new Error('benefit not inserted');
  return benefitById(db, row.id);
}

export async function updateBenefit(
  db: Db,
  by: CurrentUser,
  id: string,
  itemId: string,
  input: Input<typeof benefitInput>,
): Promise<Benefit> {
  await updateDirectItem(db, by, benefits, id, itemId, parseInput(benefitInput, input));
  return benefitById(db, itemId);
}

export async function deleteBenefit(db: Db, by: CurrentUser, id: string, itemId: string) {
  await deleteDirectItem(db, by, benefits, id, itemId);
}

/**
 * A direct member's consent to publication, given or withdrawn by the member itself or by staff on its behalf. The
 * alliance is published once every direct member consented; a withdrawal unpublishes it.
 */
export async function setConsent(db: Db, by: CurrentUser, id: string, actorId: string, consent: boolean) {
  const access = await allianceAccess(db, by, id);
  if (!(access === 'edit' || (access === 'member' && ownActorOf(by) === actorId))) throw forbidden();
  await db.transaction(async (tx) => {
    await lockAlliance(tx, id);
    const updated = await tx
      .update(allianceMembers)
      .set(
        consent
          ? { publishConsentAt: new Date(), publishConsentBy: by.id }
          : { publishConsentAt: null, publishConsentBy: null },
      )
      .where(and(eq(allianceMembers.allianceId, id), eq(allianceMembers.actorId, actorId)))
      .returning({ actorId: allianceMembers.actorId });
    if (updated.length === 0) throw notFound('Membre');
    await refreshPublication(tx, id);
  });
}

interface MemberRow {
  actorId: string;
  name: string;
  family: AllianceMember['family'];
  communeName: string | null;
  role: string;
  direct: boolean;
  joinedOn: string | null;
  consent: boolean;
  via: { id: string; title: string }[] | string;
}

/** One alliance as this viewer may see it: partnerships the viewer may not see and their partners are left out. */
export async function getAlliance(db: Db, viewer: Viewer, id: string): Promise<AllianceDetail> {
  const access: AllianceAccess = await allianceAccess(db, viewer, id);
  const [a] = await db.select().from(alliances).where(eq(alliances.id, id));
  if (!a) throw notFound('Alliance');
  const visible = partnershipVisible(viewer);
  const [communeRows, partnershipRows, memberRows] = await Promise.all([
    a.communeCodes.length
      ? db
          .select({ code: communes.code, name: communes.name })
          .from(communes)
          .where(inArray(communes.code, a.communeCodes))
          .orderBy(asc(communes.name))
      : [],
    rowsOf<import('zod').infer<typeof linkedPartnership>>(
      db,
      sql`select p.id, p.title, p.mode, p.current_step as "currentStep", p.published_at is not null as published
        from partnerships p where p.alliance_id = ${id} and ${visible} order by p.title`,
    ),
    rowsOf<MemberRow>(
      db,
      sql`with vp as (select p.id, p.title from partnerships p where p.alliance_id = ${id} and ${visible}),
        m as (
          select am.actor_id, am.role, am.joined_on, true as direct, am.publish_consent_at is not null as consent,
            null::uuid as partnership_id
          from alliance_members am where am.alliance_id = ${id}
          union all
          select pp.actor_id, '', null, false, false, pp.partnership_id
          from partnership_partners pp join vp on vp.id = pp.partnership_id
        )
        select a.id as "actorId", a.name, a.family, c.name as "communeName",
          coalesce(max(m.role) filter (where m.direct), '') as role, bool_or(m.direct) as direct,
          (max(m.joined_on) filter (where m.direct))::text as "joinedOn", bool_or(m.consent) as consent,
          coalesce(json_agg(json_build_object('id', vp.id, 'title', vp.title) order by vp.title)
            filter (where vp.id is not null), '[]'::json) as via
        from m join actors a on a.id = m.actor_id left join communes c on c.code = a.commune_code
          left join vp on vp.id = m.partnership_id
        group by a.id, a.name, a.family, c.name
        order by a.family, a.name`,
    ),
  ]);
  const members: AllianceMember[] = memberRows.map((m) => ({
    actorId: m.actorId,
    name: m.name,
    family: m.family,
    communeName: m.communeName,
    role: m.role,
    direct: Boolean(m.direct),
    joinedOn: m.joinedOn,
    via: typeof m.via === 'string' ? JSON.parse(m.via) : m.via,
    publishConsent: Boolean(m.consent),
  }));
  const insider = access !== 'public';
  const [contributionRows, benefitRows] = insider
    ? await Promise.all([
        db
          .select(contributionColumns)
          .from(contributions)
          .innerJoin(actors, eq(actors.id, contributions.actorId))
          .where(eq(contributions.allianceId, id))
          .orderBy(asc(actors.name), asc(contributions.createdAt)),
        db
          .select(benefitColumns)
          .from(benefits)
          .innerJoin(actors, eq(actors.id, benefits.actorId))
          .where(eq(benefits.allianceId, id))
          .orderBy(asc(actors.name), asc(benefits.createdAt)),
      ])
    : [[], []];
  // Staff link partnerships that are in no alliance yet and involve one of its members.
  const linkable =
    access === 'edit'
      ? await rowsOf<{ id: string; title: string; mode: AllianceDetail['partnerships'][number]['mode'] }>(
          db,
          sql`select p.id, p.title, p.mode from partnerships p where p.alliance_id is null
            and exists (select 1 from partnership_partners pp where pp.partnership_id = p.id
              and pp.actor_id in ${memberIdsQuery(id)})
            order by p.title limit 50`,
        )
      : [];
  const own = ownActorOf(viewer);
  return {
    id: a.id,
    name: a.name,
    challenge: a.challenge,
    objective: a.objective,
    description: a.description,
    status: a.status,
    themes: a.themes,
    sdgs: a.sdgs,
    communes: communeRows,
    startsOn: a.startsOn,
    publishedAt: a.publishedAt?.toISOString() ?? null,
    members,
    partnerships: partnershipRows.map((p) => ({ ...p, published: Boolean(p.published) })),
    contributions: contributionRows,
    benefits: benefitRows,
    warnings: new Set(members.map((m) => m.family)).size <= 1 ? ['singleFamily'] : [],
    linkable,
    canEdit: access === 'edit',
    canSeeBalance: insider,
    ownActorId: own !== null && members.some((m) => m.actorId === own) ? own : null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

interface SummaryRow extends Omit<AllianceSummary, 'communeNames'> {
  communeNames: string[] | string | null;
}

function summaryQuery(where: import('drizzle-orm').SQL) {
  return sql`select a.id, a.name, a.challenge, a.status, a.themes,
      coalesce((select array_agg(c.name order by c.name) from communes c where c.code = any(a.commune_codes)),
        '{}'::text[]) as "communeNames",
      (select count(*)::int from ${memberIdsQuery(sql`a.id`)} mi) as "memberCount",
      (select count(distinct ac.family)::int from actors ac where ac.id in ${memberIdsQuery(sql`a.id`)}) as "familyCount",
      (select count(*)::int from partnerships lp where lp.alliance_id = a.id) as "partnershipCount",
      a.published_at is not null as published
    from alliances a where ${where}`;
}

const toSummary = (r: SummaryRow): AllianceSummary => ({
  ...r,
  communeNames: Array.isArray(r.communeNames) ? r.communeNames : [],
  published: Boolean(r.published),
});

/** The alliances this viewer may see, filtered by theme and status, newest first, paginated. */
export async function listAlliances(
  db: Db,
  viewer: Viewer,
  query: { theme: string[]; status?: AllianceData['status'] | undefined; page: number; pageSize: number },
) {
  const conditions = [allianceVisible(viewer)];
  if (query.theme.length) {
    conditions.push(
      sql`a.themes && array[${sql.join(
        query.theme.map((t) => sql`${t}::text`),
        sql`, `,
      )}]::text[]`,
    );
  }
  if (query.status) conditions.push(sql`a.status = ${query.status}`);
  const where = sql.join(conditions, sql` and `);
  const [items, totals] = await Promise.all([
    rowsOf<SummaryRow>(
      db,
      sql`${summaryQuery(where)} order by a.updated_at desc, a.id limit ${query.pageSize}
        offset ${(query.page - 1) * query.pageSize}`,
    ),
    rowsOf<{ n: number }>(db, sql`select count(*)::int as n from alliances a where ${where}`),
  ]);
  return {
    items: items.map(toSummary),
    total: Number(totals[0]?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The alliances an actor belongs to (directly or through a partnership) that this viewer may see. */
export async function listActorAlliances(db: Db, viewer: Viewer, actorId: string) {
  const [actor] = await db.select({ n: count() }).from(actors).where(eq(actors.id, actorId));
  if (!actor?.n) throw notFound('Acteur');
  const rows = await rowsOf<SummaryRow>(
    db,
    sql`${summaryQuery(sql`${allianceVisible(viewer)} and ${actorId}::uuid in ${memberIdsQuery(sql`a.id`)}`)}
      order by a.name`,
  );
  return { items: rows.map(toSummary) };
}
