// Use cases of the diagnostics: who may read and answer an actor's diagnostic, drafts, completion, history, list.
import { and, asc, count, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { Db, Handle } from '../../db/client.js';
import { forbidden, invalid, notFound, parseInput } from '../../errors.js';
import type { CurrentUser } from '../accounts/service.js';
import { actors } from '../actors/schema.js';
import { canEditActor, isOwnMember, isStaff } from '../actors/visibility.js';
import type { ActorFamily } from '../reference/families.js';
import { escapeLike } from '../reference/service.js';
import {
  type AnswersBody,
  answersBody,
  type CompletedView,
  type DiagnosticListQuery,
  type DiagnosticPage,
  type DraftView,
} from './contract.js';
import type { Answers, QuestionnaireDefinition } from './definition.js';
import { currentQuestionnaire, storeCurrentQuestionnaire } from './questionnaires.js';
import type { DiagnosticResult } from './result.js';
import { diagnosticQuestionnaires, diagnostics } from './schema.js';
import { checkAnswers, deltaOf, progressOf, scoreDiagnostic } from './scoring.js';
import type { DiagnosticKind } from './vocabulary.js';

/** Associations answer the strategic diagnostic, companies the CSR one; other families have none (named on `family`). */
export function diagnosticKindOf(family: ActorFamily): DiagnosticKind {
  if (family === 'association' || family === 'company') return family;
  throw invalid([{ field: 'family', code: 'diagnosticFamily' }], 'Pas de diagnostic pour cette famille d’acteurs');
}

/**
 * The actor whose diagnostic is asked for, if the caller may see it: staff and observers see every actor's, a member
 * only its own organisation's (another's is « not found », so that its existence is not told); answering needs staff
 * or the own member.
 */
async function actorFor(db: Handle, user: CurrentUser, actorId: string, purpose: 'read' | 'answer') {
  const [actor] = await db
    .select({ id: actors.id, name: actors.name, family: actors.family })
    .from(actors)
    .where(eq(actors.id, actorId));
  const mayRead = isStaff(user) || user.role === 'observer' || isOwnMember(user, actorId);
  if (!actor || !mayRead) throw notFound('Diagnostic');
  if (purpose === 'answer' && !canEditActor(user, actorId)) throw forbidden();
  return { ...actor, kind: diagnosticKindOf(actor.family) };
}

async function draftOf(db: Handle, actorId: string, lock = false) {
  const query = db
    .select({
      id: diagnostics.id,
      answers: diagnostics.answers,
      updatedAt: diagnostics.updatedAt,
      questionnaireId: diagnostics.questionnaireId,
      definition: diagnosticQuestionnaires.definition,
    })
    .from(diagnostics)
    .innerJoin(diagnosticQuestionnaires, eq(diagnosticQuestionnaires.id, diagnostics.questionnaireId))
    .where(and(eq(diagnostics.actorId, actorId), eq(diagnostics.status, 'draft')));
  const [row] = lock ? await query.for('update', { of: diagnostics }) : await query;
  return row ?? null;
}

const draftView = (row: {
  id: string;
  questionnaireId: string;
  answers: Answers;
  updatedAt: Date;
  definition: QuestionnaireDefinition;
}): DraftView => ({
  id: row.id,
  questionnaireId: row.questionnaireId,
  answers: row.answers,
  ...progressOf(row.definition, row.answers),
  updatedAt: row.updatedAt.toISOString(),
});

/** An actor's completed diagnostics, newest first, each with its change since the one before. */
async function historyOf(db: Handle, actorId: string): Promise<CompletedView[]> {
  const rows = await db
    .select({
      id: diagnostics.id,
      kind: diagnosticQuestionnaires.kind,
      version: diagnosticQuestionnaires.version,
      completedAt: diagnostics.completedAt,
      result: diagnostics.result,
    })
    .from(diagnostics)
    .innerJoin(diagnosticQuestionnaires, eq(diagnosticQuestionnaires.id, diagnostics.questionnaireId))
    .where(and(eq(diagnostics.actorId, actorId), eq(diagnostics.status, 'completed')))
    .orderBy(desc(diagnostics.completedAt), desc(diagnostics.createdAt));
  const completed = rows.map((r) => ({
    ...r,
    completedAt: r.completedAt as Date,
    result: r.result as DiagnosticResult,
  }));
  return completed.map((row, i) => {
    // The previous diagnostic of the same questionnaire (an actor changing family would start a new series).
    const previous = completed.slice(i + 1).find((p) => p.kind === row.kind);
    return {
      id: row.id,
      kind: row.kind,
      questionnaireVersion: row.version,
      completedAt: row.completedAt.toISOString(),
      result: row.result,
      delta: previous
        ? {
            previousId: previous.id,
            previousCompletedAt: previous.completedAt.toISOString(),
            ...deltaOf(row.result, previous.result),
          }
        : null,
    };
  });
}

/** What the diagnostic page shows: the questionnaire to answer, the draft, the completed ones with their changes. */
export async function actorDiagnostics(db: Db, user: CurrentUser, actorId: string) {
  const actor = await actorFor(db, user, actorId, 'read');
  const draft = await draftOf(db, actorId);
  const { id, definition } = draft
    ? { id: draft.questionnaireId, definition: draft.definition }
    : await currentQuestionnaire(db, actor.kind);
  return {
    actor: { id: actor.id, name: actor.name, family: actor.family },
    kind: actor.kind,
    questionnaire: { id, ...definition },
    draft: draft ? draftView(draft) : null,
    history: await historyOf(db, actorId),
    canAnswer: canEditActor(user, actorId),
  };
}

/**
 * Saves the answers given so far as the actor's draft (created on the first save, with the current questionnaire):
 * each answer is checked on its own field, nothing is written when one is wrong.
 */
export async function saveDraft(db: Db, user: CurrentUser, actorId: string, body: AnswersBody): Promise<DraftView> {
  const input = parseInput(answersBody, body);
  return db.transaction(async (tx) => {
    const actor = await actorFor(tx, user, actorId, 'answer');
    const draft = await draftOf(tx, actorId, true);
    const questionnaire = draft
      ? { id: draft.questionnaireId, definition: draft.definition }
      : await storeCurrentQuestionnaire(tx, actor.kind);
    const { answers, issues } = checkAnswers(questionnaire.definition, input.answers, { complete: false });
    if (issues.length) throw invalid(issues);
    const now = new Date();
    const [row] = draft
      ? await tx
          .update(diagnostics)
          .set({ answers, updatedAt: now })
          .where(eq(diagnostics.id, draft.id))
          .returning({ id: diagnostics.id })
      : await tx
          .insert(diagnostics)
          .values({ actorId, questionnaireId: questionnaire.id, answers, createdBy: user.id, updatedAt: now })
          .returning({ id: diagnostics.id });
    if (!row) throw new Error('draft not written');
    return draftView({
      id: row.id,
      questionnaireId: questionnaire.id,
      answers,
      updatedAt: now,
      definition: questionnaire.definition,
    });
  });
}

export async function discardDraft(db: Db, user: CurrentUser, actorId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await actorFor(tx, user, actorId, 'answer');
    const deleted = await tx
      .delete(diagnostics)
      .where(and(eq(diagnostics.actorId, actorId), eq(diagnostics.status, 'draft')))
      .returning({ id: diagnostics.id });
    if (deleted.length === 0) throw notFound('Brouillon');
  });
}

