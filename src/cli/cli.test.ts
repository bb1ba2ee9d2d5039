import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../tests/db.js';
import { loadConfig } from '../config.js';
import type { Database } from '../db/client.js';
import { resetPassword } from '../modules/accounts/password-resets.js';
import { outbox, users } from '../modules/accounts/schema.js';
import { signIn } from '../modules/accounts/service.js';
import { actors } from '../modules/actors/schema.js';
import { partnerSuggestions } from '../modules/matching/schema.js';
import { needsOffers } from '../modules/needs-offers/schema.js';
import { runCli, usage } from './commands.js';

describe('CLI', () => {
  let database: Database;
  const config = { ...loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'https://alliances.example.org/' }), demoData: false };

  /** Runs a command against the test database, capturing what it prints. */
  const run = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, {
      config,
      db: database.db,
      io: { out: (l) => out.push(l), err: (l) => err.push(l) },
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('create-admin creates an admin without a password and prints a one-time link that sets it', async () => {
    const { code, out, err } = await run('create-admin', 'Direction@Exemple.fr', '--name', 'Dominique Direction');
    expect(err).toBe('');
    expect(code).toBe(0);
    const link = out.match(/https:\/\/alliances\.example\.org\/reinitialiser\/([A-Za-z0-9_-]{43})/);
    expect(link).not.toBeNull();
    expect(out).not.toContain('direction@exemple.fr');

    const [user] = await database.db.select().from(users).where(eq(users.email, 'direction@exemple.fr'));
    expect(user).toMatchObject({ role: 'admin', displayName: 'Dominique Direction', passwordHash: null });
    const [mail] = await database.db.select().from(outbox).where(eq(outbox.recipient, 'direction@exemple.fr'));
    expect(mail?.body).toContain(link?.[0]);

    // The link sets the password once; then the admin signs in.
    await resetPassword(database.db, link?.[1] ?? '', 'le mot de passe de la direction');
    const session = await signIn(database.db, {
      email: 'direction@exemple.fr',
      password: 'le mot de passe de la direction',
      ip: '127.0.0.1',
    });
    expect(session.user.role).toBe('admin');
  });

  it('names the admin "Administrateur" without --name', async () => {
    expect((await run('create-admin', 'sans-nom@exemple.fr')).code).toBe(0);
    const [user] = await database.db.select().from(users).where(eq(users.email, 'sans-nom@exemple.fr'));
    expect(user?.displayName).toBe('Administrateur');
  });

  it('fails with exit code 1 and a clear message on an address already used', async () => {
    const { code, out, err } = await run('create-admin', 'DIRECTION@exemple.fr');
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('Un compte existe déjà avec cette adresse.');
  });

  it('fails with exit code 1 on an invalid address, a missing one or an unknown option', async () => {
    const invalid = await run('create-admin', 'pas-une-adresse');
    expect(invalid.code).toBe(1);
    expect(invalid.err).toContain('Adresse e-mail invalide.');
    const missing = await run('create-admin');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('create-admin attend une seule adresse e-mail.');
    const option = await run('create-admin', 'x@exemple.fr', '--role', 'admin');
    expect(option.code).toBe(1);
    expect(option.err).toContain('--role');
    expect(await database.db.$count(users, eq(users.email, 'x@exemple.fr'))).toBe(0);
  });

  it('refresh-suggestions stores each actor’s suggestions and says how many, with its progress', async () => {
    const [need, offer] = await database.db
      .insert(actors)
      .values([
        { family: 'association', name: 'Théâtre du Test', communeCode: '13001', themes: ['culture-art'] },
        { family: 'company', name: 'Salles du Test', communeCode: '13001', themes: ['culture-art'] },
      ])
      .returning({ id: actors.id });
    await database.db.insert(needsOffers).values([
      { kind: 'need', actorId: need?.id ?? '', title: 'Une salle de répétition', resources: ['premises'] },
      { kind: 'offer', actorId: offer?.id ?? '', title: 'Salle de répétition à prêter', resources: ['premises'] },
    ]);
    const { code, out, err } = await run('refresh-suggestions');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('2 / 2 acteurs');
    expect(out).toMatch(/2 suggestions enregistrées pour 2 acteurs ; 1 nouvelle suggestion réciproque annoncée\./);
    expect(await database.db.$count(partnerSuggestions)).toBe(2);
  });

  it('send-digests says how many weekly digests were queued', async () => {
    expect(await run('send-digests')).toEqual({ code: 0, out: '0 résumé hebdomadaire mis en file d’envoi.', err: '' });
  });

  it('prints the help, and refuses an unknown command', async () => {
    expect(await run('help')).toEqual({ code: 0, out: usage, err: '' });
    expect((await run()).code).toBe(1);
    const unknown = await run('drop-database');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('Commande inconnue : drop-database');
  });
});
