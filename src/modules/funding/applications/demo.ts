import type { Db } from '../../../db/client.js';
import type { DemoContext } from '../../../demo/context.js';

/** The calls for projects and funding applications the seeds name (assets/demo/funding.json). */
export async function loadDemoFunding(_db: Db, _ctx: DemoContext): Promise<string> {
  return '';
}
