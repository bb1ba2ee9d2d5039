// Where a call for projects stands on a day, written once in SQL for the calls list and the calls matched to projects
// and territories: announced while it has no dates yet or until it opens, closed once its closing date passed, open
// otherwise (a call with only a closing date is open until then).
import { type SQL, sql } from 'drizzle-orm';
import type { CallStatus } from '../vocabulary.js';

/** The status of a call on `today` (a Paris day, see programmes/common.ts parisDay) from its two date columns. */
export const callStatusSql = (opensOn: SQL, closesOn: SQL, today: string) => sql<CallStatus>`case
  when ${closesOn} < ${today}::date then 'closed'
  when (${opensOn} is null and ${closesOn} is null) or ${opensOn} > ${today}::date then 'announced'
  else 'open' end`;
