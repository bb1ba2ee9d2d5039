// The demo evaluations (assets/demo/evaluations.json): 2017 for the « Culture & Art » partnerships of Aix-en-Provence
// (the first-year review's results), 2018 for the first Pertuis ones and two still open. Written through the services:
// the demo members answer for their own organisation, the demo administrator on behalf of the others. Each is then
// stamped with days of its own year (opened in November, answered and closed in December), not the loading day.
import fs from 'node:fs';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { DemoContext } from '../../demo/context.js';
import { partnerships } from '../partnerships/schema.js';
import type { IndicatorInput, MeasurementInput } from './contract.js';
import { evaluationIndicators, evaluationResponses, evaluations } from './schema.js';
import { answerEvaluation, measureIndicator, openEvaluation, setEvaluationStatus, setIndicators } from './service.js';
import { type EvaluationDimension, evaluationDimensions, type ObjectiveStatus } from './vocabulary.js';

interface DemoResponse {
  actor: string;
  /** In the order of `evaluationDimensions`. */
  scores: (number | null)[];
  comments?: Partial<Record<EvaluationDimension, string>>;
  balance: number;
  balanceComment?: string;
  objectives: { label: string; status: ObjectiveStatus }[];
  /** A demo member's e-mail: that member answers; otherwise the administrator, on the partner's behalf. */
  answeredBy?: string;
}

interface DemoEvaluation {
  partnership: string;
  year: number;
  closed: boolean;
  indicators: (IndicatorInput & MeasurementInput)[];
  responses: DemoResponse[];
}

const demoFile = path.resolve(import.meta.dirname, '../../../assets/demo/evaluations.json');

export async function loadDemoEvaluations(db: Db, ctx: DemoContext): Promise<string> {
  const file = JSON.parse(fs.readFileSync(demoFile, 'utf8')) as { evaluations: DemoEvaluation[] };
  const titles = [...new Set(file.evaluations.map((e) => e.partnership))];
  const rows = await db
    .select({ id: partnerships.id, title: partnerships.title })
    .from(partnerships)
    .where(inArray(partnerships.title, titles));
  const partnershipIds = new Map(rows.map((r) => [r.title, r.id]));
  let loaded = 0;
  for (const demo of file.evaluations) {
    const partnershipId = partnershipIds.get(demo.partnership);
    if (!partnershipId) throw new Error(`demo evaluation: no partnership « ${demo.partnership} »`);
    const id = await openEvaluation(db, ctx.system, partnershipId, { year: demo.year });
    if (demo.indicators.length) await setIndicators(db, ctx.system, id, { indicators: demo.indicators });
    for (const { key, measured, evidence } of demo.indicators) {
      if (measured !== undefined) await measureIndicator(db, ctx.system, id, key, { measured, evidence });
    }
    for (const [n, response] of demo.responses.entries()) {
      const actorId = ctx.actorIds.get(response.actor);
      if (!actorId) throw new Error(`demo evaluation: no actor « ${response.actor} »`);
      const by = (response.answeredBy && ctx.users.get(response.answeredBy)) || ctx.system;
      await answerEvaluation(db, by, id, actorId, {
        scores: Object.fromEntries(
          evaluationDimensions.map((d, i) => [
            d,
            { score: response.scores[i] ?? null, comment: response.comments?.[d] ?? '' },
          ]),
        ) as Record<EvaluationDimension, { score: number | null; comment: string }>,
        balance: response.balance,
        balanceComment: response.balanceComment ?? '',
        objectives: response.objectives,
      });
      const answeredAt = new Date(`${demo.year}-12-${String(n + 1).padStart(2, '0')}T10:00:00Z`);
      await db
        .update(evaluationResponses)
        .set({ createdAt: answeredAt, updatedAt: answeredAt })
        .where(and(eq(evaluationResponses.evaluationId, id), eq(evaluationResponses.actorId, actorId)));
    }
    if (demo.closed) await setEvaluationStatus(db, ctx.system, id, { closed: true });
    await db
      .update(evaluations)
      .set({
        createdAt: new Date(`${demo.year}-11-02T10:00:00Z`),
        closedAt: demo.closed ? new Date(`${demo.year}-12-18T10:00:00Z`) : null,
      })
      .where(eq(evaluations.id, id));
    await db
      .update(evaluationIndicators)
      .set({ updatedAt: new Date(`${demo.year}-12-10T10:00:00Z`) })
      .where(eq(evaluationIndicators.evaluationId, id));
    loaded++;
  }
  return `${loaded} demo evaluations`;
}
