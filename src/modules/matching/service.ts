// Partner suggestions with their reasons, and what members do with them: accept (a contact request to the other
// side; both accepting opens a draft partnership) or dismiss with a reason (the pair is not suggested again).
import { and, desc, eq, sql } from 'drizzle-orm';
import { textArray, uuidArray } from '../../db/arrays.js';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { conflict, forbidden, invalid, notFound, parseInput } from '../../errors.js';
import type { CurrentUser } from '../accounts/service.js';
import { actors } from '../actors/schema.js';
import { isOwnMember, isStaff, type Viewer } from '../actors/visibility.js';
import { notifyActorMembers } from '../notifications/service.js';
import { openPartnership } from '../partnerships/service.js';
import type { PartnershipMode } from '../partnerships/vocabulary.js';
import { themes as themesTable } from '../reference/schema.js';
import {
  type ContactRequest,
  type DecisionInput,
  decisionInput,
  requestAnswer,
  type SuggestionList,
  type SuggestionQuery,
  suggestionQuery,
} from './contract.js';
import { loadSubject } from './profile.js';
import { type Locale, type ReasonContext, reasonsFor } from './reasons.js';
import { matchDecisions, matchRequests } from './schema.js';
import { type ScoredCandidate, type SubjectProfile, scoreCandidates } from './score.js';
import { type DismissReason, type SubjectKind, scoreComponents } from './vocabulary.js';

export const localeOf = (viewer: Viewer): Locale => (viewer?.locale === 'en' ? 'en' : 'fr');

/**
 * Actors never suggested to this one: pairs dismissed by either side, and its partners in any partnership (they
 * have met already).
 */
export async function exclusionsFor(db: Db, actorId: string): Promise<string[]> {
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`SELECT candidate_id AS id FROM match_decisions WHERE actor_id = ${actorId} AND NOT accepted
      UNION SELECT actor_id FROM match_decisions WHERE candidate_id = ${actorId} AND NOT accepted
      UNION SELECT other.actor_id FROM partnership_partners mine
        JOIN partnership_partners other ON other.partnership_id = mine.partnership_id AND other.actor_id <> mine.actor_id
        WHERE mine.actor_id = ${actorId}`,
  );
  return rows.map((r) => r.id);
}

export async function themeLabels(db: Db, locale: Locale): Promise<(id: string) => string> {
  const rows = await db.select().from(themesTable);
  const labels = new Map(rows.map((t) => [t.id, locale === 'fr' ? t.labelFr : t.labelEn]));
  return (id) => labels.get(id) ?? id;
}

interface CandidateCard {
  id: string;
  name: string;
  family: ScoredCandidate['family'];
  communeName: string | null;
  itemTitle: string | null;
}

