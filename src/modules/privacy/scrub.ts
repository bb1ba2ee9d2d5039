// The last step of an erasure: a person's name, e-mail and phone may have been copied into free text (a contact
// log's « personnes rencontrées », an actor's history, a notification or a mail to someone else). Only the DECLARED
// columns below are rewritten: texts written by people about other people. Reference data (communes, organisation
// names, published open-data grants) is never touched, even when it happens to contain a person's name. Occurrences
// are matched as whole words and replaced by a neutral mention; the rows themselves are kept: history stays.
import { type SQL, sql } from 'drizzle-orm';
import type { Handle } from '../../db/client.js';

export interface Needle {
  value: string;
  replacement: string;
  /** `name` needles are used only when they are a full name (two words or more), see usableNeedles. */
  kind: 'name' | 'email' | 'phone';
}

/**
 * The free-text columns that may mention a person, by table. A column added later that may hold names must be
 * declared here (a test checks every entry still exists in the schema).
 */
export const scrubbedColumns: Record<string, { columns: string[]; json?: string[] }> = {
  contact_logs: { columns: ['subject', 'people', 'notes'] },
  contact_next_steps: { columns: ['description'] },
  actor_history: { columns: [], json: ['changes'] },
  notifications: { columns: ['title', 'body'] },
  outbox: { columns: ['subject', 'body'] },
  proposals: { columns: ['description', 'who_acts', 'needs', 'hidden_reason', 'outcome_reason'] },
  proposal_comments: { columns: ['body', 'hidden_reason'] },
  proposal_pledges: { columns: ['description'] },
  content_reports: { columns: ['details'] },
  moderation_decisions: { columns: ['reason'] },
  events: { columns: ['description'], json: ['agenda'] },
  event_minutes: { columns: ['notes'] },
  event_minute_items: { columns: ['text'] },
  match_requests: { columns: ['message'] },
  match_decisions: { columns: ['note'] },
  partnership_partners: { columns: ['expectations'] },
  partnership_steps: { columns: ['notes'] },
  partnership_events: { columns: [], json: ['data'] },
  funding_applications: { columns: ['notes'] },
  funding_application_steps: { columns: ['reason'] },
  funding_payments: { columns: ['note'] },
  evaluation_responses: { columns: ['balance_comment'] },
  evaluation_scores: { columns: ['comment'] },
  evaluation_indicators: { columns: ['evidence'] },
  annual_reviews: { columns: ['introduction', 'conclusion', 'open_questions'] },
  volunteer_logs: { columns: ['description'] },
  import_match_reviews: { columns: ['reason'] },
  erasure_requests: { columns: ['reason'] },
  consent_records: { columns: ['source'] },
};

/** The placeholders an erasure writes: never searched for (re-erasing must not rewrite other texts). */
export const erasedName = 'Personne effacée';
const erasedEmailMention = '[adresse effacée]';
const erasedPhoneMention = '[téléphone effacé]';
const placeholders = new Set([erasedName, erasedEmailMention, erasedPhoneMention].map((p) => p.toLowerCase()));
const erasedAddress = /@efface\.invalid$/i;

/** What to search for about one person: their e-mail, full name and phone, each with its neutral mention. */
export function needlesOf(person: { name?: string | null; email?: string | null; phone?: string | null }): Needle[] {
  const needles: Needle[] = [];
  if (person.email) needles.push({ value: person.email, replacement: erasedEmailMention, kind: 'email' });
  if (person.name) needles.push({ value: person.name, replacement: erasedName, kind: 'name' });
  if (person.phone) needles.push({ value: person.phone, replacement: erasedPhoneMention, kind: 'phone' });
  return needles;
}

/** Fewer digits than this is not a phone number worth searching for (it would match dates, amounts…). */
const minimumPhoneDigits = 6;

function usable(n: Needle): boolean {
  const value = n.value.toLowerCase();
  if (!value || placeholders.has(value) || erasedAddress.test(value)) return false;
  if (n.kind === 'name') return value.split(/\s+/).length >= 2;
  if (n.kind === 'phone') return value.replace(/\D/g, '').length >= minimumPhoneDigits;
  return value.includes('@');
}

function usableNeedles(needles: Needle[]): Needle[] {
  const seen = new Set<string>();
  return needles
    .map((n) => ({ ...n, value: n.value.trim().replace(/\s+/g, ' ') }))
    .filter((n) => {
      const key = n.value.toLowerCase();
      if (!usable(n) || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * The needle as a whole word: not glued to a letter, a digit, a hyphen (« Saint-Nicolas Martin » is not « Nicolas
 * Martin »), an `@` or a dot before it (« marie.jean@… » does not hold « jean@… »). PostgreSQL regular expressions.
 */
const wholeWord = (value: string) => `(?<![[:alnum:]_@.-])${escapeRegex(value)}(?![[:alnum:]_@-])`;
/** Inside a jsonb's text a value with quotes or backslashes is escaped: such needles are not searched there. */
const jsonSafe = (text: string) => [...text].every((ch) => ch !== '"' && ch !== '\\' && ch >= ' ');

function replaced(column: string, isJson: boolean, needles: Needle[]): SQL {
  let expression: SQL = isJson ? sql`${sql.identifier(column)}::text` : sql`${sql.identifier(column)}`;
  for (const n of needles) {
    if (isJson && !jsonSafe(n.value)) continue;
    expression = sql`regexp_replace(${expression}, ${wholeWord(n.value)}, ${n.replacement}, 'gi')`;
  }
  return isJson ? sql`(${expression})::jsonb` : expression;
}

/** Replaces the needles in the declared free-text columns; returns how many rows changed. */
export async function scrubFreeText(db: Handle, input: Needle[]): Promise<number> {
  const needles = usableNeedles(input);
  if (!needles.length) return 0;
  const any = needles.map((n) => wholeWord(n.value)).join('|');
  let changed = 0;
  for (const [table, { columns, json = [] }] of Object.entries(scrubbedColumns)) {
    const all = [...columns.map((c) => ({ c, isJson: false })), ...json.map((c) => ({ c, isJson: true }))];
    const sets = sql.join(
      all.map(({ c, isJson }) => sql`${sql.identifier(c)} = ${replaced(c, isJson, needles)}`),
      sql`, `,
    );
    const matches = sql.join(
      all.map(({ c }) => sql`${sql.identifier(c)}::text ~* ${any}`),
      sql` OR `,
    );
    const result = (await db.execute(sql`UPDATE ${sql.identifier(table)} SET ${sets} WHERE ${matches}`)) as unknown as {
      rowCount?: number | null;
      affectedRows?: number;
    };
    changed += result.rowCount ?? result.affectedRows ?? 0;
  }
  return changed;
}
