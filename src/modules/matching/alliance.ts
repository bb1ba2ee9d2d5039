// Alliance suggestions: who to add to an alliance so that it covers the most needs its members cannot meet among
// themselves, with a diversity of families (no alliance of six companies), and what each newcomer would bring.
import { eq, sql } from 'drizzle-orm';
import { uuidArray } from '../../db/arrays.js';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { invalid, notFound, parseInput } from '../../errors.js';
import type { Viewer } from '../actors/visibility.js';
import { allianceAccess, allianceMemberIds } from '../alliances/access.js';
import { alliances } from '../alliances/schema.js';
import type { ActorFamily } from '../reference/families.js';
import { territoryCommunes } from '../reference/schema.js';
import { type AllianceSuggestion, type AllianceSuggestionInput, allianceSuggestionInput } from './contract.js';
import { listWords, reasonsFor, resources } from './reasons.js';
import { type SubjectProfile, scoreCandidates } from './score.js';
import { candidateCards, localeOf, themeLabels } from './service.js';
import { allianceTunables, impliedResources, resourcesOfBenefit, resourcesOfContribution } from './weights.js';

interface MemberRow {
  id: string;
  family: ActorFamily;
  offerResources: string[];
  needResources: string[];
  contributions: string[];
  benefits: string[];
}

/** What each candidate can give (offered or implied), for the coverage count. */
const givesOf = (offered: string[], contributions: string[]) => [
  ...new Set([...offered, ...impliedResources(resourcesOfContribution, contributions)]),
];

/**
 * The greedy choice: at each step the candidate with the best mix of new coverage of the unmet needs and partner
 * score, with a bonus for a family the alliance lacks, and never more than `perFamily` newcomers of one family.
 */
export function pickNewcomers<T extends { family: ActorFamily; score: number; gives: string[] }>(
  candidates: T[],
  unmet: string[],
  presentFamilies: ActorFamily[],
  size: number,
): { chosen: T[]; covers: Map<T, string[]> } {
  const t = allianceTunables;
  const chosen: T[] = [];
  const covers = new Map<T, string[]>();
  const covered = new Set<string>();
  const present = new Set(presentFamilies);
  const core: readonly ActorFamily[] = t.coreFamilies;
  const newcomersOf = new Map<ActorFamily, number>();
  const pool = [...candidates];
  while (chosen.length < size && pool.length) {
    let best = -1;
    let bestValue = -1;
    pool.forEach((c, i) => {
      if ((newcomersOf.get(c.family) ?? 0) >= t.perFamily) return;
      const fresh = c.gives.filter((r) => unmet.includes(r) && !covered.has(r)).length;
      const coverage = unmet.length ? fresh / unmet.length : 0;
      const proposed = newcomersOf.has(c.family);
      const bonus =
        (proposed ? 0 : t.newFamilyBonus) +
        (core.includes(c.family) && !present.has(c.family) ? t.missingCoreFamilyBonus : 0);
      const value = t.coverageShare * coverage + (1 - t.coverageShare) * c.score + bonus;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    });
    if (best < 0) break;
    const [c] = pool.splice(best, 1);
    if (!c) break;
    const fresh = c.gives.filter((r) => unmet.includes(r) && !covered.has(r));
    for (const r of fresh) covered.add(r);
    covers.set(c, fresh);
    chosen.push(c);
    present.add(c.family);
    newcomersOf.set(c.family, (newcomersOf.get(c.family) ?? 0) + 1);
  }
  return { chosen, covers };
}

