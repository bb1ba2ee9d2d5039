import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../../../tests/auth.js';
import { createTestDatabase } from '../../../tests/db.js';
import type { Database } from '../../db/client.js';
import type { CurrentUser } from '../accounts/service.js';
import { actors } from '../actors/schema.js';
import { partnershipEvents, partnershipPartners, partnerships } from '../partnerships/schema.js';
import { loadDemoContacts, parisInstant } from './demo.js';
import { contactLogs } from './schema.js';
import { listFollowUps } from './service.js';

const file = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../../assets/demo/contacts.json'), 'utf8'),
) as { contacts: { actor: string; partnershipWith?: string[] }[] };

describe('contacts demo data', () => {
  let database: Database;
  let animatrice: CurrentUser;
  let pertuisDuo: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    const names = [...new Set(file.contacts.flatMap((c) => [c.actor, ...(c.partnershipWith ?? [])]))];
    const ids = new Map<string, string>();
    for (const name of names) {
      const [row] = await db.insert(actors).values({ family: 'association', name }).returning({ id: actors.id });
      if (row) ids.set(name, row.id);
    }
    // Only the Pertuis partnership exists: the other links are skipped.
    const [p] = await db.insert(partnerships).values({ title: 'Insertion chez Pellenc', mode: 'support' }).returning();
    pertuisDuo = p?.id ?? '';
    await db.insert(partnershipPartners).values(
      ['CBE Sud Luberon', 'Pellenc', 'Ville de Pertuis'].map((n) => ({
        partnershipId: pertuisDuo,
        actorId: ids.get(n) ?? '',
      })),
    );
    const admin = (await signedInAs(db, 'admin')).user;
    animatrice = (await signedInAs(db, 'animator')).user;
    const member = (await signedInAs(db, 'member', ids.get('Charlie Free') ?? null)).user;
    const summary = await loadDemoContacts(db, {
      system: admin,
      actorIds: ids,
      publicUrl: 'http://localhost:3000',
      users: new Map([
        ['animatrice@demo.alliances.local', animatrice],
        ['charlie-free@demo.alliances.local', member],
      ]),
    });
    expect(summary).toBe(`${file.contacts.length} demo contacts (2 about a partnership)`);
  });
  afterAll(() => database.close());

  it('holds 10 to 15 contacts, linked to the partnership found by its partners, on its timeline', async () => {
    const { db } = database;
    expect(file.contacts.length).toBeGreaterThanOrEqual(10);
    expect(file.contacts.length).toBeLessThanOrEqual(15);
    expect(await db.$count(contactLogs)).toBe(file.contacts.length);
    expect(await db.$count(contactLogs, eq(contactLogs.partnershipId, pertuisDuo))).toBe(2);
    expect(await db.$count(partnershipEvents, eq(partnershipEvents.partnershipId, pertuisDuo))).toBe(2);
  });

  it('gives the animator overdue follow-ups and some due this week', async () => {
    const page = await listFollowUps(database.db, animatrice, { page: 1, pageSize: 100, assignedByMe: false });
    const overdue = page.items.filter((f) => f.overdue);
    const week = page.items.filter((f) => !f.overdue && f.dueOn !== null && f.dueOn <= addDays(page.today, 6));
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    expect(week.length).toBeGreaterThanOrEqual(3);
    // The done one is not listed.
    const descriptions = page.items.map((f) => f.description);
    expect(descriptions).toContain('Identifier deux entreprises disposant de locaux à Aix');
    expect(descriptions.some((d) => d.startsWith('Publier le besoin'))).toBe(false);
  });

  it('reads times as Paris wall-clock time', () => {
    expect(parisInstant('2026-01-15', '10:00')).toBe('2026-01-15T09:00:00.000Z');
    expect(parisInstant('2026-07-15', '10:00')).toBe('2026-07-15T08:00:00.000Z');
  });
});

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
