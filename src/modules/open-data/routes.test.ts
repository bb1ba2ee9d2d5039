import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { actorPeople, actors } from '../actors/schema.js';
import { validateFile } from '../funding/grants/validate.js';
import { contributions, partnershipPartners, partnerships } from '../partnerships/schema.js';
import { datasetSchema, schemaFile } from './datasets.js';

// The demo directory plus planted records: what must never leave the platform (people, restricted identifiers, a
// partnership not every partner agreed to publish, a published one's contributions) and cells that look like formulas.
const planted = {
  personName: 'Gaspard Secretnom',
  personEmail: 'gaspard.secret@example.org',
  personPhone: '06 99 88 77 66',
  actorEmail: 'contact-prive@example.org',
  actorPhone: '04 42 00 11 22',
  actorAddress: '12 rue du Secret',
  hiddenSiret: '73282932000074',
  formulaName: '=HYPERLINK("http://evil.example","clic")',
  formulaDescription: '+33 actions solidaires',
  draftTitle: 'Partenariat confidentiel en préparation',
  contribution: 'Don de matériel confidentiel',
};

describe('open data', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let formulaActorId = '';

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    const [formula] = await t.db
      .insert(actors)
      .values({
        family: 'association',
        name: planted.formulaName,
        description: planted.formulaDescription,
        communeCode: '13001',
        email: planted.actorEmail,
        phone: planted.actorPhone,
        address: planted.actorAddress,
        siret: planted.hiddenSiret,
        // The organisation shows its e-mail, phone and address publicly but its SIRET to animators only.
        fieldVisibility: { email: 'public', phone: 'public', address: 'public', siret: 'animators' },
      })
      .returning({ id: actors.id });
    formulaActorId = formula?.id ?? '';
    // More actors than one page of the export's reading (500), so that the pages follow each other.
    await t.db
      .insert(actors)
      .values(Array.from({ length: 520 }, (_, i) => ({ family: 'company' as const, name: `Entreprise ${i}` })));
    await t.db.insert(actorPeople).values({
      actorId: formulaActorId,
      name: planted.personName,
      email: planted.personEmail,
      phone: planted.personPhone,
      visibility: 'public',
    });
    const [draft] = await t.db
      .insert(partnerships)
      .values({ title: planted.draftTitle, mode: 'support' })
      .returning({ id: partnerships.id });
    await t.db.insert(partnershipPartners).values({ partnershipId: draft?.id ?? '', actorId: formulaActorId });
    const [published] = await t.db
      .insert(partnerships)
      .values({ title: 'Partenariat publié', mode: 'economicCooperation', publishedAt: new Date() })
      .returning({ id: partnerships.id });
    await t.db.insert(partnershipPartners).values({ partnershipId: published?.id ?? '', actorId: formulaActorId });
    await t.db.insert(contributions).values({
      partnershipId: published?.id ?? '',
      actorId: formulaActorId,
      nature: 'inKind',
      description: planted.contribution,
    });
  });
  afterAll(() => t.close());

  const download = (file: string) => t.app.inject({ method: 'GET', url: `/api/v1/open-data/${file}` });
  const rowsOf = (csv: string) => parse(csv, { columns: true }) as Record<string, string>[];

  it.each(['actors', 'partnerships'] as const)(
    'exports %s as a dated UTF-8 CSV valid against its schema',
    async (dataset) => {
      const res = await download(`${dataset}.csv`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="alliances-[a-z]+-\d{4}-\d{2}-\d{2}\.csv"/,
      );
      expect(res.rawPayload[0]).not.toBe(0xef); // no byte order mark
      const validation = validateFile(datasetSchema(dataset), res.rawPayload);
      expect(validation.findings).toEqual([]);
      expect(validation.delimiter).toBe(',');
      expect(validation.accepted.length).toBeGreaterThan(0);
    },
  );

  it('lists every actor of the directory with its public fields only', async () => {
    const csv = (await download('actors.csv')).payload;
    const rows = rowsOf(csv);
    expect(rows).toHaveLength(await t.db.$count(actors));
    const region = rows.find((r) => r.name === "Région Provence-Alpes-Côte d'Azur");
    expect(region?.family).toBe('publicAuthority');
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    const formula = rows.find((r) => r.id === formulaActorId);
    expect(formula?.siret).toBe('');
    expect(formula?.communeName).toBe('Aix-en-Provence');
    expect(formula?.updatedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const secret of [
      planted.personName,
      planted.personEmail,
      planted.personPhone,
      planted.actorEmail,
      planted.actorPhone,
      planted.actorAddress,
      planted.hiddenSiret,
    ]) {
      expect(csv).not.toContain(secret);
    }
    // Nor any person, e-mail or phone of the demo directory.
    const people = await t.db.select().from(actorPeople);
    const organisations = await t.db.select({ email: actors.email, phone: actors.phone }).from(actors);
    const personal = [
      ...people.flatMap((p) => [p.name, p.email, p.phone]),
      ...organisations.flatMap((o) => [o.email, o.phone]),
    ].filter((v): v is string => !!v);
    expect(personal.length).toBeGreaterThan(3);
    for (const value of personal) expect(csv).not.toContain(value);
  });

  it('neutralises cells that a spreadsheet would read as formulas', async () => {
    const formula = rowsOf((await download('actors.csv')).payload).find((r) => r.id === formulaActorId);
    expect(formula?.name).toBe(`'${planted.formulaName}`);
    expect(formula?.description).toBe(`'${planted.formulaDescription}`);
  });

  it('lists the published partnerships only, without contributions nor people', async () => {
    const csv = (await download('partnerships.csv')).payload;
    const rows = rowsOf(csv);
    const drafts = await t.db
      .select({ title: partnerships.title })
      .from(partnerships)
      .where(isNull(partnerships.publishedAt));
    expect(drafts.length).toBeGreaterThan(1);
    for (const draft of drafts) expect(rows.map((r) => r.title)).not.toContain(draft.title);
    expect(csv).not.toContain(planted.draftTitle);
    expect(csv).not.toContain(planted.contribution);
    expect(csv).not.toContain(planted.personName);
    const published = rows.find((r) => r.title === 'Partenariat publié');
    expect(published?.partnerNames).toBe(`'${planted.formulaName}`);
    expect(published?.partnerIds).toBe(formulaActorId);
    expect(published?.mode).toBe('economicCooperation');
    const demo = rows.filter((r) => r.title !== 'Partenariat publié');
    expect(demo.length).toBeGreaterThan(0);
    expect(demo.every((r) => r.partnerNames?.includes(';'))).toBe(true);
  });

  it.each(['actors', 'partnerships'] as const)('serves the schema of %s as stored', async (dataset) => {
    const res = await download(`${dataset}.schema.json`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.payload).toBe(readFileSync(schemaFile(dataset), 'utf8'));
  });
});
