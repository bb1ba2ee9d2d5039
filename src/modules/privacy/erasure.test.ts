// Erasure: after it, no text anywhere in the database holds the person's e-mail, name or phone (the test scans every
// text, varchar and jsonb column found by information_schema, while the erasure rewrites only declared free text),
// and what they wrote is kept under the anonymised account. Audit entries are left out of the scan: they hold ids
// and routes, never names. Reference data and other words that merely contain a name are left alone.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SignedIn, signedInAs } from '../../../tests/auth.js';
import { createTestDatabase } from '../../../tests/db.js';
import type { Database } from '../../db/client.js';
import { DomainError } from '../../errors.js';
import { outbox, sessions, users } from '../accounts/schema.js';
import { actorHistory, actorPeople, actors } from '../actors/schema.js';
import { contactLogs } from '../contacts/schema.js';
import { insertDialogue } from '../dialogue/moderation/testing.js';
import { proposals } from '../dialogue/schema.js';
import { notifications } from '../notifications/schema.js';
import { recordConsent } from './consents.js';
import { decideErasure, eraseAccount, erasePerson, requestErasure } from './erasure-requests.js';
import { erasedName, scrubbedColumns } from './scrub.js';
import { publicColumns } from './sources.js';
import { columnsHolding } from './testing.js';

const person = {
  email: 'Marguerite.Fontanel@exemple.org',
  name: 'Marguerite Fontanel',
  phone: '06 12 34 56 78',
};

async function kind(promise: Promise<unknown>) {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return error instanceof DomainError ? error.kind : String(error);
  }
}

