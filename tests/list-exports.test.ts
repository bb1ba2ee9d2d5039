// The list exports against their lists, on the demo data plus planted rows: for each list and a filter, the file holds
// exactly the rows the list gives the same caller across all its pages, in the same order; restricted fields and
// personal data stay out; formulas are neutralised; the cap refuses rather than truncate.
import { parse } from 'csv-parse/sync';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainError } from '../src/errors.js';
import { neutraliseFormula } from '../src/http/list-export.js';
import { listExportFormats } from '../src/http/list-export-contract.js';
import { users } from '../src/modules/accounts/schema.js';
import type { DirectoryPage } from '../src/modules/actors/contract.js';
import { directoryExport, directoryExportVocabularies } from '../src/modules/actors/list-export.js';
import { actorPeople, actors } from '../src/modules/actors/schema.js';
import type { EventSummary } from '../src/modules/events/contract.js';
import { eventsExportVocabularies } from '../src/modules/events/list-export.js';
import { eventRegistrations, events } from '../src/modules/events/schema.js';
import type { ApplicationList } from '../src/modules/funding/applications/contract.js';
import { applicationsExportVocabularies } from '../src/modules/funding/applications/list-export.js';
import { fundingApplications } from '../src/modules/funding/applications/schema.js';
import type { PartnershipPage } from '../src/modules/partnerships/contract.js';
import { partnershipsExportVocabularies } from '../src/modules/partnerships/list-export.js';
import { partnershipPartners } from '../src/modules/partnerships/schema.js';
import { projectCarriers } from '../src/modules/projects/schema.js';
import { eventMessages } from '../web/src/events/messages.js';
import { fundingApplicationMessages } from '../web/src/funding/applications/messages.js';
import { fr } from '../web/src/i18n/fr.js';
import { partnershipMessages } from '../web/src/partnerships/messages.js';
import { createTestApp } from './app.js';
import { type SignedIn, signedInAs } from './auth.js';
import { callerOf } from './http.js';

const planted = {
  formulaName: '=HYPERLINK("http://evil.example","clic")',
  hiddenSiret: '73282932000074',
  membersWebsite: 'https://reserve-aux-membres.example.org',
  personName: 'Gaspard Secretnom',
  personEmail: 'gaspard.secret@example.org',
  actorEmail: 'contact-prive@example.org',
  participantName: 'Philomène Introuvable',
  participantEmail: 'philomene.introuvable@example.org',
};

type Call = ReturnType<typeof callerOf>;
type Answer = Awaited<ReturnType<Call>>;

/** The CSV's records after checking its format: BOM, `;`, CRLF. */
function csvOf(res: Answer): string[][] {
  expect(res.status, res.text.slice(0, 300)).toBe(200);
  expect(res.type).toBe('text/csv; charset=utf-8');
  const text = res.raw.toString('utf8');
  expect(text.startsWith('\ufeff')).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  return parse(text, { delimiter: ';', bom: true }) as string[][];
}

