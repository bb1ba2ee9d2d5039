import type { Db } from '../../db/client.js';
import type { DemoContext } from '../../demo/context.js';

export async function loadDemoProgrammes(_db: Db, _ctx: DemoContext): Promise<string> {
  return '';
}