/**
 * Completes the actor's diagnostic: the draft's answers with those sent (a null clears one), every question answered
 * and valid, then scores, strengths and suggestions computed and kept with the date. The draft becomes the completed
 * diagnostic (or one is created when there was no draft). `completedAt` is for the demo data only.
 */
export async function completeDiagnostic(
  db: Db,
  user: CurrentUser,
  actorId: string,
  body: AnswersBody,
  opts: { completedAt?: Date } = {},
): Promise<CompletedView> {
  const input = parseInput(answersBody, body);
  const id = await db.transaction(async (tx) => {
    const actor = await actorFor(tx, user, actorId, 'answer');
    const draft = await draftOf(tx, actorId, true);
    const questionnaire = draft
      ? { id: draft.questionnaireId, definition: draft.definition }
      : await storeCurrentQuestionnaire(tx, actor.kind);
    const merged = { ...(draft?.answers ?? {}), ...input.answers };
    const { answers, issues } = checkAnswers(questionnaire.definition, merged, { complete: true });
    if (issues.length) throw invalid(issues);
    const result = scoreDiagnostic(questionnaire.definition, answers);
    const completedAt = opts.completedAt ?? new Date();
    const done = {
      status: 'completed' as const,
      answers,
      result,
      overall: result.overall,
      completedAt,
      completedBy: user.id,
      updatedAt: completedAt,
    };
    const [row] = draft
      ? await tx.update(diagnostics).set(done).where(eq(diagnostics.id, draft.id)).returning({ id: diagnostics.id })
      : await tx
          .insert(diagnostics)
          .values({ actorId, questionnaireId: questionnaire.id, createdBy: user.id, ...done })
          .returning({ id: diagnostics.id });
    if (!row) throw new Error('diagnostic not written');
    return row.id;
  });
  const completed = (await historyOf(db, actorId)).find((h) => h.id === id);
  if (!completed) throw new Error('diagnostic just completed not found');
  return completed;
}

