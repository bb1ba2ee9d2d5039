import type { Db } from '../../db/client.js';
import type { DemoContext } from '../../demo/context.js';

/** Slot: filled by the reviews work. */
export async function loadDemoReviews(_db: Db, _ctx: DemoContext): Promise<string> {
  return '';
}
