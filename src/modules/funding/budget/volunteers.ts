// Volunteer valuation: hourly rates per programme, year and person-role (the empty role is the year's default), hours
// logged by person-role (never a person's name), and their value — hours × the role's rate, else the year's default
// rate. Hours with no rate at all are reported as « non valorisées », never counted as zero euros silently. French
// association accounts show this apart from the budget (« contributions volontaires en nature », accounts 86/87).
// Roles are compared by `roleKey` (case, spaces around, apostrophe): « Administrateur·rice » is one role with
// « administrateur·rice », both for the rate that applies and for the one rate per year and role.
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Db, Handle } from '../../../db/client.js';
import { rowsOf } from '../../../db/rows.js';
import { conflict, type FieldIssue, invalid, notFound, parseInput } from '../../../errors.js';
import { isUniqueViolation } from '../../accounts/service.js';
import { unknownActors } from '../../actors/validation.js';
import { requireStaff, type Viewer } from '../../actors/visibility.js';
import { requireProgramme } from '../../programmes/common.js';
import { requireProgrammeField, roleKey, territoriesOf, territoryIssues, territoryRank } from './common.js';
import type { YearSpan } from './figures.js';
import { volunteerLogs, volunteerRates } from './schema.js';
import {
  type HoursInput,
  type HoursView,
  hoursFields,
  type NewHoursInput,
  type NewRateInput,
  newHoursFields,
  newRateFields,
  type RateInput,
  type RateView,
  rateFields,
  type Valuation,
  type ValuationFigures,
  type VolunteersView,
} from './volunteer-contract.js';

const rateTaken = () => conflict('Taux déjà défini', [{ field: 'role', code: 'rateTaken' }]);

/** A write racing another one for the same year and role meets the unique index: the same 409 as the check. */
async function orRateTaken<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw rateTaken();
    throw error;
  }
}

async function checkRateFree(db: Handle, programmeId: string, year: number, role: string, selfId?: string) {
  const [row] = await db
    .select({ id: volunteerRates.id })
    .from(volunteerRates)
    .where(
      and(
        eq(volunteerRates.programmeId, programmeId),
        eq(volunteerRates.year, year),
        sql`${roleKey(volunteerRates.role)} = ${roleKey(role)}`,
      ),
    );
  if (row && row.id !== selfId) throw rateTaken();
}