/** Days in France: from the « from » day's midnight to the end of the « to » day, Paris time. */
const completedBetween = (from: string | undefined, to: string | undefined) => [
  from ? gte(diagnostics.completedAt, sql`${from}::date::timestamp at time zone 'Europe/Paris'`) : undefined,
  to ? lt(diagnostics.completedAt, sql`(${to}::date + 1)::timestamp at time zone 'Europe/Paris'`) : undefined,
];

/** Diagnostics with their actor and questionnaire version, for the page and for its count. */
const withActorAndVersion = <T extends PgSelect>(select: T) =>
  select
    .innerJoin(actors, eq(actors.id, diagnostics.actorId))
    .innerJoin(diagnosticQuestionnaires, eq(diagnosticQuestionnaires.id, diagnostics.questionnaireId));

/**
 * Completed diagnostics, newest first or lowest score first: by kind, part of the actor's name, dates, and each
 * actor's latest only (its latest among those of the kind and dates asked).
 */
export async function listDiagnostics(db: Db, query: DiagnosticListQuery): Promise<DiagnosticPage> {
  const kind = query.kind ? eq(diagnosticQuestionnaires.kind, query.kind) : undefined;
  const dates = completedBetween(query.from, query.to);
  const latestIds = db
    .selectDistinctOn([diagnostics.actorId], { id: diagnostics.id })
    .from(diagnostics)
    .innerJoin(diagnosticQuestionnaires, eq(diagnosticQuestionnaires.id, diagnostics.questionnaireId))
    .where(and(eq(diagnostics.status, 'completed'), kind, ...dates))
    .orderBy(diagnostics.actorId, desc(diagnostics.completedAt), desc(diagnostics.createdAt));
  const where = and(
    eq(diagnostics.status, 'completed'),
    kind,
    query.q
      ? sql`immutable_unaccent(lower(${actors.name})) like immutable_unaccent(lower(${`%${escapeLike(query.q)}%`}))`
      : undefined,
    ...dates,
    query.latest ? inArray(diagnostics.id, latestIds) : undefined,
  );
  const newestFirst = [desc(diagnostics.completedAt), actors.name] as const;
  const order = query.sort === 'score' ? [asc(diagnostics.overall), ...newestFirst] : newestFirst;
  const [rows, [total]] = await Promise.all([
    withActorAndVersion(
      db
        .select({
          id: diagnostics.id,
          actorId: diagnostics.actorId,
          actorName: actors.name,
          kind: diagnosticQuestionnaires.kind,
          completedAt: diagnostics.completedAt,
          overall: diagnostics.overall,
          result: diagnostics.result,
        })
        .from(diagnostics)
        .$dynamic(),
    )
      .where(where)
      .orderBy(...order)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    withActorAndVersion(db.select({ n: count() }).from(diagnostics).$dynamic()).where(where),
  ]);
  return {
    items: rows.map((r) => {
      const result = r.result as DiagnosticResult;
      return {
        id: r.id,
        actorId: r.actorId,
        actorName: r.actorName,
        kind: r.kind,
        completedAt: (r.completedAt as Date).toISOString(),
        overall: r.overall as number,
        thresholds: result.thresholds,
        axes: result.axes.map((a) => ({ id: a.id, label: a.label, score: a.score })),
      };
    }),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