export async function suggestAllianceMembers(
  db: Db,
  viewer: Viewer,
  input: AllianceSuggestionInput,
): Promise<AllianceSuggestion> {
  const data = parseInput(allianceSuggestionInput, input);
  let communeCodes = data.communeCodes;
  if (data.territoryId) {
    const rows = await db
      .select({ code: territoryCommunes.communeCode })
      .from(territoryCommunes)
      .where(eq(territoryCommunes.territoryId, data.territoryId));
    if (!rows.length) throw invalid([{ field: 'territoryId', code: 'unknownTerritory' }]);
    communeCodes = [...new Set([...communeCodes, ...rows.map((r) => r.code)])];
  }
  // Needs still being discussed count too: an alliance is where they may find an answer.
  const members = await rowsOf<MemberRow>(
    db,
    sql`SELECT p.actor_id AS id, p.family, p.offer_resources AS "offerResources", p.contributions, p.benefits,
        array(SELECT DISTINCT r FROM needs_offers n, unnest(n.resources) r WHERE n.actor_id = p.actor_id
          AND n.kind = 'need' AND n.status IN ('open', 'inDiscussion') ORDER BY r) AS "needResources"
      FROM match_profiles p WHERE p.actor_id = ANY(${uuidArray(data.memberIds)}) ORDER BY p.actor_id`,
  );
  if (members.length !== new Set(data.memberIds).size) throw invalid([{ field: 'memberIds', code: 'unknownActor' }]);
  // What the members seek (declared needs, and what their benefits imply), and what none of them offers.
  const sought = [
    ...new Set(members.flatMap((m) => [...m.needResources, ...impliedResources(resourcesOfBenefit, m.benefits)])),
  ].sort();
  const offered = new Set(members.flatMap((m) => m.offerResources));
  const unmet = sought.filter((r) => !offered.has(r));
  const lead = members[0];
  const profile: SubjectProfile = {
    actorId: lead?.id ?? '00000000-0000-0000-0000-000000000000',
    family: lead?.family ?? 'association',
    wanted: unmet.length ? unmet : sought,
    wantText: data.challenge,
    offered: [],
    offerText: '',
    gives: [...offered],
    themes: data.themes,
    sdgs: [],
    modes: [],
    communeCodes,
    forwardShare: 1,
  };
  const scored = await scoreCandidates(db, profile, { top: 60, exclude: data.memberIds });
  const extra = await rowsOf<{ id: string; offerResources: string[]; contributions: string[] }>(
    db,
    sql`SELECT actor_id AS id, offer_resources AS "offerResources", contributions FROM match_profiles
      WHERE actor_id = ANY(${uuidArray(scored.map((s) => s.actorId))})`,
  );
  const extraById = new Map(extra.map((e) => [e.id, e]));
  const candidates = scored.map((s) => {
    const e = extraById.get(s.actorId);
    return { ...s, gives: givesOf(e?.offerResources ?? [], e?.contributions ?? []) };
  });
  const { chosen, covers } = pickNewcomers(
    candidates,
    unmet,
    members.map((m) => m.family),
    data.size,
  );
  const locale = localeOf(viewer);
  const [cards, themeLabel] = await Promise.all([
    candidateCards(
      db,
      profile,
      chosen.map((c) => c.actorId),
    ),
    themeLabels(db, locale),
  ]);
  const contributionLabels = await rowsOf<{ id: string; label: string }>(
    db,
    sql`SELECT id, ${locale === 'fr' ? sql`label_fr` : sql`label_en`} AS label FROM stakeholder_items`,
  );
  const labelOf = new Map(contributionLabels.map((l) => [l.id, l.label]));
  const families: Record<string, number> = {};
  for (const f of [...members.map((m) => m.family), ...chosen.map((c) => c.family)])
    families[f] = (families[f] ?? 0) + 1;
  const allCovered = new Set(chosen.flatMap((c) => covers.get(c) ?? []));
  const now = new Date();
  return {
    unmetNeeds: unmet,
    stillUnmet: unmet.filter((r) => !allCovered.has(r)),
    families,
    items: chosen.flatMap((c) => {
      const card = cards.get(c.actorId);
      if (!card) return [];
      const covered = covers.get(c) ?? [];
      const declared = (extraById.get(c.actorId)?.contributions ?? []).map((i) => labelOf.get(i) ?? i);
      const parts = [
        ...(covered.length ? [`${locale === 'fr' ? 'couvre' : 'covers'} ${resources(covered, locale)}`] : []),
        ...(card.itemTitle ? [locale === 'fr' ? `propose « ${card.itemTitle} »` : `offers “${card.itemTitle}”`] : []),
        ...(declared.length ? [listWords(declared.slice(0, 3), locale).toLowerCase()] : []),
      ];
      return [
        {
          actor: { id: card.id, name: card.name, family: card.family, communeName: card.communeName },
          score: Number(c.score.toFixed(4)),
          contribution: parts.join(' · '),
          covers: covered,
          reasons: reasonsFor(c, null, {
            locale,
            themeLabel,
            communeName: card.communeName,
            itemTitle: card.itemTitle,
            now,
          }),
        },
      ];
    }),
  };
}

/** Suggestions for an existing alliance, from its challenge, themes, communes and members. */
export async function suggestForAlliance(db: Db, viewer: Viewer, allianceId: string, size: number) {
  const access = await allianceAccess(db, viewer, allianceId);
  if (access === 'public') throw notFound('Alliance');
  const [alliance] = await db.select().from(alliances).where(eq(alliances.id, allianceId));
  if (!alliance) throw notFound('Alliance');
  const memberIds = await allianceMemberIds(db, allianceId);
  return suggestAllianceMembers(db, viewer, {
    challenge: `${alliance.name}. ${alliance.challenge} ${alliance.objective}`.slice(0, 2000),
    themes: alliance.themes,
    communeCodes: alliance.communeCodes,
    memberIds,
    size,
  });
}
