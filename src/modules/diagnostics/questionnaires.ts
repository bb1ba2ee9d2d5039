// The questionnaires as data: read from assets/reference/diagnostics.json (checked with the shared schema), and each
// version stored once in the database when first answered, so that a result always finds the version it was answered
// with.
import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Handle } from '../../db/client.js';
import {
  type Axis,
  type Question,
  type QuestionnaireDefinition,
  questionnaireDefinition,
  type RuleCondition,
} from './definition.js';
import { diagnosticQuestionnaires } from './schema.js';
import type { DiagnosticKind } from './vocabulary.js';

const file = path.resolve(import.meta.dirname, '../../../assets/reference/diagnostics.json');

/** What is wrong with a rule's condition, or null: it names an axis, or a question with a test fitting its type. */
function ruleProblem(when: RuleCondition, def: QuestionnaireDefinition, questions: Question[]): string | null {
  const bounds = when.below !== undefined || when.atLeast !== undefined;
  if ('axis' in when) {
    if (!def.axes.some((a) => a.id === when.axis)) return 'names an unknown axis';
    return bounds ? null : 'has no condition (below or atLeast)';
  }
  const q = questions.find((x) => x.id === when.question);
  if (!q) return 'names an unknown question';
  if (q.type === 'choice') {
    if (bounds) return 'compares a choice question with a number (below or atLeast)';
    if (!when.in?.length) return 'has no condition (in)';
    return when.in.every((v) => q.options.some((o) => o.value === v)) ? null : 'names an unknown option';
  }
  if (when.in !== undefined) return 'lists options (in) for a number question';
  return bounds ? null : 'has no condition (below or atLeast)';
}

/** What is wrong with an axis's check across questions, or null: it sums number questions of that axis. */
function checkProblem(axis: Axis): string | null {
  for (const check of axis.checks) {
    for (const id of check.questions) {
      const q = axis.questions.find((x) => x.id === id);
      if (!q) return `check names ${id}, not a question of the axis`;
      if (q.type !== 'number') return `check names ${id}, not a number question`;
    }
  }
  return null;
}

/**
 * Every version in the file, checked: ids unique, thresholds in order, number bounds in order, checks summing number
 * questions of their axis, rules whose condition fits what they name, each (kind, version) once. Throws at the first
 * use when the file is wrong (a mistake of whoever edited it).
 */
export function readQuestionnaires(text = fs.readFileSync(file, 'utf8')): QuestionnaireDefinition[] {
  const all = z.object({ questionnaires: z.array(questionnaireDefinition) }).parse(JSON.parse(text)).questionnaires;
  const seen = new Set<string>();
  for (const def of all) {
    const where = `diagnostics.json: ${def.kind} v${def.version}`;
    if (seen.has(`${def.kind}:${def.version}`)) throw new Error(`${where} twice`);
    seen.add(`${def.kind}:${def.version}`);
    if (def.weaknessBelow > def.strengthAtLeast) throw new Error(`${where}: weaknessBelow above strengthAtLeast`);
    const questions = def.axes.flatMap((a) => a.questions);
    const ids = [...def.axes.map((a) => a.id), ...questions.map((q) => q.id)];
    if (new Set(ids).size !== ids.length) throw new Error(`${where} repeats an axis or question id`);
    for (const q of questions) {
      if (q.type === 'number' && q.min > q.max) throw new Error(`${where}: question ${q.id} has min above max`);
    }
    for (const axis of def.axes) {
      const problem = checkProblem(axis);
      if (problem) throw new Error(`${where}: axis ${axis.id} ${problem}`);
    }
    for (const rule of def.rules) {
      const problem = ruleProblem(rule.when, def, questions);
      if (problem) throw new Error(`${where}: rule ${rule.id} ${problem}`);
    }
  }
  return all;
}

let cached: QuestionnaireDefinition[] | null = null;

/** The latest version of a kind's questionnaire in the file. */
export function currentDefinition(kind: DiagnosticKind): QuestionnaireDefinition {
  cached ??= readQuestionnaires();
  const latest = cached.filter((d) => d.kind === kind).sort((a, b) => b.version - a.version)[0];
  if (!latest) throw new Error(`diagnostics.json: no questionnaire for ${kind}`);
  return latest;
}

/**
 * The stored row of a kind's current version, stored now if it is its first use (when a draft is first saved or a
 * diagnostic completed). A version already stored is kept as it was (a changed text must come with a new version).
 */
export async function storeCurrentQuestionnaire(db: Handle, kind: DiagnosticKind) {
  const def = currentDefinition(kind);
  await db
    .insert(diagnosticQuestionnaires)
    .values({ kind, version: def.version, definition: def })
    .onConflictDoNothing();
  const row = await storedVersion(db, kind, def.version);
  if (!row) throw new Error('questionnaire just stored not found');
  return row;
}

async function storedVersion(db: Handle, kind: DiagnosticKind, version: number) {
  const [row] = await db
    .select()
    .from(diagnosticQuestionnaires)
    .where(and(eq(diagnosticQuestionnaires.kind, kind), eq(diagnosticQuestionnaires.version, version)));
  return row ?? null;
}

/**
 * The kind's current version as it will be answered, for reading only: the stored one when it has been used (so that
 * it shows as it is kept), else the file's, with no id yet. Reading never writes.
 */
export async function currentQuestionnaire(db: Handle, kind: DiagnosticKind) {
  const def = currentDefinition(kind);
  const row = await storedVersion(db, kind, def.version);
  return row ? { id: row.id, definition: row.definition } : { id: null, definition: def };
}