export async function createRate(db: Db, by: Viewer, input: NewRateInput): Promise<RateView> {
  requireStaff(by);
  const data = parseInput(newRateFields, input);
  await requireProgrammeField(db, data.programmeId);
  await checkRateFree(db, data.programmeId, data.year, data.role);
  const [row] = await orRateTaken(() => db.insert(volunteerRates).values(data).returning());
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function updateRate(db: Db, by: Viewer, id: string, input: RateInput): Promise<RateView> {
  requireStaff(by);
  const data = parseInput(rateFields, input);
  const [current] = await db.select().from(volunteerRates).where(eq(volunteerRates.id, id));
  if (!current) throw notFound('Taux');
  await checkRateFree(db, current.programmeId, data.year, data.role, id);
  const [row] = await orRateTaken(() =>
    db.update(volunteerRates).set(data).where(eq(volunteerRates.id, id)).returning(),
  );
  if (!row) throw notFound('Taux');
  return row;
}

export async function deleteRate(db: Db, by: Viewer, id: string): Promise<void> {
  requireStaff(by);
  const deleted = await db.delete(volunteerRates).where(eq(volunteerRates.id, id)).returning({ id: volunteerRates.id });
  if (!deleted.length) throw notFound('Taux');
}

/** The territory must be the programme's, the organisation known, the day within the programme's dates. */
async function checkHours(
  db: Handle,
  programme: { id: string; startsOn: string; endsOn: string },
  data: { territoryId: string | null; actorId: string | null; workedOn: string },
) {
  const outside: FieldIssue[] =
    data.workedOn < programme.startsOn || data.workedOn > programme.endsOn
      ? [{ field: 'workedOn', code: 'outsideProgramme' }]
      : [];
  const issues = [
    ...outside,
    ...(await territoryIssues(db, programme.id, data.territoryId)),
    ...(data.actorId ? await unknownActors(db, [{ field: 'actorId', id: data.actorId }]) : []),
  ];
  if (issues.length) throw invalid(issues);
}

export async function createHours(db: Db, by: Viewer, input: NewHoursInput): Promise<string> {
  requireStaff(by);
  const data = parseInput(newHoursFields, input);
  await checkHours(db, await requireProgrammeField(db, data.programmeId), data);
  const [row] = await db
    .insert(volunteerLogs)
    .values({ ...data, createdBy: by.id })
    .returning({ id: volunteerLogs.id });
  if (!row) throw new Error('insert returned nothing');
  return row.id;
}

export async function updateHours(db: Db, by: Viewer, id: string, input: HoursInput): Promise<void> {
  requireStaff(by);
  const data = parseInput(hoursFields, input);
  const [current] = await db
    .select({ programmeId: volunteerLogs.programmeId })
    .from(volunteerLogs)
    .where(eq(volunteerLogs.id, id));
  if (!current) throw notFound('Heures de bénévolat');
  await checkHours(db, await requireProgrammeField(db, current.programmeId), data);
  await db.update(volunteerLogs).set(data).where(eq(volunteerLogs.id, id));
}

export async function deleteHours(db: Db, by: Viewer, id: string): Promise<void> {
  requireStaff(by);
  const deleted = await db.delete(volunteerLogs).where(eq(volunteerLogs.id, id)).returning({ id: volunteerLogs.id });
  if (!deleted.length) throw notFound('Heures de bénévolat');
}

/** The logged hours of the span with the rate that applies to each (the role's, else the year's default, else none). */
export function valuedLogsCte(programmeId: string, span: YearSpan) {
  return sql`
    logs as (
      select v.*, extract(year from v.worked_on)::int as year from volunteer_logs v
      where v.programme_id = ${programmeId}
        and (${span.from ?? null}::int is null or v.worked_on >= make_date(${span.from ?? null}::int, 1, 1))
        and (${span.to ?? null}::int is null or v.worked_on <= make_date(${span.to ?? null}::int, 12, 31))
    ),
    valued as (
      select l.*, ${roleKey(sql`l.role`)} as role_key, coalesce(own.hourly_rate, fallback.hourly_rate) as rate
      from logs l
      left join volunteer_rates own on own.programme_id = l.programme_id and own.year = l.year
        and ${roleKey(sql`own.role`)} = ${roleKey(sql`l.role`)}
      left join volunteer_rates fallback
        on fallback.programme_id = l.programme_id and fallback.year = l.year and fallback.role = ''
    )`;
}

/**
 * The euros of a row of `valued` (valuedLogsCte), `v` its alias if any: null without a rate, so that a sum leaves those
 * hours out (they are reported apart as unvalued, never as zero euros). Shared with the dashboard's figures.
 */
export const valuedAmount = (v?: SQL) => (v ? sql`round(${v}.hours * ${v}.rate, 2)` : sql`round(hours * rate, 2)`);

interface ValuationRow extends ValuationFigures {
  level: 'year' | 'territory' | 'role' | 'all';
  year: number | null;
  territory_id: string | null;
  role: string | null;
}

/** The valuation of the hours of a span: overall, per year, per territory (null: transversal) and per role. */
export async function volunteerValuation(
  db: Handle,
  programmeId: string,
  span: YearSpan = {},
): Promise<Omit<Valuation, 'byTerritory'> & { byTerritory: (ValuationFigures & { territoryId: string | null })[] }> {
  const rows = await rowsOf<ValuationRow>(
    db,
    sql`with ${valuedLogsCte(programmeId, span)}
      select case when grouping(year) = 0 then 'year' when grouping(territory_id) = 0 then 'territory'
          when grouping(role_key) = 0 then 'role' else 'all' end as level,
        year, territory_id, min(role) as role,
        coalesce(sum(hours), 0)::float8 as hours,
        coalesce(sum(hours) filter (where rate is not null), 0)::float8 as "valuedHours",
        coalesce(sum(${valuedAmount()}), 0)::float8 as value,
        coalesce(sum(hours) filter (where rate is null), 0)::float8 as "unvaluedHours"
      from valued
      group by grouping sets ((year), (territory_id), (role_key), ())`,
  );
  const figuresOf = (r: ValuationRow): ValuationFigures => ({
    hours: r.hours,
    valuedHours: r.valuedHours,
    value: r.value,
    unvaluedHours: r.unvaluedHours,
  });
  const at = (level: ValuationRow['level']) => rows.filter((r) => r.level === level);
  const overall = at('all')[0];
  return {
    overall: overall ? figuresOf(overall) : { hours: 0, valuedHours: 0, value: 0, unvaluedHours: 0 },
    byYear: at('year')
      .map((r) => ({ year: Number(r.year), ...figuresOf(r) }))
      .sort((a, b) => a.year - b.year),
    byTerritory: at('territory').map((r) => ({ territoryId: r.territory_id, ...figuresOf(r) })),
    byRole: at('role')
      .map((r) => ({ role: r.role ?? '', ...figuresOf(r) }))
      .sort((a, b) => b.value - a.value || a.role.localeCompare(b.role)),
  };
}

/** One log as the page shows it, or all those of a span. */
async function hoursRows(db: Handle, programmeId: string, span: YearSpan, id?: string): Promise<HoursView[]> {
  return rowsOf<HoursView>(
    db,
    sql`with ${valuedLogsCte(programmeId, span)}
      select v.id, v.programme_id as "programmeId", v.territory_id as "territoryId", t.name as "territoryName",
        v.actor_id as "actorId", a.name as "actorName", v.role, v.worked_on::text as "workedOn",
        v.hours::float8 as hours, v.description, v.rate::float8 as "hourlyRate",
        ${valuedAmount(sql`v`)}::float8 as value
      from valued v
      left join programme_territories t on t.id = v.territory_id
      left join actors a on a.id = v.actor_id
      where ${id ?? null}::uuid is null or v.id = ${id ?? null}::uuid
      order by v.worked_on desc, v.role, v.id`,
  );
}

export async function getHours(db: Handle, id: string): Promise<HoursView> {
  const [log] = await db
    .select({ programmeId: volunteerLogs.programmeId })
    .from(volunteerLogs)
    .where(eq(volunteerLogs.id, id));
  const [row] = log ? await hoursRows(db, log.programmeId, {}, id) : [];
  if (!row) throw notFound('Heures de bénévolat');
  return row;
}

/** The rates, the hours and the valuation of a programme over a span of years. */
export async function volunteersView(db: Handle, programmeId: string, span: YearSpan): Promise<VolunteersView> {
  await requireProgramme(db, programmeId);
  const territories = await territoriesOf(db, programmeId);
  const name = new Map(territories.map((t) => [t.id, t.name]));
  const rank = territoryRank(territories);
  const rates = await db
    .select()
    .from(volunteerRates)
    .where(
      and(
        eq(volunteerRates.programmeId, programmeId),
        span.from === undefined ? undefined : sql`${volunteerRates.year} >= ${span.from}`,
        span.to === undefined ? undefined : sql`${volunteerRates.year} <= ${span.to}`,
      ),
    )
    .orderBy(volunteerRates.year, volunteerRates.role);
  const valuation = await volunteerValuation(db, programmeId, span);
  return {
    rates,
    logs: await hoursRows(db, programmeId, span),
    valuation: {
      ...valuation,
      byTerritory: valuation.byTerritory
        .map((t) => ({ ...t, territoryName: t.territoryId ? (name.get(t.territoryId) ?? null) : null }))
        .sort((a, b) => rank(a.territoryId) - rank(b.territoryId)),
    },
  };
}
