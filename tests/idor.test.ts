import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allows, type UserRole } from '../src/auth/roles.js';
import type { Db } from '../src/db/client.js';
import { rowsOf } from '../src/db/rows.js';
import type { RouteContract } from '../src/http/contract.js';
import { registeredContracts } from '../src/http/route.js';
import { actors } from '../src/modules/actors/schema.js';
import { partnershipSteps } from '../src/modules/partnerships/vocabulary.js';
import { chartNames } from '../src/modules/reviews/contract.js';
import { createTestApp } from './app.js';
import { type SignedIn, signedInAs } from './auth.js';
import { changedTables, fingerprint } from './fingerprint.js';
import { operationsOf, plainValue, type Schema } from './hostile/generate.js';

/**
 * Object-level authorisation (IDOR): every route that names a record in its path is called on a record of ANOTHER
 * organisation (or another user) of the demo data, by a member of a new organisation that owns nothing, an observer,
 * a citizen and an anonymous visitor. Writes are always refused and change nothing; reads answer 401/403/404, or the
 * public view without the record's private content. The role × route rule itself is tests/access-matrix.test.ts.
 */

/**
 * The record each route's path names, found in the demo data: a query whose columns are the path's parameters.
 * Several methods share a path. A route with a path parameter and no entry here (nor in `noObjectCheck`) fails the
 * test: add its query.
 */
const first = (table: string, where = 'true') => `SELECT id FROM ${table} WHERE ${where} ORDER BY id LIMIT 1`;
const child = (table: string, parent: string, param = 'itemId', where = 'true') =>
  `SELECT ${parent} AS id, id AS "${param}" FROM ${table} WHERE ${parent} IS NOT NULL AND ${where} ORDER BY id LIMIT 1`;
/** An actor with people published only to animators: reading them would be a leak for anyone else. */
const actorWithPeople = `SELECT actor_id AS id FROM actor_people WHERE visibility <> 'public' AND email IS NOT NULL
  ORDER BY visibility DESC, actor_id LIMIT 1`;

