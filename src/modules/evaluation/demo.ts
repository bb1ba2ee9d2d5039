import type { Db } from '../../db/client.js';
import type { DemoContext } from '../../demo/context.js';

/** Slot: filled by the evaluation work. */
export async function loadDemoEvaluations(_db: Db, _ctx: DemoContext): Promise<string> {
  return '';
}
