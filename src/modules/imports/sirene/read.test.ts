import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportScope, RegisterItem, RegisterOrganisation } from '../types.js';
import { readSirene, SireneLayoutError } from './read.js';
import {
  type EstablishmentRow,
  establishmentRow,
  fakeSiren,
  fakeSiret,
  type UnitRow,
  unitRow,
  type WriteOptions,
  writeSireneFiles,
} from './testing.js';

const aix = '13001';
const avignon = '84007';
const territory: ImportScope = { communeCodes: new Set([aix, '13117']), departement: null };

let root: string;
let count = 0;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'sirene-read-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Writes the two files in a fresh directory and reads them whole. */
async function read(
  rows: { units: UnitRow[]; establishments: EstablishmentRow[] },
  scope: ImportScope = territory,
  options: WriteOptions = {},
): Promise<RegisterItem[]> {
  const dir = path.join(root, String(++count));
  await mkdir(dir);
  const files = await writeSireneFiles(dir, rows, options);
  const items: RegisterItem[] = [];
  for await (const item of readSirene(files, scope)) items.push(item);
  return items;
}

const organisations = (items: RegisterItem[]): RegisterOrganisation[] =>
  items.flatMap((i) => (i.kind === 'organisation' ? [i.organisation] : []));
const rejections = (items: RegisterItem[]) => items.flatMap((i) => (i.kind === 'rejected' ? [i.rejection] : []));
const skipped = (items: RegisterItem[]) => items.flatMap((i) => (i.kind === 'skipped' ? [i] : []));

const sirenA = fakeSiren(1);
const sirenB = fakeSiren(2);
const sirenC = fakeSiren(3);

