// Which calls for projects suit which flagship projects and programme territories, scored in PostgreSQL with the
// matchmaking engine's own components (migration 0006: match_affinity, match_territory, match_km, match_shared) and
// weights (matching/weights.ts callMatchWeights): not a second recommender. One query per direction; both build their
// pairs with the same scoring fragment, so that a call and a project score the same seen from either side.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { rowsOf } from '../../../db/rows.js';
import { notFound } from '../../../errors.js';
import type { Viewer } from '../../actors/visibility.js';
import { callMatchTunables, callMatchWeights, tunables } from '../../matching/weights.js';
import { requireProgramme } from '../../programmes/common.js';
import { getProject } from '../../projects/service.js';
import type { ProjectStatus } from '../../projects/vocabulary.js';
import type { ActorFamily } from '../../reference/families.js';
import { callStatusSql } from '../calls/status.js';
import type { CallStatus } from '../vocabulary.js';
import type { CallMatches, MatchReasons, ProgrammeCalls, SuitedCall, SuitedLevel } from './contract.js';

/**
 * What a call is matched against: a flagship project (its carriers' families, its budget) or a programme territory
 * (its theme, its communes; no family rule, no budget).
 */
const projectTargets = (where: SQL) => sql`
  SELECT 'project' AS kind, p.id, p.title AS label, p.themes, p.sdgs, p.commune_codes AS communes,
    array(SELECT a.family FROM project_carriers pc JOIN actors a ON a.id = pc.actor_id WHERE pc.project_id = p.id)
      AS families,
    p.budget_total AS budget, NULL::uuid AS programme_id, NULL::text AS programme_name, ''::text AS theme_label
  FROM projects p WHERE ${where}`;

const territoryTargets = (where: SQL) => sql`
  SELECT 'territory' AS kind, t.id, t.name AS label,
    CASE WHEN t.theme_id IS NULL THEN '{}'::text[] ELSE ARRAY[t.theme_id] END AS themes, '{}'::smallint[] AS sdgs,
    t.commune_codes AS communes, NULL::actor_family[] AS families, NULL::numeric AS budget,
    g.id AS programme_id, g.name AS programme_name, t.theme_label
  FROM programme_territories t JOIN programmes g ON g.id = t.programme_id WHERE ${where}`;

/** Calls still to come on `today`: announced or open (not closed). */
const callsToCome = (today: string) => sql`c.closes_on IS NULL OR c.closes_on >= ${today}::date`;

interface PairRow {
  callId: string;
  callTitle: string;
  funderId: string;
  funderName: string;
  opensOn: string | null;
  closesOn: string | null;
  status: CallStatus;
  kind: 'project' | 'territory';
  targetId: string;
  label: string;
  programmeId: string | null;
  programmeName: string | null;
  themeLabel: string;
  score: number;
  sharedThemes: string[];
  sharedSdgs: string[];
  sharedCommunes: { code: string; name: string }[];
  sameTerritory: boolean;
  km: number | null;
  anywhere: boolean;
  eligibleFamilies: ActorFamily[];
  budgetFits: boolean | null;
}

/**
 * The scored pairs of some calls (a condition on funding_calls `c`) and some targets, best first; the best `top` in
 * each group (`perTarget`: per project or territory; otherwise per kind of target). Carriers of a family the call
 * does not accept are left out; so are pairs under callMatchTunables.minScore.
 */