describe('erasure', () => {
  let database: Database;
  let animator: SignedIn;
  let other: SignedIn;
  let actorId: string;
  let userId: string;
  let proposalId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    animator = await signedInAs(db, 'animator');
    other = await signedInAs(db, 'member');
    const [actor] = await db
      .insert(actors)
      .values({ family: 'association', name: 'Les Jardins du Lac', email: person.email.toLowerCase() })
      .returning();
    actorId = actor?.id ?? '';
    const [user] = await db
      .insert(users)
      .values({ email: person.email.toLowerCase(), displayName: person.name, role: 'member', actorId })
      .returning();
    userId = user?.id ?? '';
    await db
      .insert(sessions)
      .values({ tokenHash: 'h-erase', userId, csrfToken: 'c', expiresAt: new Date(Date.now() + 1e6) });
    await db
      .insert(actorPeople)
      .values({ actorId, name: person.name, role: 'Présidente', email: person.email, phone: person.phone });
    await db.insert(contactLogs).values({
      actorId,
      kind: 'meeting',
      occurredAt: new Date(),
      subject: 'Rencontre annuelle',
      people: `${person.name}, Jean Autre`,
      notes: `Rappeler au ${person.phone}.`,
      authorId: userId,
    });
    await db
      .insert(actorHistory)
      .values({ actorId, userId, action: 'update', changes: { email: [null, person.email] } });
    await db.insert(notifications).values({ userId, kind: 'contactRequest', title: 'Pour vous' });
    await db
      .insert(notifications)
      .values({ userId: other.user.id, kind: 'contactRequest', title: `${person.name} vous propose un partenariat` });
    await db.insert(outbox).values({ recipient: person.email, subject: 'Bienvenue', body: `Bonjour ${person.name}` });
    await recordConsent(db, { userId }, 'contact', true, { recordedBy: userId, source: 'test' });
    proposalId = (await insertDialogue(db, { proposal: userId, comment: other.user.id })).proposalId;
  });
  afterAll(() => database.close());

  it('the fixture holds the person’s data in many places (the scan can find it)', async () => {
    const found = await columnsHolding(database.db, [person.email, person.name, person.phone], ['audit_entries']);
    expect(found).toEqual(
      expect.arrayContaining(['users.email', 'actor_people.name', 'contact_logs.people', 'actor_history.changes']),
    );
  });

  it('keeps one pending request at a time, and a refusal needs a reason', async () => {
    const me = {
      id: userId,
      email: person.email,
      displayName: person.name,
      role: 'member' as const,
      actorId,
      locale: 'fr',
    };
    const first = await requestErasure(database.db, me);
    expect(first.status).toBe('pending');
    expect(await kind(requestErasure(database.db, me))).toBe('conflict');
    expect(await kind(decideErasure(database.db, animator.user, first.id, { decision: 'refuse' }))).toBe('invalid');
    expect(await kind(decideErasure(database.db, other.user, first.id, { decision: 'erase' }))).toBe('forbidden');
  });

  it('erases the account everywhere in one go, and keeps what they wrote', async () => {
    const db = database.db;
    const [pending] = await db.select().from(users).where(eq(users.id, userId));
    expect(pending?.erasedAt).toBeNull();
    const { items } = await import('./erasure-requests.js').then((m) => m.erasureQueue(db, animator.user, 'pending'));
    const request = items.find((i) => i.userId === userId);
    expect(request?.displayName).toBe(person.name);

    const decided = await decideErasure(db, animator.user, request?.id ?? '', { decision: 'erase' });
    expect(decided.status).toBe('done');
    expect(decided.displayName).toBe(erasedName);

    expect(await columnsHolding(db, [person.email, person.name, person.phone], ['audit_entries'])).toEqual([]);
    const [account] = await db.select().from(users).where(eq(users.id, userId));
    expect(account).toMatchObject({ displayName: erasedName, passwordHash: null, communeCode: null });
    expect(account?.erasedAt).not.toBeNull();
    expect(account?.disabledAt).not.toBeNull();
    expect(account?.email).toMatch(/@efface\.invalid$/);
    expect(await db.$count(sessions, eq(sessions.userId, userId))).toBe(0);
    expect(await db.$count(notifications, eq(notifications.userId, userId))).toBe(0);
    // History kept: the proposal and the contact log still point to the (anonymised) account.
    const [proposal] = await db.select().from(proposals).where(eq(proposals.id, proposalId));
    expect(proposal?.authorUserId).toBe(userId);
    expect(await db.$count(contactLogs, eq(contactLogs.authorId, userId))).toBe(1);
    // The other member's notification is kept, without the name.
    const [theirs] = await db.select().from(notifications).where(eq(notifications.userId, other.user.id));
    expect(theirs?.title).toBe(`${erasedName} vous propose un partenariat`);
    // The decided request is no longer pending.
    expect(await kind(decideErasure(db, animator.user, request?.id ?? '', { decision: 'refuse', reason: 'x' }))).toBe(
      'conflict',
    );
  });

  it('erases a listed person directly (staff only), the same way', async () => {
    const db = database.db;
    const listed = { name: 'Théophile Brancardier', email: 'theo.brancardier@exemple.org', phone: '04 90 11 22 33' };
    const [row] = await db
      .insert(actorPeople)
      .values({ actorId, ...listed })
      .returning();
    await db.insert(contactLogs).values({
      actorId,
      kind: 'call',
      occurredAt: new Date(),
      subject: 'Appel',
      people: listed.name,
      authorId: animator.user.id,
    });
    await recordConsent(db, { personId: row?.id ?? '' }, 'emails', true, {
      recordedBy: animator.user.id,
      source: 'appel',
    });
    expect(await kind(erasePerson(db, other.user, row?.id ?? ''))).toBe('forbidden');
    await erasePerson(db, animator.user, row?.id ?? '');
    expect(await columnsHolding(db, Object.values(listed), ['audit_entries'])).toEqual([]);
    const [after] = await db
      .select()
      .from(actorPeople)
      .where(eq(actorPeople.id, row?.id ?? ''));
    expect(after).toMatchObject({ name: erasedName, email: null, phone: null });
  });

  it('staff erase an account directly, never their own', async () => {
    expect(await kind(eraseAccount(database.db, animator.user, animator.user.id))).toBe('conflict');
    const target = await signedInAs(database.db, 'citizen');
    await eraseAccount(database.db, animator.user, target.user.id);
    expect(await columnsHolding(database.db, [target.user.email], ['audit_entries'])).toEqual([]);
  });

  it('rewrites only declared free-text columns, all of which exist in the schema', async () => {
    const columns = new Map((await publicColumns(database.db)).map((c) => [`${c.table}.${c.column}`, c.dataType]));
    const declared: [string, string[]][] = Object.entries(scrubbedColumns).flatMap(
      ([table, { columns: text, json = [] }]) => [
        ...text.map((c): [string, string[]] => [`${table}.${c}`, ['text', 'character varying']]),
        ...json.map((c): [string, string[]] => [`${table}.${c}`, ['jsonb']]),
      ],
    );
    expect(declared.filter(([ref, types]) => !types.includes(columns.get(ref) ?? ''))).toEqual([]);
    for (const reference of ['communes', 'actors', 'scdl_grants', 'users', 'audit_entries']) {
      expect(Object.keys(scrubbedColumns)).not.toContain(reference);
    }
  });

  it('matches full names as whole words, and leaves organisation names and places alone', async () => {
    const db = database.db;
    const orgName = 'Atelier Vélo Solidaire';
    const [org] = await db.insert(actors).values({ family: 'association', name: orgName }).returning();
    // A member whose display name is their organisation's name, and one known by a first name only.
    const [same] = await db
      .insert(users)
      .values({ email: 'atelier.velo@exemple.org', displayName: orgName, role: 'member', actorId: org?.id })
      .returning();
    const [nicolas] = await db
      .insert(users)
      .values({ email: 'nico@exemple.org', displayName: 'Nicolas', role: 'member' })
      .returning();
    const [listed] = await db.insert(actorPeople).values({ actorId, name: 'Nicolas Martin' }).returning();
    const notes = 'Fête à Saint-Nicolas Martin-Dupré, chez Nicolas Martinez, puis à Saint-Nicolas.';
    const [log] = await db
      .insert(contactLogs)
      .values({
        actorId,
        kind: 'meeting',
        occurredAt: new Date(),
        subject: 'Visite',
        people: 'Nicolas Martin, Nicolas',
        notes,
        authorId: animator.user.id,
      })
      .returning();
    await eraseAccount(db, animator.user, same?.id ?? '');
    await eraseAccount(db, animator.user, nicolas?.id ?? '');
    await erasePerson(db, animator.user, listed?.id ?? '');
    const [organisation] = await db
      .select()
      .from(actors)
      .where(eq(actors.id, org?.id ?? ''));
    expect(organisation?.name).toBe(orgName);
    const [after] = await db
      .select()
      .from(contactLogs)
      .where(eq(contactLogs.id, log?.id ?? ''));
    // « Nicolas » alone is no needle; « Nicolas Martin » only as whole words.
    expect(after).toMatchObject({ people: `${erasedName}, Nicolas`, notes });
  });

  it('re-erasing a person changes nothing and never searches for the placeholders', async () => {
    const db = database.db;
    const [row] = await db
      .insert(actorPeople)
      .values({ actorId, name: 'Honorine Vasseur', email: 'honorine.vasseur@exemple.org' })
      .returning();
    const first = await erasePerson(db, animator.user, row?.id ?? '');
    const text = 'Fiche : une personne effacée du fichier, [adresse effacée].';
    const [log] = await db
      .insert(contactLogs)
      .values({ actorId, kind: 'call', occurredAt: new Date(), subject: 'Appel', notes: text })
      .returning();
    const again = await erasePerson(db, animator.user, row?.id ?? '');
    expect(again.erasedAt).toBe(first.erasedAt);
    const [after] = await db
      .select()
      .from(contactLogs)
      .where(eq(contactLogs.id, log?.id ?? ''));
    expect(after?.notes).toBe(text);
  });

  it('lets only an admin erase a staff account, never the last active admin', async () => {
    const db = database.db;
    const admin = await signedInAs(db, 'admin');
    const otherAdmin = await signedInAs(db, 'admin');
    const otherAnimator = await signedInAs(db, 'animator');
    expect(await kind(eraseAccount(db, animator.user, otherAnimator.user.id))).toBe('forbidden');
    expect(await kind(eraseAccount(db, animator.user, admin.user.id))).toBe('forbidden');
    const request = await requestErasure(db, otherAdmin.user);
    expect(await kind(decideErasure(db, animator.user, request.id, { decision: 'erase' }))).toBe('forbidden');
    expect(await kind(eraseAccount(db, admin.user, admin.user.id))).toBe('conflict');
    expect(await kind(eraseAccount(db, admin.user, otherAnimator.user.id))).toBe('ok');
    // `admin` disabled meanwhile (a session still open): `otherAdmin` is the last active admin.
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, admin.user.id));
    expect(await kind(decideErasure(db, admin.user, request.id, { decision: 'erase' }))).toBe('conflict');
    await db.update(users).set({ disabledAt: null }).where(eq(users.id, admin.user.id));
    expect((await decideErasure(db, admin.user, request.id, { decision: 'erase' })).status).toBe('done');
  });
});