const records: Record<string, string> = {
  // Routes under a record's path name that record: the query of the longest path prefix is used.
  '/api/v1/users/:id': first('users', "role = 'admin'"),
  '/api/v1/me/api-tokens/:id': first('api_tokens'),
  '/api/v1/actors/:id': actorWithPeople,
  '/api/v1/actors/:id/alliances': first('actors', 'id IN (SELECT actor_id FROM alliance_members)'),
  '/api/v1/actors/:id/contacts': first('actors', 'id IN (SELECT actor_id FROM contact_logs)'),
  '/api/v1/diagnostics/actors/:id': first('actors', 'id IN (SELECT actor_id FROM diagnostics)'),
  '/api/v1/needs-offers/:id': first('needs_offers'),
  '/api/v1/partnerships/draft-from-need/:needOfferId': `SELECT id AS "needOfferId" FROM needs_offers ORDER BY id LIMIT 1`,
  '/api/v1/projects/:id': first('projects'),
  '/api/v1/partnerships/:id/partners/:actorId': `SELECT partnership_id AS id, actor_id AS "actorId"
    FROM partnership_partners ORDER BY partnership_id LIMIT 1`,
  '/api/v1/partnerships/:id/partners/:actorId/consent': `SELECT partnership_id AS id, actor_id AS "actorId"
    FROM partnership_partners ORDER BY partnership_id LIMIT 1`,
  '/api/v1/partnerships/:id/contributions/:itemId': child('contributions', 'partnership_id'),
  '/api/v1/partnerships/:id/benefits/:itemId': child('benefits', 'partnership_id'),
  '/api/v1/partnerships/:id/documents/:docId': child('partnership_documents', 'partnership_id', 'docId'),
  '/api/v1/partnerships/:id/steps/:step': `SELECT id, '${partnershipSteps[0]}' AS step FROM partnerships ORDER BY id LIMIT 1`,
  '/api/v1/alliances/:id/members/:actorId': `SELECT alliance_id AS id, actor_id AS "actorId" FROM alliance_members
    ORDER BY alliance_id LIMIT 1`,
  '/api/v1/alliances/:id/members/:actorId/consent': `SELECT alliance_id AS id, actor_id AS "actorId"
    FROM alliance_members ORDER BY alliance_id LIMIT 1`,
  '/api/v1/alliances/:id/partnerships/:partnershipId': child('partnerships', 'alliance_id', 'partnershipId'),
  '/api/v1/alliances/:id/contributions/:itemId': child('contributions', 'alliance_id'),
  '/api/v1/alliances/:id/benefits/:itemId': child('benefits', 'alliance_id'),
  '/api/v1/contacts/:id': first('contact_logs'),
  '/api/v1/next-steps/:id': first('contact_next_steps'),
  '/api/v1/matching/requests/:id/answer': first('match_requests'),
  '/api/v1/notifications/:id/read': first('notifications'),
  '/api/v1/events/:id/registrations/:registrationId/check-in': child(
    'event_registrations',
    'event_id',
    'registrationId',
  ),
  '/api/v1/events/:id/invitations/:invitationId': child('event_invitations', 'event_id', 'invitationId'),
  '/api/v1/events/:id/minutes/items/:itemId': child('event_minute_items', 'event_id'),
  '/api/v1/events/:id/speed-dating/wishes/:registrationId': child('event_registrations', 'event_id', 'registrationId'),
  '/api/v1/programmes/:id/participants/:actorId': `SELECT p.id, pp.actor_id AS "actorId" FROM programmes p
    JOIN programme_territories pt ON pt.programme_id = p.id JOIN programme_participants pp ON pp.territory_id = pt.id
    ORDER BY p.id LIMIT 1`,
  '/api/v1/actions/:id': first('programme_actions'),
  '/api/v1/imports/runs/:id': first('import_runs'),
  '/api/v1/imports/reviews/:id': first('import_match_reviews'),
  '/api/v1/funding/applications/:id/payments/:itemId': child('funding_payments', 'application_id'),
  '/api/v1/funding/applications/:id/reports/:itemId': child('funding_reports', 'application_id'),
  '/api/v1/funding/documents/:id': first('funding_documents'),
  '/api/v1/funding/budget/applications/:id': first('funding_applications'),
  '/api/v1/funding/budget/lines/:id': first('budget_lines'),
  '/api/v1/funding/budget/volunteer-rates/:id': first('volunteer_rates'),
  '/api/v1/funding/budget/volunteer-hours/:id': first('volunteer_logs'),
  '/api/v1/funding/grants/imports/:id': first('scdl_imports'),
  '/api/v1/evaluations/:id/responses/:actorId': `SELECT evaluation_id AS id, actor_id AS "actorId"
    FROM evaluation_responses ORDER BY evaluation_id LIMIT 1`,
  '/api/v1/evaluations/:id/indicators/:key': `SELECT evaluation_id AS id, key FROM evaluation_indicators
    ORDER BY evaluation_id LIMIT 1`,
  '/api/v1/programmes/:id/reviews/:year': `SELECT programme_id AS id, year::text AS year FROM annual_reviews
    ORDER BY programme_id LIMIT 1`,
  '/api/v1/programmes/:id/reviews/:year/charts/:name.svg': `SELECT programme_id AS id, year::text AS year,
    '${chartNames[0]}' AS name FROM annual_reviews ORDER BY programme_id LIMIT 1`,
  '/api/v1/events/:id/speed-dating': first('events', 'id IN (SELECT event_id FROM speed_dating_sessions)'),
  '/api/v1/privacy/people/:id': first('actor_people', "visibility <> 'public'"),
  '/api/v1/privacy/accounts/:id': first('users', "role = 'member'"),
  '/api/v1/privacy/erasure-requests/:id': first('erasure_requests'),
  '/api/v1/admin/mail/dead-letters/:id': first('outbox'),
  '/api/v1/partnerships/:id': first('partnerships', 'id IN (SELECT partnership_id FROM contact_logs)'),
  '/api/v1/alliances/:id': first('alliances'),
  '/api/v1/events/:id': first('events', 'id IN (SELECT event_id FROM event_registrations)'),
  '/api/v1/programmes/:id': first('programmes'),
  '/api/v1/public/programmes/:id': first('programmes'),
  '/api/v1/funding/calls/:id': first('funding_calls'),
  '/api/v1/funding/applications/:id': first('funding_applications'),
  '/api/v1/evaluations/:id': first('evaluations'),
  '/api/v1/dialogue/challenges/:id': first('challenges'),
  '/api/v1/dialogue/proposals/:id': first('proposals'),
};

/**
 * Routes with a path parameter that names no record of an organisation: a secret token (knowing it is the right),
 * a published annual review found by its public slug (public by design; unpublished ones are 404, tested in
 * modules/reviews), the caller's own registration, invitation, wishes and follow-ups (`/mine`: the path cannot
 * name someone else's).
 */
const noObjectCheck = (path: string) =>
  /\/by-token\/:token$/.test(path) || path.startsWith('/api/v1/public/reviews/:slug') || /\/mine$/.test(path);

const prefixes = Object.keys(records).sort((a, b) => b.length - a.length);
function recordQueryOf(path: string): string | undefined {
  const prefix = prefixes.find((p) => path === p || path.startsWith(`${p}/`));
  return prefix && records[prefix];
}

