// The demo evaluations (assets/demo/evaluations.json): 2017 for the « Culture & Art » partnerships of Aix-en-Provence
// (the first-year review's results), 2018 for the first Pertuis ones and two still open. Written through the services:
// the demo members answer for their own organisation, the demo administrator on behalf of the others.
import fs from 'node:fs';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { DemoContext } from '../../demo/context.js';
import { partnerships } from '../partnerships/schema.js';
import type { IndicatorInput } from './contract.js';
import { answerEvaluation, openEvaluation, setEvaluationStatus, setIndicators } from './service.js';
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
  indicators: IndicatorInput[];
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
    if (!partnershipId) continue;
    const id = await openEvaluation(db, ctx.system, partnershipId, { year: demo.year });
    if (demo.indicators.length) await setIndicators(db, ctx.system, id, { indicators: demo.indicators });
    for (const response of demo.responses) {
      const actorId = ctx.actorIds.get(response.actor);
      if (!actorId) continue;
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
    }
    if (demo.closed) await setEvaluationStatus(db, ctx.system, id, { closed: true });
    loaded++;
  }
  return `${loaded} demo evaluations`;
}
