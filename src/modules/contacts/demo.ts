import type { Db } from '../../db/client.js';
import type { DemoContext } from '../../demo/context.js';

/** Loads this module's part of the Pays d'Aix demo data; returns a summary for the start-up log. */
export async function loadDemoContacts(_db: Db, _ctx: DemoContext): Promise<string> {
  return '';
}