/**
 * Writes on another organisation's record that the rules allow to anyone of the route's roles: taking part in a
 * challenge (proposing, supporting, pledging, commenting: the dialogue is open), registering to an event, asking to
 * claim an organisation's page (verified by e-mail before anything changes). Their answers only follow the role rule.
 */
const participation = new Set([
  'POST /api/v1/dialogue/challenges/:id/proposals',
  'PUT /api/v1/dialogue/proposals/:id/support',
  'DELETE /api/v1/dialogue/proposals/:id/support',
  'POST /api/v1/dialogue/proposals/:id/pledges',
  'POST /api/v1/dialogue/proposals/:id/comments',
  'POST /api/v1/events/:id/registrations',
  'POST /api/v1/actors/:id/claims',
]);
const isParticipation = (c: { contract: RouteContract }) =>
  participation.has(`${c.contract.method} ${c.contract.path}`);

type Caller = { name: string; role: UserRole | null; session: SignedIn | null };

describe('object-level authorisation on records of another organisation', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let callers: Caller[];
  let admin: SignedIn;
  /** Text of the records that only their organisation and staff may read: people's contacts, contact notes. */
  let secrets: { text: string; hiddenFrom: (UserRole | null)[] }[];

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    const [own] = await t.db.insert(actors).values({ family: 'association', name: 'Intruse' }).returning();
    admin = await signedInAs(t.db, 'admin');
    callers = [
      { name: 'member of another organisation', role: 'member', session: await signedInAs(t.db, 'member', own?.id) },
      { name: 'observer', role: 'observer', session: await signedInAs(t.db, 'observer') },
      { name: 'citizen', role: 'citizen', session: await signedInAs(t.db, 'citizen') },
      { name: 'anonymous', role: null, session: null },
    ];
    await seedMissingRecords(t.db);
    // Who may not read what: people published to animators (all four callers), to the network's members (citizens and
    // anonymous visitors), contact notes (observers read only that a contact happened) and others' notifications.
    const rows = await rowsOf<{ text: string; members: boolean }>(
      t.db,
      sql`
      SELECT contact AS text, visibility = 'members' AS members FROM actor_people,
        LATERAL (VALUES (email), (phone)) AS c(contact)
      WHERE visibility <> 'public' AND length(contact) > 5
      UNION SELECT notes, false FROM contact_logs WHERE length(notes) > 20
      UNION SELECT body, false FROM notifications WHERE length(body) > 20`,
    );
    secrets = rows.map((r) => ({
      text: JSON.stringify(r.text).slice(1, -1),
      hiddenFrom: r.members ? [null, 'citizen'] : [null, 'citizen', 'member', 'observer'],
    }));
  });
  afterAll(() => t.close());

  it('knows, for every route naming a record, which record of another organisation to try', () => {
    const unmapped = registeredContracts
      .filter((c) => c.path.includes(':') && !noObjectCheck(c.path) && !recordQueryOf(c.path))
      .map((c) => `${c.method} ${c.path}: add its record query to tests/idor.test.ts`);
    expect(unmapped).toEqual([]);
  });

  it('refuses every write and shows no private content, for every such route and caller', async () => {
    const bodies = new Map(operationsOf(t.app.swagger() as never).map((o) => [`${o.method} ${o.route}`, o.body]));
    const problems: string[] = [];
    const missing: string[] = [];
    // Every record is chosen before any request, so that none of the test's own writes is taken for another's.
    const cases: { contract: RouteContract; url: string; payload: unknown }[] = [];
    for (const contract of registeredContracts.filter((c) => c.path.includes(':') && !noObjectCheck(c.path))) {
      const [values] = await rowsOf<Record<string, string>>(t.db, sql.raw(recordQueryOf(contract.path) ?? ''));
      if (!values) {
        missing.push(`${contract.method} ${contract.path}`);
        continue;
      }
      const absent = [...contract.path.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '').filter((name) => !values[name]);
      if (absent.length) problems.push(`${contract.path}: its record query gives no ${absent.join(', ')}`);
      const url = contract.path.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(values[name] ?? ''));
      const payload = await plausibleBody(url, bodies.get(`${contract.method} ${contract.path}`) ?? null);
      cases.push({ contract, url, payload });
    }
    const writes: Record<number, number> = {};
    const run = async ({ contract, url, payload }: (typeof cases)[number]) => {
      for (const caller of callers) {
        const res = await t.app.inject({
          method: contract.method,
          url,
          headers: caller.session?.headers ?? {},
          ...(payload === undefined ? {} : { payload: payload as object }),
        });
        const where = `${contract.method} ${contract.path} as ${caller.name} → ${res.statusCode}`;
        if (res.statusCode >= 500) problems.push(`server error: ${where}`);
        if (contract.method === 'GET') {
          if (![200, 401, 403, 404].includes(res.statusCode)) problems.push(`unexpected read answer: ${where}`);
          const leaked = secrets.find((s) => s.hiddenFrom.includes(caller.role) && res.body.includes(s.text));
          if (res.statusCode === 200 && leaked) problems.push(`private content read: ${where}`);
        } else {
          writes[res.statusCode] = (writes[res.statusCode] ?? 0) + 1;
          const allowed =
            participation.has(`${contract.method} ${contract.path}`) && allows(contract.access, caller.role);
          if (res.statusCode < 400 && !allowed) problems.push(`write not refused: ${where}`);
        }
      }
    };
    expect(secrets.length).toBeGreaterThan(10);
    const before = await fingerprint(t.db);
    const [opened, refused] = [cases.filter(isParticipation), cases.filter((c) => !isParticipation(c))];
    for (const c of refused) await run(c);
    expect(changedTables(before, await fingerprint(t.db))).toEqual([]);
    // Then the participations, which may write: the record itself must not change (checked above for the others).
    for (const c of opened) await run(c);
    console.info(`IDOR: ${cases.length} routes × ${callers.length} callers; writes by status`, JSON.stringify(writes));
    expect(problems).toEqual([]);
    // Every route is tried: a record its query cannot find (the demo data changed) must be seeded in this file.
    expect(missing).toEqual([]);
  }, 120_000);

  /**
   * A body the route would accept from its rightful owner, so that what refuses it is the object check and not
   * validation: the record as an admin reads it at the same address, completed from the schema.
   */
  async function plausibleBody(url: string, schema: Schema | null) {
    if (!schema) return undefined;
    const base = plainValue(schema) as Record<string, unknown>;
    const current = await t.app.inject({ method: 'GET', url, headers: admin.headers });
    if (current.statusCode !== 200 || !String(current.headers['content-type']).includes('json')) return base;
    const record = current.json() as Record<string, unknown>;
    const known = Object.keys(schema.properties ?? {}).filter((k) => record[k] !== undefined);
    return { ...base, ...Object.fromEntries(known.map((k) => [k, record[k]])) };
  }
});

