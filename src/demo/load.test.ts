import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../tests/db.js';
import type { Database } from '../db/client.js';
import { users } from '../modules/accounts/schema.js';
import { signIn } from '../modules/accounts/service.js';
import { actors } from '../modules/actors/schema.js';
import { DemoDataRefused, demoAccounts, demoPassword, disableDemoAccounts, loadDemoData } from './load.js';

describe('demo data', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('is refused in production', async () => {
    await expect(loadDemoData(database.db, { production: true })).rejects.toBeInstanceOf(DemoDataRefused);
    expect(await database.db.$count(actors)).toBe(0);
  });

  it('loads the Pays d’Aix programme once, with an account of each role', async () => {
    const summary = await loadDemoData(database.db, { production: false });
    expect(summary).toMatch(/demo actors/);
    const names = (await database.db.select({ name: actors.name }).from(actors)).map((a) => a.name);
    for (const expected of ["Pays d'Aix Associations", 'Le Petit Duc', 'Fontaine Obscure', 'Pellenc', 'Le Rameau']) {
      expect(names).toContain(expected);
    }
    const member = await signIn(database.db, { email: demoAccounts[2].email, password: demoPassword, ip: '127.0.0.1' });
    const [charlie] = await database.db.select().from(actors).where(eq(actors.name, 'Charlie Free'));
    expect(member.user.actorId).toBe(charlie?.id);
    // A second start reuses the data.
    expect(await loadDemoData(database.db, { production: false })).toBe('');
    expect(await database.db.$count(actors)).toBe(names.length);
  });

  it('disables the demo accounts when a database is started in production', async () => {
    // The accounts of each role, and the contacts through which organisations attended the demo events.
    const demoUsers = await database.db.$count(users);
    expect(demoUsers).toBeGreaterThan(demoAccounts.length);
    expect(await disableDemoAccounts(database.db)).toBe(demoUsers);
    const rows = await database.db.select({ disabledAt: users.disabledAt }).from(users);
    expect(rows.every((r) => r.disabledAt !== null)).toBe(true);
    await expect(
      signIn(database.db, { email: demoAccounts[0].email, password: demoPassword, ip: '127.0.0.1' }),
    ).rejects.toMatchObject({ kind: 'unauthenticated' });
  });
});
