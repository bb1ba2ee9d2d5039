import type { Db } from '../../db/client.js';
import type { DemoContext } from '../../demo/context.js';

export async function loadDemoDialogue(_db: Db, _ctx: DemoContext): Promise<string> {
  return '';
}