/** The workbook's sheet, after checking the answer's type. */
async function sheetOf(res: Answer, name: string): Promise<ExcelJS.Worksheet> {
  expect(res.status, res.text.slice(0, 300)).toBe(200);
  expect(res.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.raw as never);
  const sheet = book.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** A sheet's column (by its header), header row left out. */
function sheetColumn(sheet: ExcelJS.Worksheet, header: string): ExcelJS.CellValue[] {
  const i = (sheet.getRow(1).values as unknown[]).indexOf(header);
  expect(i, `column ${header}`).toBeGreaterThan(0);
  const values: ExcelJS.CellValue[] = [];
  sheet.eachRow((r, n) => {
    if (n > 1) values.push(r.getCell(i).value);
  });
  return values;
}

/** Every cell of a sheet as text, to look for what must not be there. */
function sheetText(sheet: ExcelJS.Worksheet): string {
  const cells: string[] = [];
  sheet.eachRow((r) => {
    r.eachCell((c) => {
      cells.push(String(c.value));
    });
  });
  return cells.join('\n');
}

/** A column's values (by header), header row left out. */
function column(records: string[][], header: string): string[] {
  const i = records[0]?.indexOf(header) ?? -1;
  expect(i, `column ${header}`).toBeGreaterThanOrEqual(0);
  return records.slice(1).map((r) => r[i] ?? '');
}

describe('list exports', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  const call = callerOf(() => t.app);
  let admin: SignedIn;
  let observer: SignedIn;
  let member: SignedIn;
  let memberActor = '';
  /** A member of an organisation carrying a project that has funding applications. */
  let carrier: SignedIn;

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    const [formula] = await t.db
      .insert(actors)
      .values({
        family: 'association',
        name: planted.formulaName,
        communeCode: '13001',
        email: planted.actorEmail,
        website: planted.membersWebsite,
        siret: planted.hiddenSiret,
        fieldVisibility: { siret: 'animators', website: 'members', email: 'public' },
      })
      .returning({ id: actors.id });
    await t.db.insert(actorPeople).values({
      actorId: formula?.id ?? '',
      name: planted.personName,
      email: planted.personEmail,
      visibility: 'public',
    });
    admin = await signedInAs(t.db, 'admin');
    observer = await signedInAs(t.db, 'observer');
    // A member of an organisation that is a partner in some demo partnerships, not all.
    const [partner] = await t.db.select({ actorId: partnershipPartners.actorId }).from(partnershipPartners).limit(1);
    memberActor = partner?.actorId ?? '';
    member = await signedInAs(t.db, 'member', memberActor);
    const [carried] = await t.db
      .select({ actorId: projectCarriers.actorId })
      .from(projectCarriers)
      .innerJoin(fundingApplications, eq(fundingApplications.projectId, projectCarriers.projectId))
      .limit(1);
    carrier = await signedInAs(t.db, 'member', carried?.actorId ?? null);
    // A person registered to an event: the events list and its files never name them.
    const [person] = await t.db
      .insert(users)
      .values({ email: planted.participantEmail, displayName: planted.participantName, role: 'member' })
      .returning({ id: users.id });
    const [someEvent] = await t.db.select({ id: events.id }).from(events).limit(1);
    await t.db
      .insert(eventRegistrations)
      .values({ eventId: someEvent?.id ?? '', userId: person?.id ?? '', status: 'registered' });
  }, 240_000);
  afterAll(() => t.close());

  /** Every page of a paged list, as one array. */
  async function allPages<I>(who: SignedIn | null, url: string): Promise<I[]> {
    const items: I[] = [];
    for (let page = 1; ; page++) {
      const res = await call(who, 'GET', `${url}${url.includes('?') ? '&' : '?'}page=${page}&pageSize=7`);
      expect(res.status).toBe(200);
      const body = res.body as { items: I[]; total: number };
      items.push(...body.items);
      if (items.length >= body.total || body.items.length === 0) return items;
    }
  }

  it('documents the eight routes in OpenAPI, with the lists’ query parameters', async () => {
    const doc = (await call(null, 'GET', '/api/openapi.json')).body as {
      paths: Record<string, { get?: { parameters?: { name: string }[] } }>;
    };
    const params = (path: string) => (doc.paths[path]?.get?.parameters ?? []).map((p) => p.name);
    for (const list of ['actors', 'partnerships', 'events', 'funding/applications']) {
      for (const format of listExportFormats) expect(doc.paths).toHaveProperty([`/api/v1/${list}/export.${format}`]);
    }
    expect(params('/api/v1/actors/export.csv')).toEqual(expect.arrayContaining(['q', 'family', 'commune', 'sort']));
    expect(params('/api/v1/actors/export.csv')).not.toContain('page');
    expect(params('/api/v1/events/export.xlsx')).toEqual(expect.arrayContaining(['kind', 'from', 'until']));
  });

  describe('directory', () => {
    const filters = [
      'family=association&commune=13001',
      'q=theatre',
      'family=company&sort=recent',
      'theme=culture-art',
    ];
    it.each(filters)('exports what the list shows with %s, in its order', async (filter) => {
      const list = await allPages<DirectoryPage['items'][number]>(null, `/api/v1/actors?${filter}`);
      const records = csvOf(await call(null, 'GET', `/api/v1/actors/export.csv?${filter}`));
      expect(list.length).toBeGreaterThan(0);
      expect(column(records, 'Identifiant')).toEqual(list.map((a) => a.id));
      expect(column(records, 'Nom')).toEqual(list.map((a) => neutraliseFormula(a.name)));
      if (filter.startsWith('family=association')) {
        expect(list.length).toBeGreaterThan(1);
        expect(new Set(column(records, 'Famille'))).toEqual(new Set(['Association']));
        expect(new Set(column(records, 'Commune'))).toEqual(new Set(['Aix-en-Provence']));
      }
    });

    it('hides the fields the caller may not read, and never holds people nor contact details', async () => {
      const url = '/api/v1/actors/export.csv?family=association&commune=13001';
      const [own] = await t.db.select({ id: actors.id }).from(actors).where(eq(actors.name, planted.formulaName));
      const ownMember = await signedInAs(t.db, 'member', own?.id ?? null);
      const restricted = async (who: SignedIn | null) => {
        const records = csvOf(await call(who, 'GET', url));
        const i = records.findIndex((r) => r[0] === neutraliseFormula(planted.formulaName));
        expect(i).toBeGreaterThan(0);
        return [column(records, 'SIRET')[i - 1], column(records, 'Site web')[i - 1]];
      };
      expect(await restricted(null)).toEqual(['', '']);
      expect(await restricted(observer)).toEqual(['', planted.membersWebsite]);
      expect(await restricted(member)).toEqual(['', planted.membersWebsite]);
      // Its own members read everything of their organisation, animators-only fields too.
      expect(await restricted(ownMember)).toEqual([planted.hiddenSiret, planted.membersWebsite]);
      expect(await restricted(admin)).toEqual([planted.hiddenSiret, planted.membersWebsite]);
      for (const who of [null, admin]) {
        const text = (await call(who, 'GET', url)).raw.toString('utf8');
        for (const secret of [planted.personName, planted.personEmail, planted.actorEmail]) {
          expect(text).not.toContain(secret);
        }
      }
    });

    it('gives the same rows as an XLSX workbook, with real dates', async () => {
      const filter = 'family=association&commune=13001';
      const res = await call(null, 'GET', `/api/v1/actors/export.xlsx?${filter}`);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="annuaire-\d{4}-\d{2}-\d{2}\.xlsx"/);
      const sheet = await sheetOf(res, 'Annuaire');
      expect(sheet.getRow(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const csv = csvOf(await call(null, 'GET', `/api/v1/actors/export.csv?${filter}`));
      expect(sheetColumn(sheet, 'Nom')).toEqual(column(csv, 'Nom'));
      expect(sheetColumn(sheet, 'Identifiant')).toEqual(column(csv, 'Identifiant'));
      expect(sheetColumn(sheet, 'Mis à jour le')[0]).toBeInstanceOf(Date);
    });

    it('refuses more actors than the cap, naming the filters', async () => {
      await expect(
        directoryExport(
          t.db,
          null,
          { family: ['association'], commune: [], theme: [], sdg: [], contribution: [], benefit: [] },
          'csv',
          2,
        ),
      ).rejects.toMatchObject({
        kind: 'invalid',
        issues: [{ field: 'filters', code: 'tooManyRowsToExport' }],
      } satisfies Partial<DomainError>);
    });

    it('refuses a bad query as the list does, naming the field', async () => {
      const res = await call(null, 'GET', '/api/v1/actors/export.csv?sort=nope');
      expect(res.status).toBe(400);
      expect((res.body as { errors: { field: string }[] }).errors[0]?.field).toBe('sort');
    });
  });

  describe('partnerships', () => {
    it.each([
      ['admin', ''],
      ['admin', 'mode=support'],
      ['observer', 'step=run'],
      ['member', ''],
    ] as const)('exports what the list shows as %s with «%s»', async (role, filter) => {
      const who = { admin, observer, member }[role];
      const list = await allPages<PartnershipPage['items'][number]>(who, `/api/v1/partnerships?${filter}`);
      const records = csvOf(await call(who, 'GET', `/api/v1/partnerships/export.csv?${filter}`));
      expect(list.length).toBeGreaterThan(0);
      expect(column(records, 'Identifiant')).toEqual(list.map((p) => p.id));
      expect(column(records, 'Partenaires')).toEqual(list.map((p) => p.partners.map((x) => x.name).join(', ')));
      if (filter === 'mode=support')
        expect(new Set(column(records, 'Mode'))).toEqual(new Set(['Soutien (mécénat, subvention, don)']));
    });

    it('lists fewer partnerships to a member than to staff, and none to the anonymous', async () => {
      const all = csvOf(await call(admin, 'GET', '/api/v1/partnerships/export.csv'));
      const own = csvOf(await call(member, 'GET', '/api/v1/partnerships/export.csv'));
      expect(own.length).toBeLessThan(all.length);
      expect((await call(null, 'GET', '/api/v1/partnerships/export.csv')).status).toBe(401);
    });
  });

  describe('events', () => {
    it.each([
      '',
      'kind=interAssociationWorkshop',
      'until=2017-06-30T00:00:00Z',
      'until=2017-06-30T00:00:00Z&order=desc',
      'from=2017-01-01T00:00:00Z&status=held',
    ])('exports what the list shows with «%s»', async (filter) => {
      const list = (await call(null, 'GET', `/api/v1/events?limit=200&${filter}`)).body as { items: EventSummary[] };
      const records = csvOf(await call(null, 'GET', `/api/v1/events/export.csv?${filter}`));
      expect(column(records, 'Identifiant')).toEqual(list.items.map((e) => e.id));
      expect(column(records, 'Liste d’attente')).toEqual(list.items.map((e) => String(e.waitlisted)));
    });

    it('writes the events as XLSX with real dates and numbers, no participant named', async () => {
      const sheet = await sheetOf(await call(admin, 'GET', '/api/v1/events/export.xlsx'), 'Événements');
      expect(sheetColumn(sheet, 'Début')[0]).toBeInstanceOf(Date);
      expect(typeof sheetColumn(sheet, 'Liste d’attente')[0]).toBe('number');
      const csv = (await call(admin, 'GET', '/api/v1/events/export.csv')).raw.toString('utf8');
      for (const text of [sheetText(sheet), csv]) {
        expect(text).toContain('Identifiant');
        expect(text).not.toContain(planted.participantName);
        expect(text).not.toContain(planted.participantEmail);
      }
    });

    it('refuses a bad filter naming it', async () => {
      const res = await call(null, 'GET', '/api/v1/events/export.csv?kind=nope');
      expect(res.status).toBe(400);
      expect((res.body as { errors: { field: string }[] }).errors[0]?.field).toBe('kind');
    });
  });

  describe('funding applications', () => {
    it.each([
      ['admin', ''],
      ['observer', 'status=granted'],
      ['admin', 'status=granted&status=reported'],
      ['carrier', ''],
    ] as const)('exports what the list shows as %s with «%s»', async (role, filter) => {
      const who = { admin, observer, carrier }[role];
      const list = (await call(who, 'GET', `/api/v1/funding/applications?${filter}`)).body as ApplicationList;
      const records = csvOf(await call(who, 'GET', `/api/v1/funding/applications/export.csv?${filter}`));
      expect(list.items.length).toBeGreaterThan(0);
      expect(column(records, 'Identifiant')).toEqual(list.items.map((a) => a.id));
      expect(column(records, 'Montant demandé')).toEqual(
        list.items.map((a) => a.amountRequested.toFixed(2).replace('.', ',')),
      );
    });

    it('exports to a member only the applications of its organisation', async () => {
      const all = csvOf(await call(admin, 'GET', '/api/v1/funding/applications/export.csv'));
      const own = csvOf(await call(carrier, 'GET', '/api/v1/funding/applications/export.csv'));
      expect(own.length).toBeGreaterThan(1);
      expect(own.length).toBeLessThan(all.length);
    });

    it('writes amounts as euros in the XLSX, with the list’s totals', async () => {
      const list = (await call(admin, 'GET', '/api/v1/funding/applications')).body as ApplicationList;
      expect(list.items.length).toBeGreaterThan(0);
      const res = await call(admin, 'GET', '/api/v1/funding/applications/export.xlsx');
      expect(res.headers['content-disposition']).toMatch(/filename="dossiers-de-financement-\d{4}-\d{2}-\d{2}\.xlsx"/);
      const sheet = await sheetOf(res, 'Dossiers de financement');
      const requested = sheetColumn(sheet, 'Montant demandé').reduce<number>((sum, v) => sum + Number(v), 0);
      expect(Math.round(requested * 100) / 100).toBe(list.totals.requested);
      const i = (sheet.getRow(1).values as unknown[]).indexOf('Montant demandé');
      expect(sheet.getRow(2).getCell(i).numFmt).toBe('#,##0.00 "€"');
      expect((await call(null, 'GET', '/api/v1/funding/applications/export.xlsx')).status).toBe(401);
    });
  });

  it('gives every vocabulary value of the files a French label', () => {
    const catalogue: Record<string, string> = {
      ...fr,
      ...eventMessages.fr,
      ...partnershipMessages.fr,
      ...fundingApplicationMessages.fr,
    };
    for (const vocabularies of [
      directoryExportVocabularies,
      eventsExportVocabularies,
      partnershipsExportVocabularies,
      applicationsExportVocabularies,
    ]) {
      for (const [prefix, values] of Object.entries(vocabularies)) {
        for (const value of values) expect(catalogue[`${prefix}.${value}`], `${prefix}.${value}`).toBeTruthy();
      }
    }
  });

  describe('past the caps', () => {
    const from = '2040-01-01T00:00:00Z';
    beforeAll(async () => {
      // 10 001 events: one more than an XLSX file holds, well within a CSV's.
      await t.db.execute(sql`insert into events (kind, title, starts_at, ends_at)
        select 'training', 'Formation en série ' || g, timestamptz '2040-01-02' + g * interval '1 hour',
          timestamptz '2040-01-02' + g * interval '1 hour' + interval '30 minutes'
        from generate_series(1, 10001) g`);
    }, 60_000);
    afterAll(async () => {
      await t.db.execute(sql`delete from events where starts_at > ${from}`);
    });

    it('refuses an XLSX file of more than 10 000 rows with a 422 problem naming the filters', async () => {
      const res = await call(null, 'GET', `/api/v1/events/export.xlsx?from=${from}`);
      expect(res.status).toBe(422);
      expect(res.type).toContain('application/problem+json');
      expect((res.body as { errors: { field: string; code: string; message: string }[] }).errors).toEqual([
        {
          field: 'filters',
          code: 'tooManyRowsForXlsx',
          message:
            'Plus de 10\u202f000 lignes pour un fichier Excel (XLSX)\u202f: précisez les filtres de la liste, ou téléchargez le CSV (jusqu’à 50\u202f000 lignes).',
        },
      ]);
    });

    it('streams the same rows as CSV, in the list’s order', async () => {
      const records = csvOf(await call(null, 'GET', `/api/v1/events/export.csv?from=${from}`));
      expect(records).toHaveLength(10_002);
      expect(records[1]?.[0]).toBe('Formation en série 1');
      expect(records[10_001]?.[0]).toBe('Formation en série 10001');
    }, 60_000);
  });
});
