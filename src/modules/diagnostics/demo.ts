import type { Db } from '../../db/client.js';
import type { DemoContext } from '../../demo/context.js';

/** Slot: filled by the diagnostics work. */
export async function loadDemoDiagnostics(_db: Db, _ctx: DemoContext): Promise<string> {
  return '';
}