/** Public fields of the candidates, and the title of the open offer (or need) that answers the subject best. */
export async function candidateCards(
  db: Db,
  subject: SubjectProfile,
  ids: string[],
): Promise<Map<string, CandidateCard>> {
  const rows = await rowsOf<CandidateCard>(
    db,
    sql`SELECT a.id, a.name, a.family, c.name AS "communeName",
        (SELECT n.title FROM needs_offers n WHERE n.actor_id = a.id AND n.status = 'open'
          AND ((n.kind = 'offer' AND n.resources && ${textArray(subject.wanted)})
            OR (n.kind = 'need' AND n.resources && ${textArray(subject.offered)}))
          ORDER BY cardinality(match_shared(n.resources, ${textArray([...subject.wanted, ...subject.offered])})) DESC,
            n.updated_at DESC LIMIT 1) AS "itemTitle"
      FROM actors a LEFT JOIN communes c ON c.code = a.commune_code WHERE a.id = ANY(${uuidArray(ids)})`,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** The latest contact request between an actor and each of some others, seen from the actor. */
async function pairRequests(db: Db, actorId: string, others: string[]) {
  const rows = await rowsOf<{
    other: string;
    id: string;
    direction: 'sent' | 'received';
    status: ContactRequest['status'];
  }>(
    db,
    sql`SELECT DISTINCT ON (other) other, id, direction, status FROM (
        SELECT to_actor_id AS other, id, 'sent' AS direction, status, created_at FROM match_requests
          WHERE from_actor_id = ${actorId} AND to_actor_id = ANY(${uuidArray(others)})
        UNION ALL
        SELECT from_actor_id, id, 'received', status, created_at FROM match_requests
          WHERE to_actor_id = ${actorId} AND from_actor_id = ANY(${uuidArray(others)})
      ) r ORDER BY other, created_at DESC`,
  );
  return new Map(rows.map((r) => [r.other, { id: r.id, direction: r.direction, status: r.status }]));
}

/** The subject's candidates, scored and explained. */
/** The subject's candidates, scored and explained; `exclude` defaults to the subject's exclusions, read here. */
async function explainedCandidates(db: Db, viewer: Viewer, profile: SubjectProfile, top: number, exclude?: string[]) {
  const scored = await scoreCandidates(db, profile, {
    top,
    exclude: exclude ?? (await exclusionsFor(db, profile.actorId)),
  });
  const locale = localeOf(viewer);
  const [cards, themeLabel] = await Promise.all([
    candidateCards(
      db,
      profile,
      scored.map((c) => c.actorId),
    ),
    themeLabels(db, locale),
  ]);
  const now = new Date();
  return scored.map((c) => {
    const card = cards.get(c.actorId);
    const ctx: ReasonContext = {
      locale,
      themeLabel,
      communeName: card?.communeName ?? null,
      itemTitle: card?.itemTitle ?? null,
      now,
      seeks: profile.forwardShare >= 0.5,
    };
    return { scored: c, card, reasons: reasonsFor(c, profile.family, ctx) };
  });
}

const componentsOf = (c: ScoredCandidate) =>
  Object.fromEntries(scoreComponents.map((k) => [k, Number(c[k].toFixed(4))])) as Record<
    (typeof scoreComponents)[number],
    number
  >;

export async function suggestPartners(db: Db, viewer: Viewer, query: SuggestionQuery): Promise<SuggestionList> {
  const q = parseInput(suggestionQuery, query);
  const subject = await loadSubject(db, viewer, q.subjectKind, q.subjectId);
  const explained = await explainedCandidates(db, viewer, subject.profile, q.top);
  const ids = explained.map((e) => e.scored.actorId);
  const [requests, owner] = await Promise.all([
    pairRequests(db, subject.profile.actorId, ids),
    // loadSubject read the actor: it exists; its public card is read like the candidates'.
    candidateCards(db, subject.profile, [subject.profile.actorId]).then((m) => m.get(subject.profile.actorId)),
  ]);
  if (!owner) throw notFound('Acteur');
  const card = (c: CandidateCard) => ({ id: c.id, name: c.name, family: c.family, communeName: c.communeName });
  return {
    subject: { kind: subject.kind, id: subject.id, title: subject.title, actor: card(owner) },
    items: explained.flatMap(({ scored, card: c, reasons }) =>
      c
        ? [
            {
              actor: card(c),
              score: Number(scored.score.toFixed(4)),
              components: componentsOf(scored),
              reasons,
              request: requests.get(scored.actorId) ?? null,
            },
          ]
        : [],
    ),
  };
}

/** The organisation on whose behalf the viewer decides for this subject: its own, or (staff) the subject's. */
function decidingActor(viewer: CurrentUser, actorIds: string[]): string {
  const own = actorIds.find((id) => isOwnMember(viewer, id));
  if (own) return own;
  if (isStaff(viewer) && actorIds[0]) return actorIds[0];
  throw forbidden('Seuls les membres de l’organisation concernée ou l’équipe d’animation peuvent décider');
}

async function actorName(db: Db, id: string): Promise<string> {
  const [row] = await db.select({ name: actors.name }).from(actors).where(eq(actors.id, id));
  if (!row) throw notFound('Acteur');
  return row.name;
}

interface PairContext {
  subjectKind: SubjectKind;
  subjectId: string;
  modes: string[];
  themes: string[];
}

/**
 * Both sides said yes: opens a draft partnership (first step, « préparer les partenaires ») with both as partners,
 * from the need, offer or project the suggestion was about.
 */
async function openDraftPartnership(
  db: Db,
  by: CurrentUser,
  request: { id: string; fromActorId: string; toActorId: string },
  pair: PairContext,
): Promise<string> {
  const [from, to] = [await actorName(db, request.fromActorId), await actorName(db, request.toActorId)];
  const mode = (pair.modes[0] ?? 'support') as PartnershipMode;
  return openPartnership(db, by, {
    title: `${from} × ${to}`.slice(0, 200),
    // The reasons are written for the sender (« vous »): they stay on the request, not in a summary both read.
    summary: 'Partenariat ouvert après une mise en relation suggérée par Alliances et acceptée par les deux parties.',
    mode,
    themes: pair.themes,
    communeCodes: [],
    partners: [{ actorId: request.fromActorId }, { actorId: request.toActorId }],
    needOfferId: pair.subjectKind === 'need' || pair.subjectKind === 'offer' ? pair.subjectId : null,
    projectId: pair.subjectKind === 'project' ? pair.subjectId : null,
  });
}

async function subjectPair(db: Db, kind: SubjectKind, id: string): Promise<PairContext> {
  const rows = await rowsOf<{ modes: string[]; themes: string[] }>(
    db,
    kind === 'need' || kind === 'offer'
      ? sql`SELECT modes::text[] AS modes, themes FROM needs_offers WHERE id = ${id}`
      : kind === 'project'
        ? sql`SELECT modes::text[] AS modes, themes FROM projects WHERE id = ${id}`
        : sql`SELECT '{}'::text[] AS modes, themes FROM actors WHERE id = ${id}`,
  );
  return { subjectKind: kind, subjectId: id, modes: rows[0]?.modes ?? [], themes: rows[0]?.themes ?? [] };
}

/** Accepts a pending request addressed to `actorId`: a draft partnership opens, the sender's members are told. */
async function acceptRequest(
  db: Db,
  by: CurrentUser,
  request: typeof matchRequests.$inferSelect,
  publicUrl: string,
): Promise<string> {
  const pair = await subjectPair(db, request.subjectKind, request.subjectId);
  const partnershipId = await openDraftPartnership(db, by, request, pair);
  // Only a request still pending is accepted: a concurrent answer makes this one fail (and roll back) instead of
  // opening a second partnership.
  const accepted = await db
    .update(matchRequests)
    .set({ status: 'accepted', respondedBy: by.id, respondedAt: new Date(), partnershipId })
    .where(and(eq(matchRequests.id, request.id), eq(matchRequests.status, 'pending')))
    .returning({ id: matchRequests.id });
  if (!accepted.length) throw answeredAlready();
  const name = await actorName(db, request.toActorId);
  await notifyActorMembers(
    db,
    request.fromActorId,
    {
      kind: 'requestAccepted',
      title: `${name} a accepté votre demande de mise en relation`,
      body: 'Un partenariat en préparation est ouvert avec vous deux comme partenaires.',
      link: `/partenariats/${partnershipId}`,
    },
    publicUrl,
  );
  return partnershipId;
}

/** Declines a pending request addressed to the deciding side (answered, or its suggestion dismissed): the sender is told. */
async function declineRequest(
  db: Db,
  by: CurrentUser,
  request: typeof matchRequests.$inferSelect,
  publicUrl: string,
): Promise<void> {
  const declined = await db
    .update(matchRequests)
    .set({ status: 'declined', respondedBy: by.id, respondedAt: new Date() })
    .where(and(eq(matchRequests.id, request.id), eq(matchRequests.status, 'pending')))
    .returning({ id: matchRequests.id });
  if (!declined.length) throw answeredAlready();
  await notifyActorMembers(
    db,
    request.fromActorId,
    {
      kind: 'requestDeclined',
      title: `${await actorName(db, request.toActorId)} n’a pas donné suite à votre demande`,
      body: 'D’autres suggestions vous attendent.',
      link: '/suggestions',
    },
    publicUrl,
  );
}

/** One key for a pair of actors, whichever side decides. */
const pairKey = (a: string, b: string) => (a < b ? `${a}:${b}` : `${b}:${a}`);

const answeredAlready = () =>
  conflict('Cette demande a déjà reçu une réponse', [{ field: 'status', code: 'alreadyAnswered' }]);

/** The pending request from one actor to another, locked until the end of the caller's transaction. */
async function pendingRequest(db: Db, fromActorId: string, toActorId: string) {
  const [row] = await db
    .select()
    .from(matchRequests)
    .where(
      and(
        eq(matchRequests.fromActorId, fromActorId),
        eq(matchRequests.toActorId, toActorId),
        eq(matchRequests.status, 'pending'),
      ),
    )
    .orderBy(desc(matchRequests.createdAt))
    .limit(1)
    .for('update');
  return row ?? null;
}

/**
 * Accepts or dismisses a suggestion. Accepting sends a contact request to the other side (its consenting members are
 * told), or, when the other side had already asked, accepts that request and opens the draft partnership. Dismissing
 * needs a reason, declines a pending request from the other side, and keeps the pair out of later suggestions.
 */
export async function decide(db: Db, by: CurrentUser, input: DecisionInput, publicUrl: string) {
  const data = parseInput(decisionInput, input);
  const subject = await loadSubject(db, by, data.subjectKind, data.subjectId);
  const actorId = decidingActor(by, subject.actorIds);
  if (data.candidateId === actorId) throw invalid([{ field: 'candidateId', code: 'selfSuggestion' }]);
  const [candidate] = await db.select({ id: actors.id }).from(actors).where(eq(actors.id, data.candidateId));
  if (!candidate) throw invalid([{ field: 'candidateId', code: 'unknownActor' }]);
  if (!subject.open) {
    throw conflict('Ce besoin, cette offre ou ce projet n’est plus ouvert', [
      { field: 'subjectId', code: 'subjectClosed' },
    ]);
  }
  // A pair set aside by either side, or already partners, is not brought together again by accepting.
  const excluded = await exclusionsFor(db, actorId);
  if (data.decision === 'accept' && excluded.includes(data.candidateId)) {
    throw conflict('Cette mise en relation a été écartée, ou ces organisations sont déjà partenaires', [
      { field: 'candidateId', code: 'pairExcluded' },
    ]);
  }
  // The score and reasons as the member saw them, recomputed (a client does not say its own score).
  const profile = { ...subject.profile, actorId };
  const explained = await explainedCandidates(db, by, profile, 50, excluded);
  const seen = explained.find((e) => e.scored.actorId === data.candidateId);
  const accept = data.decision === 'accept';
  return db.transaction(async (tx) => {
    // Decisions on one pair wait for each other: two sides accepting at the same instant then complete the pair
    // (the second sees the first's request) instead of crossing two pending requests.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${pairKey(actorId, data.candidateId)}, 0))`);
    if (accept) {
      // Accepting again changes nothing: the request is already with the other side, and counts once in the stats.
      const mine = await pendingRequest(tx, actorId, data.candidateId);
      const [earlier] = mine
        ? await tx
            .select({ id: matchDecisions.id })
            .from(matchDecisions)
            .where(
              and(
                eq(matchDecisions.actorId, actorId),
                eq(matchDecisions.candidateId, data.candidateId),
                eq(matchDecisions.accepted, true),
              ),
            )
            .orderBy(desc(matchDecisions.decidedAt))
            .limit(1)
        : [];
      if (mine && earlier) return { decisionId: earlier.id, requestId: mine.id, partnershipId: null };
    }
    const [decision] = await tx
      .insert(matchDecisions)
      .values({
        actorId,
        candidateId: data.candidateId,
        subjectKind: data.subjectKind,
        subjectId: data.subjectId,
        accepted: accept,
        dismissReason: accept ? null : (data.reason as DismissReason),
        note: data.note,
        score: seen?.scored.score ?? 0,
        reasonKinds: [...new Set(seen?.reasons.map((r) => r.kind) ?? [])],
        decidedBy: by.id,
      })
      .returning({ id: matchDecisions.id });
    if (!decision) throw new Error('decision not inserted');
    const theirs = await pendingRequest(tx, data.candidateId, actorId);
    if (!accept) {
      if (theirs) await declineRequest(tx, by, theirs, publicUrl);
      return { decisionId: decision.id, requestId: theirs?.id ?? null, partnershipId: null };
    }
    if (theirs) {
      const partnershipId = await acceptRequest(tx, by, theirs, publicUrl);
      return { decisionId: decision.id, requestId: theirs.id, partnershipId };
    }
    const mine = await pendingRequest(tx, actorId, data.candidateId);
    if (mine) return { decisionId: decision.id, requestId: mine.id, partnershipId: null };
    const [request] = await tx
      .insert(matchRequests)
      .values({
        fromActorId: actorId,
        toActorId: data.candidateId,
        subjectKind: data.subjectKind,
        subjectId: data.subjectId,
        message: data.note,
        reasons: seen?.reasons.map((r) => r.text) ?? [],
        createdBy: by.id,
      })
      .returning({ id: matchRequests.id });
    if (!request) throw new Error('request not inserted');
    await notifyActorMembers(
      tx,
      data.candidateId,
      {
        kind: 'contactRequest',
        title: `${await actorName(tx, actorId)} souhaite vous rencontrer`,
        body: 'Une suggestion de partenaire a été acceptée de leur côté ; à vous de répondre.',
        link: '/mises-en-relation',
      },
      publicUrl,
    );
    return { decisionId: decision.id, requestId: request.id, partnershipId: null };
  });
}

/** Answers a contact request addressed to the viewer's organisation (or any, for staff). */
export async function answerRequest(
  db: Db,
  by: CurrentUser,
  id: string,
  input: { accept: boolean; reason?: DismissReason | null; note?: string },
  publicUrl: string,
) {
  const answer = parseInput(requestAnswer, input);
  const [request] = await db.select().from(matchRequests).where(eq(matchRequests.id, id));
  if (!request || !(isStaff(by) || isOwnMember(by, request.toActorId) || isOwnMember(by, request.fromActorId))) {
    throw notFound('Demande de mise en relation');
  }
  if (!(isStaff(by) || isOwnMember(by, request.toActorId))) {
    throw forbidden('Seule l’organisation sollicitée peut répondre à cette demande');
  }
  return db.transaction(async (tx) => {
    // Read again under a lock: two answers at once must not both open a partnership.
    const [current] = await tx
      .select({ status: matchRequests.status })
      .from(matchRequests)
      .where(eq(matchRequests.id, id))
      .for('update');
    if (current?.status !== 'pending') throw answeredAlready();
    // The sender's acceptance said what was seen: the answer counts for the same reasons in the feedback statistics.
    const [asked] = await tx
      .select({ score: matchDecisions.score, reasonKinds: matchDecisions.reasonKinds })
      .from(matchDecisions)
      .where(
        and(
          eq(matchDecisions.actorId, request.fromActorId),
          eq(matchDecisions.candidateId, request.toActorId),
          eq(matchDecisions.accepted, true),
        ),
      )
      .orderBy(desc(matchDecisions.decidedAt))
      .limit(1);
    const [decision] = await tx
      .insert(matchDecisions)
      .values({
        actorId: request.toActorId,
        candidateId: request.fromActorId,
        subjectKind: request.subjectKind,
        subjectId: request.subjectId,
        accepted: answer.accept,
        dismissReason: answer.accept ? null : (answer.reason ?? 'other'),
        note: answer.note,
        score: asked?.score ?? 0,
        reasonKinds: asked?.reasonKinds ?? [],
        decidedBy: by.id,
      })
      .returning({ id: matchDecisions.id });
    if (!decision) throw new Error('decision not inserted');
    if (answer.accept) {
      const partnershipId = await acceptRequest(tx, by, request, publicUrl);
      return { decisionId: decision.id, requestId: request.id, partnershipId };
    }
    await declineRequest(tx, by, request, publicUrl);
    return { decisionId: decision.id, requestId: request.id, partnershipId: null };
  });
}

/** Requests received or sent by an organisation: a member's own, any for staff and observers. */
export async function listRequests(
  db: Db,
  viewer: CurrentUser,
  query: { box: 'received' | 'sent'; status?: ContactRequest['status'] | undefined; actorId?: string | undefined },
): Promise<ContactRequest[]> {
  const actorId = query.actorId ?? viewer.actorId;
  if (!actorId) {
    if (isStaff(viewer) || viewer.role === 'observer') return listAllRequests(db, viewer, query.status);
    throw invalid([{ field: 'actorId', code: 'required' }]);
  }
  if (!(isStaff(viewer) || viewer.role === 'observer' || isOwnMember(viewer, actorId))) {
    throw forbidden('Ces demandes sont réservées à l’organisation concernée');
  }
  const side = query.box === 'received' ? sql`r.to_actor_id` : sql`r.from_actor_id`;
  return requestRows(
    db,
    viewer,
    sql`${side} = ${actorId}${query.status ? sql` AND r.status = ${query.status}` : sql``}`,
  );
}

function listAllRequests(db: Db, viewer: CurrentUser, status: ContactRequest['status'] | undefined) {
  return requestRows(db, viewer, status ? sql`r.status = ${status}` : sql`true`);
}

/** The requests' public fields; the message, written by a person, is not for observers (RGPD). */
async function requestRows(db: Db, viewer: CurrentUser, where: ReturnType<typeof sql>): Promise<ContactRequest[]> {
  const message = viewer.role === 'observer' ? sql`''` : sql`r.message`;
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`SELECT r.id, r.subject_kind AS "subjectKind", ${message} AS message, r.reasons, r.status, r.created_at AS "createdAt",
        r.responded_at AS "respondedAt", r.partnership_id AS "partnershipId",
        coalesce(n.title, p.title, sa.name, '') AS "subjectTitle",
        json_build_object('id', f.id, 'name', f.name, 'family', f.family, 'communeName', fc.name) AS "from",
        json_build_object('id', t.id, 'name', t.name, 'family', t.family, 'communeName', tc.name) AS "to"
      FROM match_requests r
      JOIN actors f ON f.id = r.from_actor_id LEFT JOIN communes fc ON fc.code = f.commune_code
      JOIN actors t ON t.id = r.to_actor_id LEFT JOIN communes tc ON tc.code = t.commune_code
      LEFT JOIN needs_offers n ON n.id = r.subject_id LEFT JOIN projects p ON p.id = r.subject_id
      LEFT JOIN actors sa ON sa.id = r.subject_id
      WHERE ${where} ORDER BY r.created_at DESC, r.id LIMIT 200`,
  );
  const iso = (v: unknown) =>
    v === null ? null : v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString();
  return rows.map((r) => ({
    ...(r as unknown as ContactRequest),
    createdAt: iso(r.createdAt) ?? '',
    respondedAt: iso(r.respondedAt),
  }));
}

/** Acceptance and dismissal per reason kind shown, and dismissals per reason given: to tune the weights later. */
export async function feedbackStats(db: Db) {
  const perReason = await rowsOf<{ kind: (typeof scoreComponents)[number]; accepted: number; dismissed: number }>(
    db,
    sql`SELECT k AS kind, count(*) FILTER (WHERE accepted)::int AS accepted, count(*) FILTER (WHERE NOT accepted)::int AS dismissed
      FROM match_decisions, unnest(reason_kinds) k GROUP BY k`,
  );
  const dismissals = await rowsOf<{ reason: DismissReason; count: number }>(
    db,
    sql`SELECT dismiss_reason AS reason, count(*)::int AS count FROM match_decisions
      WHERE NOT accepted AND dismiss_reason IS NOT NULL GROUP BY dismiss_reason ORDER BY count DESC, reason`,
  );
  const [total] = await rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM match_decisions`);
  const byKind = new Map(perReason.map((r) => [r.kind, r]));
  return {
    decisions: total?.n ?? 0,
    perReason: scoreComponents.map((kind) => {
      const r = byKind.get(kind) ?? { accepted: 0, dismissed: 0 };
      const n = r.accepted + r.dismissed;
      return { kind, accepted: r.accepted, dismissed: r.dismissed, acceptance: n ? r.accepted / n : 0 };
    }),
    dismissals,
  };
}
