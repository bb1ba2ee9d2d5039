// The balance view of an alliance: what each member gives and gets, and warnings when the balance tips.
//
// Le Rameau's landmarks on alliances (../shared/seeds/rameau-alliances-landmarks.txt) quote an association director:
// « La principale difficulté que nous rencontrons aujourd'hui est le déséquilibre qui peut se créer entre partenaires
// avec parfois la tentation d'avancer seul sur certains champs. » The thresholds below turn that difficulty into
// warnings the animators can act on (reframe the alliance's way of working).
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { forbidden } from '../../errors.js';
import { allianceAccess, type Viewer } from './access.js';
import type { AllianceBalance, BalanceMember, BalanceWarningKind } from './contract.js';

/** A member giving at least half of what the alliance's members give (in euros) carries most of the load. */
export const loadShareThreshold = 0.5;
/** A member getting at least half of the expected, or of the realised, benefits gets most of the benefit. */
export const benefitShareThreshold = 0.5;
/**
 * Shares only mean imbalance among three or more members (an alliance's minimum): between two, half is the balance
 * itself.
 */
export const minMembersForShareWarnings = 3;

export type BalanceFigures = Omit<BalanceMember, 'actorId' | 'name' | 'family' | 'warnings'>;

/** The warnings of one member, from its figures and the number of members of the alliance. Pure: unit-tested. */
export function balanceWarnings(member: BalanceFigures, memberCount: number): BalanceWarningKind[] {
  const warnings: BalanceWarningKind[] = [];
  const shares = memberCount >= minMembersForShareWarnings;
  if (shares && member.givenShare !== null && member.givenShare >= loadShareThreshold) warnings.push('carriesLoad');
  const benefitShare = Math.max(member.expectedShare ?? 0, member.realisedShare ?? 0);
  if (shares && benefitShare >= benefitShareThreshold) warnings.push('capturesBenefit');
  // Giving is declaring a contribution, valued or not (skills lent without a value are still given).
  if (member.contributionCount === 0) warnings.push('givesNothing');
  if (member.benefitCount === 0) warnings.push('getsNothing');
  return warnings;
}

type Row = Omit<BalanceMember, 'warnings'>;

/**
 * The balance of an alliance, computed by one query: for every member (direct, or partner of one of its
 * partnerships), the sums of its contributions and benefits over the alliance's direct ones and those of its
 * partnerships, with its shares of the totals (window sums). Staff, observers and the alliance's members only.
 */
export async function allianceBalance(db: Db, viewer: Viewer, id: string): Promise<AllianceBalance> {
  const access = await allianceAccess(db, viewer, id);
  if (access === 'public') throw forbidden();
  const rows = await rowsOf<Row>(
    db,
    sql`with lp as (select p.id from partnerships p where p.alliance_id = ${id}),
      m as (
        select am.actor_id from alliance_members am where am.alliance_id = ${id}
        union select pp.actor_id from partnership_partners pp join lp on lp.id = pp.partnership_id
      ),
      c as (
        select actor_id, sum(value) as given, sum(hours) as hours, count(*) as n from contributions
        where alliance_id = ${id} or partnership_id in (select id from lp) group by actor_id
      ),
      b as (
        select actor_id, sum(expected_value) as expected, sum(realised_value) as realised, count(*) as n from benefits
        where alliance_id = ${id} or partnership_id in (select id from lp) group by actor_id
      ),
      f as (
        select a.id, a.name, a.family, coalesce(c.given, 0) as given, coalesce(c.hours, 0) as hours,
          coalesce(b.expected, 0) as expected, coalesce(b.realised, 0) as realised,
          coalesce(c.n, 0) as cn, coalesce(b.n, 0) as bn
        from m join actors a on a.id = m.actor_id
          left join c on c.actor_id = m.actor_id left join b on b.actor_id = m.actor_id
      )
      select id as "actorId", name, family, given::float8 as given, hours::float8 as hours,
        expected::float8 as expected, realised::float8 as realised,
        cn::int as "contributionCount", bn::int as "benefitCount",
        (given / nullif(sum(given) over (), 0))::float8 as "givenShare",
        (expected / nullif(sum(expected) over (), 0))::float8 as "expectedShare",
        (realised / nullif(sum(realised) over (), 0))::float8 as "realisedShare"
      from f order by given desc, name`,
  );
  const num = (v: unknown) => Number(v ?? 0);
  const share = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const members: BalanceMember[] = rows.map((r) => {
    const figures: BalanceFigures = {
      given: num(r.given),
      hours: num(r.hours),
      expected: num(r.expected),
      realised: num(r.realised),
      contributionCount: num(r.contributionCount),
      benefitCount: num(r.benefitCount),
      givenShare: share(r.givenShare),
      expectedShare: share(r.expectedShare),
      realisedShare: share(r.realisedShare),
    };
    return {
      actorId: r.actorId,
      name: r.name,
      family: r.family,
      ...figures,
      warnings: balanceWarnings(figures, rows.length),
    };
  });
  const total = (key: 'given' | 'hours' | 'expected' | 'realised') =>
    Math.round(members.reduce((sum, m) => sum + m[key], 0) * 100) / 100;
  return {
    allianceId: id,
    members,
    totals: { given: total('given'), hours: total('hours'), expected: total('expected'), realised: total('realised') },
    imbalanced: members.some((m) => m.warnings.includes('carriesLoad') || m.warnings.includes('capturesBenefit')),
    thresholds: {
      loadShare: loadShareThreshold,
      benefitShare: benefitShareThreshold,
      minMembers: minMembersForShareWarnings,
    },
  };
}