describe('readSirene', () => {
  it('keeps the scope’s establishments, joined to their unit, in the establishments file’s order', async () => {
    const items = await read({
      units: [unitRow(sirenA), unitRow(sirenB, { denominationUniteLegale: 'TRANSPORTS DU SUD' }), unitRow(sirenC)],
      establishments: [
        establishmentRow(fakeSiret(sirenB, 1), aix, { enseigne1Etablissement: 'LE RELAIS' }), // line 2
        establishmentRow(fakeSiret(sirenA, 1), avignon), // line 3: another department
        establishmentRow(fakeSiret(sirenB, 2), '13117'), // line 4
        establishmentRow(fakeSiret(sirenC, 1), '13002'), // line 5: same department, not the territory
      ],
    });
    expect(items.filter((i) => i.kind === 'organisation').map((i) => i.line)).toEqual([2, 4]);
    expect(skipped(items)).toEqual([
      { kind: 'skipped', line: 3, reason: 'outOfScope' },
      { kind: 'skipped', line: 5, reason: 'outOfScope' },
    ]);
    expect(rejections(items)).toEqual([]);
    const [relais, depot] = organisations(items);
    expect(relais).toEqual({
      source: 'sirene',
      registerId: fakeSiret(sirenB, 1),
      family: 'company',
      name: 'LE RELAIS',
      rna: null,
      siren: sirenB,
      siret: fakeSiret(sirenB, 1),
      address: '12 AVENUE DE LA REPUBLIQUE',
      postalCode: '13100',
      communeCode: aix,
      website: null,
      description: 'Information et communication (NAF 62.01Z)',
      themes: [],
      createdOn: '2012-09-15',
      status: 'active',
      companySize: 'PME',
      ess: false,
      registerUpdatedAt: '2024-02-20T08:30:00',
    } satisfies RegisterOrganisation);
    // Without a sign of its own, an establishment bears its unit's name.
    expect(depot?.name).toBe('TRANSPORTS DU SUD');
    expect(depot?.communeCode).toBe('13117');
  });

  it('takes a department’s communes, Corsica’s letters included', async () => {
    const items = await read(
      {
        units: [unitRow(sirenA), unitRow(sirenB)],
        establishments: [
          establishmentRow(fakeSiret(sirenA), '2A004'),
          establishmentRow(fakeSiret(sirenB), '2B033'),
          establishmentRow(fakeSiret(sirenB, 2), ''), // abroad: no commune code
        ],
      },
      { communeCodes: null, departement: '2A' },
    );
    expect(organisations(items).map((o) => o.communeCode)).toEqual(['2A004']);
    expect(skipped(items).map((s) => s.line)).toEqual([3, 4]);
  });

  it('rejects an establishment whose unit is not in the units file, naming the file and the line', async () => {
    const items = await read({
      units: [unitRow(sirenA)],
      establishments: [establishmentRow(fakeSiret(sirenA), aix), establishmentRow(fakeSiret(sirenB), aix)],
    });
    expect(organisations(items).map((o) => o.siren)).toEqual([sirenA]);
    expect(rejections(items)).toEqual([
      { line: 3, reason: 'unitMissing', detail: `establishments: unit ${sirenB} is not in the units file` },
    ]);
  });

  it('skips individuals whose diffusion is restricted and yields nothing of theirs', async () => {
    const person = (siren: string, diffusion: string, overrides: UnitRow = {}) =>
      unitRow(siren, {
        statutDiffusionUniteLegale: diffusion,
        categorieJuridiqueUniteLegale: '1000',
        denominationUniteLegale: '',
        ...overrides,
      });
    const items = await read({
      units: [
        person(sirenA, 'P', { prenom1UniteLegale: 'ROSALIE', nomUniteLegale: 'VERNIQUET' }),
        person(sirenB, 'O', {
          prenom1UniteLegale: 'JEAN',
          prenomUsuelUniteLegale: 'JEANNOT',
          nomUniteLegale: 'MARTIN',
        }),
        person(sirenC, 'O', { prenom1UniteLegale: 'ODILE', nomUniteLegale: 'CASTAGNOLI' }),
      ],
      establishments: [
        establishmentRow(fakeSiret(sirenA), aix, { enseigne1Etablissement: 'ATELIER ROSALIE' }), // unit P
        establishmentRow(fakeSiret(sirenB), aix), // diffusible person: named after them
        establishmentRow(fakeSiret(sirenC), aix, {
          statutDiffusionEtablissement: 'P', // the establishment itself restricted
          enseigne1Etablissement: 'CHEZ ODILE',
          libelleVoieEtablissement: 'DES CIGALES',
        }),
        establishmentRow(fakeSiret(sirenC, 2), aix, { statutDiffusionEtablissement: 'N' }),
      ],
    });
    expect(skipped(items)).toEqual([
      { kind: 'skipped', line: 4, reason: 'notDiffusible' },
      { kind: 'skipped', line: 5, reason: 'notDiffusible' },
      { kind: 'skipped', line: 2, reason: 'notDiffusible' },
    ]);
    expect(organisations(items).map((o) => o.name)).toEqual(['JEANNOT MARTIN']);
    expect(rejections(items)).toEqual([]);
    const text = JSON.stringify(items);
    for (const secret of [
      'ROSALIE',
      'VERNIQUET',
      'ODILE',
      'CASTAGNOLI',
      'CIGALES',
      fakeSiret(sirenA),
      fakeSiret(sirenC),
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('marks closed establishments, and those of a ceased unit, as closed', async () => {
    const items = await read({
      units: [unitRow(sirenA), unitRow(sirenB, { etatAdministratifUniteLegale: 'C' })],
      establishments: [
        establishmentRow(fakeSiret(sirenA, 1), aix, { etatAdministratifEtablissement: 'F' }),
        establishmentRow(fakeSiret(sirenA, 2), aix),
        establishmentRow(fakeSiret(sirenB, 1), aix),
      ],
    });
    expect(organisations(items).map((o) => o.status)).toEqual(['closed', 'active', 'closed']);
  });

  it('sizes companies from their category and staff band, and keeps the social economy flag', async () => {
    const cases: Array<[UnitRow, RegisterOrganisation['companySize'], boolean]> = [
      [{ categorieEntreprise: 'PME', trancheEffectifsUniteLegale: '02' }, 'TPE', false],
      [{ categorieEntreprise: 'PME', trancheEffectifsUniteLegale: '21' }, 'PME', false],
      [{ categorieEntreprise: 'ETI', trancheEffectifsUniteLegale: '01' }, 'ETI', false],
      [{ categorieEntreprise: 'GE', trancheEffectifsUniteLegale: '53' }, 'large', false],
      [
        { categorieEntreprise: '', trancheEffectifsUniteLegale: 'NN', economieSocialeSolidaireUniteLegale: 'O' },
        null,
        true,
      ],
    ];
    const sirens = cases.map((_, i) => fakeSiren(100 + i));
    const items = await read({
      units: cases.map(([unit], i) => unitRow(sirens[i] as string, unit)),
      establishments: sirens.map((siren) => establishmentRow(fakeSiret(siren), aix)),
    });
    expect(organisations(items).map((o) => [o.companySize, o.ess])).toEqual(cases.map(([, size, ess]) => [size, ess]));
  });

  it('reads associations: legal category 92xx, their RNA number linked, no company size', async () => {
    const items = await read({
      units: [
        unitRow(sirenA, {
          categorieJuridiqueUniteLegale: '9220',
          denominationUniteLegale: 'LES AMIS DU JAS DE BOUFFAN',
          identifiantAssociationUniteLegale: 'W131004567',
          economieSocialeSolidaireUniteLegale: 'O',
          activitePrincipaleUniteLegale: '94.99Z',
        }),
        unitRow(sirenB, { categorieJuridiqueUniteLegale: '9260', identifiantAssociationUniteLegale: '' }),
      ],
      establishments: [
        establishmentRow(fakeSiret(sirenA), aix, { activitePrincipaleEtablissement: '' }),
        establishmentRow(fakeSiret(sirenB), aix),
      ],
    });
    const [amis, localLaw] = organisations(items);
    expect(amis).toMatchObject({
      family: 'association',
      rna: 'W131004567',
      name: 'LES AMIS DU JAS DE BOUFFAN',
      companySize: null,
      ess: true,
      // The establishment has no activity code: its unit's.
      description: 'Activités des organisations associatives (NAF 94.99Z)',
    });
    expect(localLaw).toMatchObject({ family: 'association', rna: null, companySize: null });
  });

  it('rejects bad SIRETs with their line number, and missing fields', async () => {
    const good = fakeSiret(sirenA);
    const badKey = `${good.slice(0, 13)}${(Number(good[13]) + 1) % 10}`;
    const items = await read({
      units: [unitRow(sirenA), unitRow(sirenB, { statutDiffusionUniteLegale: '' })],
      establishments: [
        establishmentRow(good, aix),
        establishmentRow(badKey, aix), // line 3
        establishmentRow('1234567890123', aix), // line 4: 13 digits
        establishmentRow(fakeSiret(sirenA, 2), aix, { siren: sirenB }), // line 5
        establishmentRow(fakeSiret(sirenA, 3), aix, { siret: '' }), // line 6
        establishmentRow(fakeSiret(sirenA, 4), aix, { statutDiffusionEtablissement: '' }), // line 7
        establishmentRow(fakeSiret(sirenB), aix), // line 8: its unit has no diffusion status
        establishmentRow(badKey, avignon), // line 9: out of scope, not this territory's problem
      ],
    });
    expect(organisations(items).map((o) => o.siret)).toEqual([good]);
    expect(rejections(items)).toEqual([
      {
        line: 3,
        reason: 'invalidSiret',
        detail: `establishments: SIRET ${badKey} is not 14 digits with a valid check key`,
      },
      {
        line: 4,
        reason: 'invalidSiret',
        detail: 'establishments: SIRET 1234567890123 is not 14 digits with a valid check key',
      },
      {
        line: 5,
        reason: 'siretNotMatchingSiren',
        detail: `establishments: SIRET ${fakeSiret(sirenA, 2)} does not start with ${sirenB}`,
      },
      { line: 6, reason: 'missingField', detail: 'establishments: no siret' },
      { line: 7, reason: 'missingField', detail: 'establishments: no statutDiffusionEtablissement' },
      { line: 3, reason: 'missingField', detail: `units: unit ${sirenB}: no statutDiffusionUniteLegale` },
      { line: 8, reason: 'unitRejected', detail: `establishments: unit ${sirenB} was rejected (units line 3)` },
    ]);
    expect(skipped(items)).toEqual([{ kind: 'skipped', line: 9, reason: 'outOfScope' }]);
  });

  it('accepts La Poste’s establishments, whose SIRETs follow their own check', async () => {
    const items = await read({
      units: [unitRow('356000000', { denominationUniteLegale: 'LA POSTE', categorieEntreprise: 'GE' })],
      establishments: [establishmentRow('35600000049837', aix)],
    });
    expect(organisations(items)).toMatchObject([{ siret: '35600000049837', name: 'LA POSTE', companySize: 'large' }]);
  });

  it('reads quoted fields holding commas, quotes and line breaks, with the right line numbers after them', async () => {
    const items = await read({
      units: [unitRow(sirenA, { denominationUniteLegale: 'DUPUIS, FILS & CIE' })],
      establishments: [
        establishmentRow(fakeSiret(sirenA, 1), aix, {
          enseigne1Etablissement: 'BOULANGERIE, PATISSERIE "LE FOURNIL"',
          complementAdresseEtablissement: 'BATIMENT B, ESCALIER 2',
        }),
        establishmentRow(fakeSiret(sirenA, 2), aix, { complementAdresseEtablissement: 'ZONE DES PALUDS\nLOT 4' }),
        establishmentRow('12345678901234', aix), // physical line 5, after a record on two lines
      ],
    });
    const [fournil, paluds] = organisations(items);
    expect(fournil?.name).toBe('BOULANGERIE, PATISSERIE "LE FOURNIL"');
    expect(fournil?.address).toBe('12 AVENUE DE LA REPUBLIQUE, BATIMENT B, ESCALIER 2');
    expect(paluds?.name).toBe('DUPUIS, FILS & CIE');
    expect(rejections(items).map((r) => r.line)).toEqual([5]);
  });

  it('reads files starting with a byte order mark', async () => {
    const items = await read(
      { units: [unitRow(sirenA)], establishments: [establishmentRow(fakeSiret(sirenA), aix)] },
      territory,
      { bom: true },
    );
    expect(organisations(items).map((o) => o.siren)).toEqual([sirenA]);
  });

  it('refuses files that are not Sirene stock files, such as the two swapped', async () => {
    const dir = path.join(root, 'swapped');
    await mkdir(dir);
    const files = await writeSireneFiles(dir, {
      units: [unitRow(sirenA)],
      establishments: [establishmentRow(fakeSiret(sirenA), aix)],
    });
    const swapped = readSirene({ establishments: files.units, units: files.establishments }, territory);
    await expect(swapped.next()).rejects.toThrow(SireneLayoutError);
  });

  it('skips the rows of other communes as it would read them whole: same lines, same organisations', async () => {
    // Out of the scope or in it, in every form the reader may take its fast way past (csv.ts, skim), or not: padded,
    // [ND], quoted communes; a padded SIREN in the units file.
    const [a, b, c, d, e, f, g] = [11, 12, 13, 14, 15, 16, 17].map(fakeSiren) as string[];
    const rows = {
      units: [a, b, c, e, f, g]
        .map((s) => unitRow(s as string))
        .concat(unitRow(` ${d} `, { denominationUniteLegale: 'UNITE D' })),
      establishments: [
        establishmentRow(fakeSiret(a as string), aix), // line 2
        establishmentRow(fakeSiret(b as string), avignon), // line 3
        establishmentRow(fakeSiret(c as string), ` ${aix} `), // line 4
        establishmentRow(fakeSiret(e as string), '[ND]'), // line 5
        establishmentRow(fakeSiret(f as string), `quoted:${avignon}`), // line 6
        establishmentRow(fakeSiret(g as string), 'quoted:13117'), // line 7
        establishmentRow(fakeSiret(d as string), aix, { enseigne1Etablissement: '' }), // line 8
        establishmentRow(fakeSiret(b as string, 2), ` ${avignon} `), // line 9
      ],
    };
    const dir = path.join(root, 'skim');
    await mkdir(dir);
    const files = await writeSireneFiles(dir, rows);
    // The writer quotes only what must be: the quoted communes are written by hand.
    const text = await readFile(files.establishments, 'utf-8');
    await writeFile(files.establishments, text.replace(/,quoted:(\d+),/g, ',"$1",'));
    const readAll = async (scope: ImportScope) => {
      const items: RegisterItem[] = [];
      for await (const item of readSirene(files, scope)) items.push(item);
      return items;
    };
    const lineOf = (i: RegisterItem) => (i.kind === 'rejected' ? i.rejection.line : i.line);
    const byLine = (items: RegisterItem[]) => [...items].sort((x, y) => lineOf(x) - lineOf(y));
    const whole = await readAll({ communeCodes: null, departement: '' });
    const scoped = await readAll(territory);
    expect(byLine(scoped)).toEqual(
      byLine(whole).map((item) =>
        item.kind === 'organisation' && !territory.communeCodes?.has(item.organisation.communeCode ?? '')
          ? { kind: 'skipped', line: item.line, reason: 'outOfScope' }
          : item,
      ),
    );
    expect(rejections(scoped)).toEqual([]);
    expect(organisations(scoped).map((o) => [o.siret, o.communeCode, o.name])).toEqual([
      [fakeSiret(a as string), aix, `SOCIETE ${a}`],
      [fakeSiret(c as string), aix, `SOCIETE ${c}`],
      [fakeSiret(g as string), '13117', `SOCIETE ${g}`],
      [fakeSiret(d as string), aix, 'UNITE D'],
    ]);
    expect(skipped(scoped).map((i) => i.line)).toEqual([3, 5, 6, 9]);
  });

  it('tells the bytes read over both files', async () => {
    const dir = path.join(root, 'progress');
    await mkdir(dir);
    const files = await writeSireneFiles(dir, {
      units: [unitRow(sirenA)],
      establishments: [establishmentRow(fakeSiret(sirenA), aix)],
    });
    const told: number[] = [];
    for await (const _ of readSirene(files, territory, { onBytes: (n) => told.push(n) })) {
      // only the progress matters here
    }
    const total = (await stat(files.establishments)).size + (await stat(files.units)).size;
    expect(told.at(-1)).toBe(total);
    expect(told).toEqual([...told].sort((a, b) => a - b));
  });
});