async function scoredPairs(
  db: Db,
  options: { calls: SQL; targets: SQL; perTarget: boolean; today: string },
): Promise<PairRow[]> {
  const w = callMatchWeights;
  const m = callMatchTunables;
  const t = tunables;
  return rowsOf<PairRow>(
    db,
    sql`
    WITH calls AS (
      SELECT c.*, f.name AS funder_name FROM funding_calls c JOIN actors f ON f.id = c.funder_actor_id
      WHERE ${options.calls}
    ),
    targets AS (${options.targets}),
    features AS (
      SELECT c.id AS call_id, x.kind, x.id AS target_id,
        cardinality(c.commune_codes) = 0 AS anywhere,
        match_shared(c.commune_codes, x.communes) AS shared_communes,
        EXISTS (SELECT 1 FROM territory_communes a JOIN territory_communes b ON a.territory_id = b.territory_id
          WHERE a.commune_code = ANY(c.commune_codes) AND b.commune_code = ANY(x.communes)) AS same_territory,
        (SELECT min(match_km(p.latitude, p.longitude, q.latitude, q.longitude)) FROM communes p, communes q
          WHERE p.code = ANY(c.commune_codes) AND q.code = ANY(x.communes)) AS km,
        CASE WHEN x.budget IS NULL OR (c.amount_min IS NULL AND c.amount_max IS NULL) THEN NULL
          ELSE x.budget >= coalesce(c.amount_min, 0) AND x.budget <= coalesce(c.amount_max, x.budget) END AS budget_fits,
        CASE WHEN x.families IS NULL OR cardinality(c.eligible_families) = 0 THEN '{}'::text[]
          ELSE match_shared(c.eligible_families::text[], x.families::text[]) END AS eligible_families,
        CASE WHEN cardinality(c.themes) = 0 AND cardinality(c.sdgs) = 0 THEN ${m.anyTheme}::real
          ELSE match_affinity(c.themes, x.themes, c.sdgs, x.sdgs, ${t.themeShare}::real) END AS affinity
      FROM calls c CROSS JOIN targets x
      WHERE x.families IS NULL OR cardinality(c.eligible_families) = 0 OR c.eligible_families && x.families
    ),
    scored AS (
      SELECT f.*,
        (${w.affinity} * f.affinity
          + ${w.territory} * CASE WHEN f.anywhere THEN ${m.anywhere}::real ELSE match_territory(
            cardinality(f.shared_communes) > 0, f.same_territory, f.km, ${t.sameTerritory}::real, ${t.radiusKm}::real)
            END
          + ${w.budget} * CASE WHEN f.budget_fits IS NULL THEN ${m.unknownBudget}::real
            WHEN f.budget_fits THEN 1 ELSE 0 END)::real AS score
      FROM features f
    ),
    ranked AS (
      SELECT s.*, row_number() OVER (
        PARTITION BY ${options.perTarget ? sql`s.target_id` : sql`s.kind`} ORDER BY s.score DESC, s.call_id, s.target_id
      ) AS n
      FROM scored s WHERE s.score >= ${m.minScore}
    )
    SELECT c.id AS "callId", c.title AS "callTitle", c.funder_actor_id AS "funderId", c.funder_name AS "funderName",
      to_char(c.opens_on, 'YYYY-MM-DD') AS "opensOn", to_char(c.closes_on, 'YYYY-MM-DD') AS "closesOn",
      ${callStatusSql(sql`c.opens_on`, sql`c.closes_on`, options.today)} AS status,
      r.kind, r.target_id AS "targetId", x.label, x.programme_id AS "programmeId",
      x.programme_name AS "programmeName", x.theme_label AS "themeLabel", r.score,
      match_shared(c.themes, x.themes) AS "sharedThemes",
      match_shared(c.sdgs::text[], x.sdgs::text[]) AS "sharedSdgs",
      coalesce((SELECT json_agg(json_build_object('code', k.code, 'name', k.name) ORDER BY k.name)
        FROM communes k WHERE k.code = ANY(r.shared_communes)), '[]'::json) AS "sharedCommunes",
      r.same_territory AND cardinality(r.shared_communes) = 0 AS "sameTerritory",
      r.km, r.anywhere, r.eligible_families AS "eligibleFamilies", r.budget_fits AS "budgetFits"
    FROM ranked r JOIN calls c ON c.id = r.call_id JOIN targets x ON x.id = r.target_id AND x.kind = r.kind
    WHERE r.n <= ${m.top}
    ORDER BY r.score DESC, c.title, x.label`,
  );
}

