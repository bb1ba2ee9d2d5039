// The funding deadlines: the calls' closing dates and the reports owed to funders, as one list in date order. The
// calendar page, its iCalendar feed and the reminders' pass all read them from here.
import { type SQL, sql } from 'drizzle-orm';
import type { Handle } from '../../../db/client.js';
import { rowsOf } from '../../../db/rows.js';
import { invalid, parseInput } from '../../../errors.js';
import { addDays, daysBetween, parisDay } from '../../programmes/common.js';
import type { DeadlineKind } from '../vocabulary.js';
import { type DeadlineQuery, type DeadlineView, deadlineQuery, maxDeadlineSpanDays } from './contract.js';

/** How far ahead the calendar reaches by default: from today, or from the `from` asked. */
const defaultAheadDays = 365;

interface DeadlineRow {
  kind: DeadlineKind;
  dueOn: string;
  title: string;
  callId: string | null;
  applicationId: string | null;
  applicationTitle: string | null;
  reportId: string | null;
  funderId: string;
  funderName: string;
  territoryId: string | null;
  territoryName: string | null;
}

const callLink = (id: string) => `/financements/appels/${id}`;
const applicationLink = (id: string) => `/financements/dossiers/${id}`;

/**
 * The deadlines between two days (inclusive), both kinds unless one is asked: calls closing, and reports not yet
 * submitted (one sent is no longer a deadline). `overdueReports`: the reports due before `from` too, however long ago
 * (a report not sent stays owed). `territory`: the reports of that territory's applications, and the calls that apply
 * there (naming one of its communes, or none: anywhere).
 */
export async function deadlineRows(
  db: Handle,
  range: {
    from: string;
    to: string;
    overdueReports?: boolean;
    kind?: DeadlineKind | undefined;
    territoryId?: string | undefined;
  },
): Promise<DeadlineRow[]> {
  const parts: SQL[] = [];
  if (range.kind !== 'reportDue') {
    const where = range.territoryId
      ? sql`AND (cardinality(c.commune_codes) = 0 OR c.commune_codes && (
          SELECT commune_codes FROM programme_territories WHERE id = ${range.territoryId}))`
      : sql``;
    parts.push(sql`
      SELECT 'callCloses' AS kind, c.closes_on AS due_on, c.title, c.id AS call_id, NULL::uuid AS application_id,
        NULL::text AS application_title, NULL::uuid AS report_id, f.id AS funder_id, f.name AS funder_name,
        NULL::uuid AS territory_id, NULL::text AS territory_name
      FROM funding_calls c JOIN actors f ON f.id = c.funder_actor_id
      WHERE c.closes_on BETWEEN ${range.from}::date AND ${range.to}::date ${where}`);
  }
  if (range.kind !== 'callCloses') {
    const since = range.overdueReports ? sql`` : sql`AND r.due_on >= ${range.from}::date`;
    const where = range.territoryId ? sql`AND a.territory_id = ${range.territoryId}` : sql``;
    parts.push(sql`
      SELECT 'reportDue' AS kind, r.due_on, r.title, NULL::uuid AS call_id, a.id AS application_id,
        a.title AS application_title, r.id AS report_id, f.id AS funder_id, f.name AS funder_name,
        t.id AS territory_id, t.name AS territory_name
      FROM funding_reports r JOIN funding_applications a ON a.id = r.application_id
      JOIN actors f ON f.id = a.funder_actor_id
      LEFT JOIN programme_territories t ON t.id = a.territory_id
      WHERE r.submitted_on IS NULL AND r.due_on <= ${range.to}::date ${since} ${where}`);
  }
  return rowsOf<DeadlineRow>(
    db,
    sql`SELECT kind, to_char(due_on, 'YYYY-MM-DD') AS "dueOn", title, call_id AS "callId",
      application_id AS "applicationId", application_title AS "applicationTitle", report_id AS "reportId",
      funder_id AS "funderId", funder_name AS "funderName", territory_id AS "territoryId",
      territory_name AS "territoryName"
    FROM (${sql.join(parts, sql` UNION ALL `)}) d
    ORDER BY due_on, kind, title, coalesce(call_id, report_id)`,
  );
}

/** A row as the calendar shows it on `today`. */
export function deadlineView(row: DeadlineRow, today: string): DeadlineView {
  const daysLeft = daysBetween(today, row.dueOn);
  return {
    kind: row.kind,
    dueOn: row.dueOn,
    daysLeft,
    overdue: row.kind === 'reportDue' && daysLeft < 0,
    title: row.title,
    callId: row.callId,
    applicationId: row.applicationId,
    applicationTitle: row.applicationTitle,
    reportId: row.reportId,
    funder: { id: row.funderId, name: row.funderName },
    territory: row.territoryId ? { id: row.territoryId, name: row.territoryName ?? '' } : null,
    link: row.callId ? callLink(row.callId) : applicationLink(row.applicationId ?? ''),
  };
}

/**
 * The calendar's list for a query (readers), on the day `now` is in Paris. Without `from`, what is to come and what
 * is late: the deadlines from today, and every report not sent whose day has passed, however long ago. With `from`,
 * the deadlines of those days only (a month of the calendar).
 */
export async function listDeadlines(db: Handle, input: DeadlineQuery, now = new Date()) {
  const query = parseInput(deadlineQuery, input);
  const today = parisDay(now);
  const from = query.from ?? today;
  const to = query.to ?? addDays(from, defaultAheadDays);
  if (daysBetween(from, to) > maxDeadlineSpanDays) {
    throw invalid([{ field: 'to', code: 'deadlineSpanTooLong', params: { max: maxDeadlineSpanDays } }]);
  }
  if (query.territoryId) {
    const [known] = await rowsOf(db, sql`SELECT 1 FROM programme_territories WHERE id = ${query.territoryId}`);
    if (!known) throw invalid([{ field: 'territoryId', code: 'unknownTerritory' }]);
  }
  const overdueReports = query.from === undefined;
  const rows = await deadlineRows(db, { from, to, overdueReports, kind: query.kind, territoryId: query.territoryId });
  return { items: rows.map((r) => deadlineView(r, today)), from: overdueReports ? null : from, to, today };
}
