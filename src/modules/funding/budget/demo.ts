import type { Db } from '../../../db/client.js';
import type { DemoContext } from '../../../demo/context.js';

/** The programme's budget (2017 actuals, 2018–2020 forecast) and volunteer valuation (assets/demo/budget.json). */
export async function loadDemoBudget(_db: Db, _ctx: DemoContext): Promise<string> {
  return '';
}
