// The SCDL grants through the HTTP API and the import service, on a real database: the real files imported with their
// reports stored exactly as found, re-imports adding nothing, the directory's organisations linked, the list with its
// filters and totals, and the export, which passes the schema.
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../../tests/auth.js';
import { callerOf, fieldsOf } from '../../../../tests/http.js';
import { actors } from '../../actors/schema.js';
import type { ScdlIssueView } from './contract.js';
import {
  cellErrors,
  expected,
  fillableColumnsMissing,
  found,
  hauteGaronneFindings,
  type ScdlFixture,
  scdlFixture,
} from './fixtures.js';
import { importGrantFile, recordHash } from './imports.js';
import { scdlGrants, scdlImportIssues, scdlImports } from './schema.js';
import { scdlSchema } from './table-schema.js';
import { validateFile } from './validate.js';

const base = '/api/v1/funding/grants';

describe('SCDL grants: import, report, list and export', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let animator: SignedIn;
  let observer: SignedIn;
  let member: SignedIn;
  let roques: string;
  let tennisClub: string;
  const call = callerOf(() => t.app);

  const upload = async (body: Buffer, fileName: string, who: SignedIn | null = animator) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `${base}/imports?fileName=${encodeURIComponent(fileName)}`,
      headers: { ...(who?.headers ?? {}), 'content-type': 'text/csv' },
      payload: body,
    });
    return { status: res.statusCode, headers: res.headers, body: res.json() };
  };
  const importFixture = (name: ScdlFixture) => upload(scdlFixture(name), name);
  const counts = async () => ({
    imports: (await t.db.select({ n: count() }).from(scdlImports))[0]?.n,
    issues: (await t.db.select({ n: count() }).from(scdlImportIssues))[0]?.n,
    grants: (await t.db.select({ n: count() }).from(scdlGrants))[0]?.n,
  });
  /** Every finding an import stored, read back page by page through the report. */
  const storedFindings = async (id: string) => {
    const all: ScdlIssueView[] = [];
    for (let page = 1; ; page++) {
      const res = await call(observer, 'GET', `${base}/imports/${id}?page=${page}&pageSize=200`);
      expect(res.status).toBe(200);
      all.push(...res.body.issues.items);
      if (all.length >= res.body.issues.total) return found(all);
    }
  };

  beforeAll(async () => {
    t = await createTestApp();
    animator = await signedInAs(t.db, 'animator');
    observer = await signedInAs(t.db, 'observer');
    const rows = await t.db
      .insert(actors)
      .values([
        { family: 'publicAuthority', name: 'Commune de Roques', siret: '21310458100011' },
        { family: 'association', name: 'Tennis Roques Olympic Club', siret: '44137080600016' },
        { family: 'association', name: 'Antibes Rallye Association', rna: 'W322216459' },
      ])
      .returning({ id: actors.id });
    roques = rows[0]?.id ?? '';
    tennisClub = rows[1]?.id ?? '';
    member = await signedInAs(t.db, 'member', tennisClub);
  });
  afterAll(() => t.close());

  it('accepts the valid example: every line imported, only its deviations of structure reported; a re-import adds nothing', async () => {
    const res = await importFixture('exemple_valide.csv');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      fileName: 'exemple_valide.csv',
      delimiter: ',',
      encoding: 'utf-8',
      rows: 29,
      imported: 29,
      rejected: 0,
      errors: 0,
      warnings: 3,
    });
    expect(await storedFindings(res.body.id)).toEqual(
      expected([...fillableColumnsMissing, [1, 'dispositifAide', 'extra-label', 'structure']]),
    );
    const again = await importFixture('exemple_valide.csv');
    expect([again.status, again.body.rows, again.body.imported, again.body.rejected]).toEqual([201, 29, 0, 0]);
    expect((await counts()).grants).toBe(29);
    // Through the service too: the same grants, nothing added.
    const viaService = await importGrantFile(t.db, animator.user, {
      fileName: 'copie.csv',
      content: scdlFixture('exemple_valide.csv'),
    });
    expect(viaService.imported).toBe(0);
  });

  it('reports exactly the errors of the invalid examples, imports none of their lines, and says so', async () => {
    const before = await counts();
    const cells = await importFixture('exemple_invalide_erreurs_cellules.csv');
    expect(cells.body).toMatchObject({ rows: 29, imported: 0, rejected: 29, errors: 64, warnings: 2 });
    expect(await storedFindings(cells.body.id)).toEqual(expected([...fillableColumnsMissing, ...cellErrors]));
    const columns = await importFixture('exemple_invalide_erreurs_colonnes.csv');
    expect(columns.body).toMatchObject({ rows: 29, imported: 0, rejected: 29 });
    expect(await storedFindings(columns.body.id)).toEqual(
      expected([
        ...fillableColumnsMissing,
        [1, 'NOM_Beneficiaire', 'extra-label', 'structure'],
        [1, 'nomBeneficiaire', 'missing-label', 'refused'],
        ...cellErrors,
      ]),
    );
    expect((await counts()).grants).toBe(before.grants);

    // The report: its findings summed by column and code, filtered, each with its message in words.
    const report = await call(observer, 'GET', `${base}/imports/${cells.body.id}?outcome=refused&column=idAttribuant`);
    expect(report.body.issues.total).toBe(29);
    expect(report.body.summary).toContainEqual({
      severity: 'error',
      outcome: 'refused',
      column: 'idBeneficiaire',
      code: 'french-siret-value',
      count: 20,
    });
    const line7 = report.body.issues.items.find((i: { line: number }) => i.line === 7);
    expect(line7).toMatchObject({
      code: 'pattern',
      outcome: 'refused',
      value: '218601946',
      messageCode: 'scdlPattern',
      message: 'Format non respecté (par exemple 23350001600040)\u202f: ligne refusée.',
    });
    const warnings = await call(observer, 'GET', `${base}/imports/${cells.body.id}?outcome=structure`);
    expect(warnings.body.issues.items.map((i: { message: string }) => i.message)).toEqual([
      'Colonne obligatoire absente\u202f: chaque ligne est importée avec «\u00a0Non renseigné\u00a0».',
      'Colonne obligatoire absente\u202f: chaque ligne est importée avec «\u00a0Non renseigné\u00a0».',
    ]);
    // Line 8's period `2017-06-27_2018-06-27` is the schema error it is: its line is refused.
    const line8 = await call(observer, 'GET', `${base}/imports/${cells.body.id}?column=datesPeriodeVersement`);
    expect(line8.body.issues.items).toMatchObject([
      { line: 8, code: 'pattern', outcome: 'refused', messageCode: 'scdlPattern' },
    ]);

    const csv = await call(observer, 'GET', `${base}/imports/${cells.body.id}/issues.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toContain('rapport-exemple_invalide_erreurs_cellules.csv');
    const lines = csv.text
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Ligne;Colonne;Résultat;Code;Constat;Valeur;Message');
    expect(lines).toHaveLength(1 + 64 + 2);
    expect(lines).toContain(
      '6;montant;Non conforme — ligne refusée;type-error;Type de valeur;100000,1;Nombre illisible\u202f: chiffres et point décimal attendus (ex. 47800.20), sans espace ni virgule.',
    );
    expect(lines).toContain(
      '1;idServiceInstructeur;Écart de structure;missing-label;Colonne absente;;Colonne obligatoire absente\u202f: chaque ligne est importée avec «\u00a0Non renseigné\u00a0».',
    );
  });

  it('neutralises formulas in the findings CSV: the column names and values come from the uploaded file', async () => {
    const res = await upload(Buffer.from('nomAttribuant,=HYPERLINK(A1),montant\nX,y,@SUM(1)\n'), 'f.csv');
    const csv = await call(observer, 'GET', `${base}/imports/${res.body.id}/issues.csv`);
    const lines = csv.text
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines).toContain(
      "1;'=HYPERLINK(A1);Écart de structure;extra-label;Colonne inconnue;;Colonne inconnue du schéma SCDL\u202f: ignorée.",
    );
    expect(lines.find((l) => l.startsWith('2;montant;'))).toContain(";'@SUM(1);");
    expect(lines.every((l) => !/;[=+\-@]/.test(l))).toBe(true);
  });

  it('imports Haute-Garonne’s file with its deviations, Sicoval’s grants incomplete, linking the directory’s organisations', async () => {
    const before = await counts();
    const res = await importFixture('haute-garonne-2017.csv');
    expect(res.body).toMatchObject({ delimiter: ';', rows: 69, imported: 68, rejected: 1, errors: 5 });
    expect((await counts()).grants).toBe((before.grants ?? 0) + 68);
    expect(await storedFindings(res.body.id)).toEqual(expected(hauteGaronneFindings));
    const outcomes = await Promise.all(
      (['refused', 'repaired', 'incomplete', 'structure'] as const).map(async (outcome) => {
        const r = await call(observer, 'GET', `${base}/imports/${res.body.id}?outcome=${outcome}&pageSize=1`);
        return [outcome, r.body.issues.total, r.body.issues.items[0]?.outcome];
      }),
    );
    expect(outcomes).toEqual([
      ['refused', 5, 'refused'],
      ['repaired', 68 + 68 + 40, 'repaired'],
      ['incomplete', 28, 'incomplete'],
      ['structure', 2, 'structure'],
    ]);
    const list = await call(observer, 'GET', `${base}?attributor=21310458100011&pageSize=100`);
    expect([list.body.total, list.body.totalAmount]).toEqual([40, 132733.5]);
    expect(list.body.items.every((g: { attributorActorId: string }) => g.attributorActorId === roques)).toBe(true);
    const tennis = await call(observer, 'GET', `${base}?beneficiaryActorId=${tennisClub}`);
    expect(
      tennis.body.items.map((g: { beneficiaryName: string; amount: number }) => [g.beneficiaryName, g.amount]),
    ).toEqual([
      ['TENNIS ROQUES OLYMPIC CLUB', 2400],
      ['TENNIS ROQUES OLYMPIC CLUB', 2400],
      ['TENNIS ROQUES OLYMPIC CLUB', 2700],
    ]);
    const byRna = await call(observer, 'GET', `${base}?q=rallye`);
    expect(byRna.body.items.map((g: { beneficiaryActorId: string | null }) => g.beneficiaryActorId !== null)).toEqual([
      true,
    ]);
  });

  it('lists the grants with their filters, totals and choices', async () => {
    const all = await call(observer, 'GET', `${base}?pageSize=10`);
    expect([all.status, all.body.total, all.body.items.length, all.body.totalAmount]).toEqual([
      200, 97, 10, 3172952.35,
    ]);
    expect(all.body.attributors).toEqual([
      { siret: '21060004500392', name: 'ANTIBES', count: 29 },
      { siret: '24310063300011', name: 'COMMUNAUTE D AGGLOMERATION DU SICOVAL', count: 28 },
      { siret: '21310458100011', name: 'COMMUNE DE ROQUES', count: 40 },
    ]);
    // Sicoval's grants, imported without their payment period: counted, and named by what they miss.
    expect(all.body.incomplete).toEqual({
      total: 28,
      missing: [{ field: 'datesPeriodeVersement', title: 'Date ou période de versement', count: 28 }],
    });
    const antibes = await call(observer, 'GET', `${base}?attributor=21060004500392`);
    expect(antibes.body.incomplete).toEqual({ total: 0, missing: [] });
    expect(all.body.years).toEqual([2018, 2017, 2016, 2015, 2014, 2013, 2012, 2011]);
    const roques2017 = await call(observer, 'GET', `${base}?attributor=21310458100011&year=2017`);
    expect([roques2017.body.total, roques2017.body.totalAmount]).toEqual([20, 56463.5]);
    const text = await call(observer, 'GET', `${base}?q=${encodeURIComponent('numéraire')}`);
    expect(text.body.total).toBe(0);
    const accents = await call(observer, 'GET', `${base}?q=${encodeURIComponent('Cathédrale')}`);
    expect(accents.body.items.map((g: { beneficiaryName: string }) => g.beneficiaryName)).toEqual([
      'GRANDES HEURES DE LA CATHEDRALE',
    ]);
    const bad = await call(observer, 'GET', `${base}?attributor=123&year=abc`);
    expect([bad.status, fieldsOf(bad.body)]).toEqual([
      400,
      [
        ['attributor', 'invalidSiret'],
        ['year', 'invalid'],
      ],
    ]);
  });

  it('exports the grants in the SCDL format, every column in the schema’s order, passing the schema', async () => {
    const res = await call(observer, 'GET', `${base}.csv`);
    expect([res.status, res.type, res.headers['content-disposition']]).toEqual([
      200,
      'text/csv; charset=utf-8',
      'attachment; filename="subventions-scdl.csv"; filename*=UTF-8\'\'subventions-scdl.csv',
    ]);
    const names = scdlSchema().fields.map((f) => f.name);
    expect(res.text.split('\r\n')[0]).toBe(names.join(','));
    // Everything imported but the 28 incomplete grants, which would not pass the schema: left out, and said so.
    expect([res.headers['x-scdl-excluded'], res.headers['x-scdl-excluded-missing']]).toEqual([
      '28',
      'datesPeriodeVersement',
    ]);
    const validation = validateFile(scdlSchema(), Buffer.from(res.text));
    expect(validation.findings).toEqual([]);
    expect([validation.rows, validation.accepted.length]).toEqual([97 - 28, 97 - 28]);
    const exported = new Set(validation.accepted.map((a) => recordHash(a.record)));
    const stored = await t.db.select({ hash: scdlGrants.recordHash, record: scdlGrants.record }).from(scdlGrants);
    expect(stored.filter((g) => !exported.has(g.hash)).map((g) => g.record.datesPeriodeVersement)).toEqual(
      Array(28).fill(''),
    );
    // Imported again, the export is the same grants.
    const again = await upload(Buffer.from(res.text), 'export.csv');
    expect([again.body.imported, again.body.warnings, again.body.errors]).toEqual([0, 0, 0]);
    const filtered = await call(observer, 'GET', `${base}.csv?attributor=21060004500392`);
    expect(filtered.text.trim().split('\r\n')).toHaveLength(30);
    expect(filtered.headers['x-scdl-excluded']).toBe('0');
  });

  it('refuses a bad upload with a problem naming the file, and changes nothing', async () => {
    const before = await counts();
    const empty = await upload(Buffer.alloc(0), 'vide.csv');
    expect([empty.status, fieldsOf(empty.body)]).toEqual([422, [['file', 'fileEmpty']]]);
    const big = await upload(Buffer.alloc(10 * 1024 * 1024 + 1, 0x61), 'gros.csv');
    expect([big.status, big.headers['content-type'], fieldsOf(big.body)]).toEqual([
      413,
      'application/problem+json; charset=utf-8',
      [['file', 'importFileTooLarge']],
    ]);
    const noName = await t.app.inject({
      method: 'POST',
      url: `${base}/imports`,
      headers: { ...animator.headers, 'content-type': 'text/csv' },
      payload: 'a,b\n',
    });
    expect([noName.statusCode, fieldsOf(noName.json())]).toEqual([400, [['fileName', 'required']]]);
    expect((await upload(scdlFixture('exemple_valide.csv'), 'x.csv', observer)).status).toBe(403);
    expect((await upload(scdlFixture('exemple_valide.csv'), 'x.csv', member)).status).toBe(403);
    expect((await upload(scdlFixture('exemple_valide.csv'), 'x.csv', null)).status).toBe(401);
    expect(await counts()).toEqual(before);
    const unknown = await call(observer, 'GET', `${base}/imports/${crypto.randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect((await call(member, 'GET', base)).status).toBe(403);
  });

  it('lists the imports, newest first', async () => {
    const res = await call(observer, 'GET', `${base}/imports?pageSize=3`);
    expect(res.body.total).toBe(8);
    expect(res.body.items.map((i: { fileName: string }) => i.fileName)).toEqual([
      'export.csv',
      'haute-garonne-2017.csv',
      'f.csv',
    ]);
  });
});