const levelOf = (score: number): SuitedLevel => (score >= callMatchTunables.verySuited ? 'very' : 'suited');

function scoredOf(r: PairRow) {
  const score = Math.round(Number(r.score) * 1000) / 1000;
  const reasons: MatchReasons = {
    sharedThemes: r.sharedThemes,
    sharedSdgs: r.sharedSdgs.map(Number),
    sharedCommunes: r.sharedCommunes,
    sameTerritory: r.sameTerritory,
    km: r.km === null ? null : Math.round(Number(r.km)),
    anywhere: r.anywhere,
    eligibleFamilies: r.eligibleFamilies,
    budgetFits: r.budgetFits,
  };
  return { score, level: levelOf(score), reasons };
}

const suitedCallOf = (r: PairRow): SuitedCall => ({
  id: r.callId,
  title: r.callTitle,
  funder: { id: r.funderId, name: r.funderName },
  status: r.status,
  opensOn: r.opensOn,
  closesOn: r.closesOn,
  ...scoredOf(r),
});

/** The projects a call is offered to: published ones still looking for partners or funding (not drafts, not done). */
const lookingForFunding = sql.join(
  (['seekingPartners', 'inProgress'] satisfies ProjectStatus[]).map((s) => sql`${s}`),
  sql`, `,
);

/** The flagship projects still looking for funding and the programme territories a call suits (public). */
export async function matchesOfCall(db: Db, callId: string, today: string): Promise<CallMatches> {
  const [call] = await rowsOf<{ id: string }>(db, sql`SELECT id FROM funding_calls WHERE id = ${callId}`);
  if (!call) throw notFound('Appel à projets');
  const rows = await scoredPairs(db, {
    calls: sql`c.id = ${callId}`,
    targets: sql`${projectTargets(sql`p.status IN (${lookingForFunding})`)} UNION ALL ${territoryTargets(sql`true`)}`,
    perTarget: false,
    today,
  });
  return {
    projects: rows.filter((r) => r.kind === 'project').map((r) => ({ id: r.targetId, title: r.label, ...scoredOf(r) })),
    territories: rows
      .filter((r) => r.kind === 'territory')
      .map((r) => ({
        id: r.targetId,
        name: r.label,
        programme: { id: r.programmeId ?? '', name: r.programmeName ?? '' },
        themeLabel: r.themeLabel,
        ...scoredOf(r),
      })),
  };
}

/** The calls to come that suit a project the viewer may see (the projects module's rule: drafts are not public). */
export async function callsOfProject(
  db: Db,
  viewer: Viewer,
  projectId: string,
  today: string,
): Promise<{ items: SuitedCall[] }> {
  await getProject(db, viewer, projectId);
  const rows = await scoredPairs(db, {
    calls: callsToCome(today),
    targets: projectTargets(sql`p.id = ${projectId}`),
    perTarget: true,
    today,
  });
  return { items: rows.map(suitedCallOf) };
}

/** The calls to come that suit each territory of a programme (a public page), territories in their order. */
export async function callsOfProgramme(db: Db, programmeId: string, today: string): Promise<ProgrammeCalls> {
  await requireProgramme(db, programmeId);
  const territories = await rowsOf<{ id: string; name: string }>(
    db,
    sql`SELECT id, name FROM programme_territories WHERE programme_id = ${programmeId} ORDER BY position, name`,
  );
  const rows = await scoredPairs(db, {
    calls: callsToCome(today),
    targets: territoryTargets(sql`t.programme_id = ${programmeId}`),
    perTarget: true,
    today,
  });
  return {
    territories: territories.map((t) => ({
      ...t,
      calls: rows.filter((r) => r.targetId === t.id).map(suitedCallOf),
    })),
  };
}