/** Records the demo data has none of, created for another user or organisation so that their routes are tried too. */
async function seedMissingRecords(db: Db) {
  await db.execute(sql`
    INSERT INTO api_tokens (user_id, name, token_hash)
    SELECT id, 'Jeton de démonstration', 'idor-test-token-hash' FROM users WHERE role = 'admin' LIMIT 1`);
  await db.execute(sql`
    INSERT INTO erasure_requests (user_id) SELECT id FROM users WHERE role = 'member' LIMIT 1`);
  await db.execute(sql`
    INSERT INTO match_requests (from_actor_id, to_actor_id, subject_kind, subject_id, message)
    SELECT a.id, b.id, 'actor', b.id, 'Une demande de mise en relation' FROM actors a, actors b
    WHERE a.id <> b.id ORDER BY a.id, b.id LIMIT 1`);
  await db.execute(sql`
    INSERT INTO funding_documents (owner, application_id, file_name, media_type, size, content)
    SELECT 'application', id, 'piece.pdf', 'application/pdf', 4, convert_to('%PDF', 'UTF8')
    FROM funding_applications LIMIT 1`);
  await db.execute(sql`
    INSERT INTO event_invitations (event_id, actor_id)
    SELECT e.id, a.id FROM events e, actors a ORDER BY e.id, a.id LIMIT 1`);
  // The demo has no speed dating: the last event with registrations becomes one, with its settings.
  await db.execute(sql`
    WITH chosen AS (
      UPDATE events SET kind = 'speedDating'
      WHERE id = (SELECT event_id FROM event_registrations ORDER BY event_id DESC LIMIT 1) RETURNING id)
    INSERT INTO speed_dating_sessions (event_id, tables, rounds, round_minutes) SELECT id, 4, 3, 7 FROM chosen`);
  await db.execute(sql`
    WITH run AS (
      INSERT INTO import_runs (source, file_name, file_hash, file_size, scope)
      VALUES ('rna', 'rna.csv', 'idor', 0, '{}'::jsonb) RETURNING id)
    INSERT INTO import_match_reviews (run_id, line, source, register_id, candidate_actor_id, organisation)
    SELECT run.id, 1, 'rna', 'W131000000', (SELECT id FROM actors ORDER BY id LIMIT 1), '{}'::jsonb FROM run`);
  await db.execute(sql`
    INSERT INTO scdl_imports (file_name, sha256, delimiter, encoding, rows, imported, rejected, errors, warnings)
    VALUES ('subventions.csv', 'idor', ';', 'utf-8', 0, 0, 0, 0, 0)`);
}
