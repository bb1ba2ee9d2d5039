import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/client.js';
import type { DemoContext } from '../../demo/context.js';
import type { Answers } from './definition.js';
import { completeDiagnostic } from './service.js';

const demoFile = path.resolve(import.meta.dirname, '../../../assets/demo/diagnostics.json');

interface DemoDiagnostic {
  actor: string;
  completedAt: string;
  answers: Answers;
}

/**
 * A completed diagnostic for Charlie Free (association) and GEPA (company), dated in the programme's first year
 * (assets/demo/diagnostics.json), through the service as the demo admin. An actor missing from the demo is skipped.
 */
export async function loadDemoDiagnostics(db: Db, ctx: DemoContext): Promise<string> {
  const file = JSON.parse(fs.readFileSync(demoFile, 'utf8')) as { diagnostics: DemoDiagnostic[] };
  let loaded = 0;
  for (const demo of file.diagnostics) {
    const actorId = ctx.actorIds.get(demo.actor);
    if (!actorId) continue;
    await completeDiagnostic(
      db,
      ctx.system,
      actorId,
      { answers: demo.answers },
      { completedAt: new Date(demo.completedAt) },
    );
    loaded += 1;
  }
  return `${loaded} demo diagnostics`;
}
