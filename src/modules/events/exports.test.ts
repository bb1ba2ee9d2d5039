import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../tests/auth.js';
import { callerOf } from '../../../tests/http.js';
import { formatDateFr, listCsv, neutraliseFormula, parisWallClockAsUtc } from '../../http/list-export.js';
import { listExportFormats } from '../../http/list-export-contract.js';
import { users } from '../accounts/schema.js';
import { actors } from '../actors/schema.js';
import type { EventDetail, MyRegistration } from './contract.js';
import { participantColumns } from './exports.js';
import type { ParticipantExportRow } from './service.js';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

const headers = ['Organisation', 'Nom', 'E-mail', 'Statut', 'Inscrit le', 'Position en liste d’attente', 'Présent'];

describe('participants export helpers (unit)', () => {
  it('writes dates in Paris time, French format, winter and summer', () => {
    expect(formatDateFr(new Date('2025-03-15T14:05:00Z'))).toBe('15/03/2025 15:05');
    expect(formatDateFr(new Date('2025-07-01T22:30:00Z'))).toBe('02/07/2025 00:30');
    expect(parisWallClockAsUtc(new Date('2025-07-01T22:30:00Z')).toISOString()).toBe('2025-07-02T00:30:00.000Z');
  });

  it('neutralises cells a spreadsheet would evaluate', () => {
    expect(neutraliseFormula('=SOMME(A1:A9)')).toBe("'=SOMME(A1:A9)");
    expect(neutraliseFormula('+33 6')).toBe("'+33 6");
    expect(neutraliseFormula('@cmd')).toBe("'@cmd");
    expect(neutraliseFormula('Jean-Marc')).toBe('Jean-Marc');
  });

  it('round-trips any text through csv-parse (`;`, quotes, new lines, BOM)', async () => {
    const row = fc.record({
      organisation: fc.option(fc.string(), { nil: null }),
      name: fc.string(),
      email: fc.string(),
      status: fc.constantFrom('registered' as const, 'waitlisted' as const),
      registeredAt: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
      waitlistPosition: fc.option(fc.integer({ min: 1, max: 999 }), { nil: null }),
      present: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 5 }), async (rows: ParticipantExportRow[]) => {
        const text = Buffer.concat(await listCsv(participantColumns, rows).toArray()).toString('utf8');
        expect(text.startsWith('\ufeff')).toBe(true);
        const records = parse(text, { delimiter: ';', bom: true, relax_column_count: false }) as string[][];
        expect(records[0]).toEqual(headers);
        expect(records).toHaveLength(rows.length + 1);
        rows.forEach((r, i) => {
          const rec = records[i + 1] as string[];
          expect(rec[0]).toBe(neutraliseFormula(r.organisation ?? ''));
          expect(rec[1]).toBe(neutraliseFormula(r.name));
          expect(rec[2]).toBe(neutraliseFormula(r.email));
          expect(rec[4]).toBe(formatDateFr(r.registeredAt));
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe('participants exports (routes)', () => {
  let t: TestApp;
  let animator: SignedIn;
  let admin: SignedIn;
  let observer: SignedIn;
  let members: SignedIn[];
  let event: EventDetail;
  let regs: MyRegistration[];

  const call = callerOf(() => t.app);

  beforeAll(async () => {
    t = await createTestApp();
    animator = await signedInAs(t.db, 'animator');
    admin = await signedInAs(t.db, 'admin');
    observer = await signedInAs(t.db, 'observer');
    const orgs = await t.db
      .insert(actors)
      .values([
        { family: 'association', name: 'Les Amis du Théâtre' },
        { family: 'company', name: 'Boulangerie Dupont; fils' },
        { family: 'association', name: 'Jardins partagés' },
      ])
      .returning();
    members = [];
    for (const o of orgs) members.push(await signedInAs(t.db, 'member', o.id));
    // A name a spreadsheet would take for a formula.
    await t.db
      .update(users)
      .set({ displayName: '=HYPERLINK("x")' })
      .where(eq(users.id, members[2]?.user.id ?? ''));
    const start = new Date(Date.now() + 10 * 24 * 3600_000);
    const created = await call(animator, 'POST', '/api/v1/events', {
      kind: 'speedDating',
      title: 'Speed dating : associations & entreprises',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3 * 3600_000).toISOString(),
      capacity: 2,
    });
    expect(created.status, created.text).toBe(201);
    event = created.body as EventDetail;
    regs = [];
    for (const m of members) {
      const res = await call(m, 'POST', `/api/v1/events/${event.id}/registrations`);
      expect(res.status, res.text).toBe(201);
      regs.push(res.body as MyRegistration);
    }
    const checkIn = await call(
      animator,
      'POST',
      `/api/v1/events/${event.id}/registrations/${regs[1]?.id}/check-in`,
      {},
    );
    expect(checkIn.status, checkIn.text).toBe(200);
  });
  afterAll(() => t.close());

  const expectedRows = () => [
    [
      'Les Amis du Théâtre',
      'Test member',
      members[0]?.user.email,
      'Inscrit',
      formatDateFr(new Date(regs[0]?.createdAt ?? '')),
      '',
      'Non',
    ],
    [
      'Boulangerie Dupont; fils',
      'Test member',
      members[1]?.user.email,
      'Inscrit',
      formatDateFr(new Date(regs[1]?.createdAt ?? '')),
      '',
      'Oui',
    ],
    [
      'Jardins partagés',
      '\'=HYPERLINK("x")',
      members[2]?.user.email,
      'Liste d’attente',
      formatDateFr(new Date(regs[2]?.createdAt ?? '')),
      '1',
      'Non',
    ],
  ];

  it('gives staff a CSV for Excel in French: BOM, `;`, French headers, seats then waiting list', async () => {
    for (const who of [animator, admin]) {
      const res = await call(who, 'GET', `/api/v1/events/${event.id}/participants.csv`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="participants-speed-dating-associations-entreprises\.csv"; filename\*=UTF-8''/,
      );
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect([...res.raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const records = parse(res.raw.toString('utf8'), { delimiter: ';', bom: true }) as string[][];
      expect(records[0]).toEqual(headers);
      expect(records.slice(1)).toEqual(expectedRows());
      expect(records[1]?.[4]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    }
  });

  it('gives staff an XLSX with a bold header, widths, real dates in Paris time, formulas neutralised', async () => {
    const res = await call(animator, 'GET', `/api/v1/events/${event.id}/participants.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="participants-speed-dating-associations-entreprises\.xlsx"/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.raw as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Participants');
    if (!sheet) throw new Error('no sheet');
    expect(sheet.rowCount).toBe(4);
    expect(headers.map((_, i) => sheet.getRow(1).getCell(i + 1).value)).toEqual(headers);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    for (let i = 1; i <= headers.length; i++) expect(sheet.getColumn(i).width ?? 0).toBeGreaterThanOrEqual(10);
    const expected = expectedRows();
    for (let r = 0; r < 3; r++) {
      const row = sheet.getRow(r + 2);
      const want = expected[r] as string[];
      expect(row.getCell(1).value).toBe(want[0]);
      // Neutralised in the workbook too: a sheet saved as CSV would evaluate it.
      expect(row.getCell(2).value).toBe(want[1]);
      expect(row.getCell(3).value).toBe(want[2]);
      expect(row.getCell(4).value).toBe(want[3]);
      const date = row.getCell(5).value as Date;
      expect(date).toBeInstanceOf(Date);
      const registeredAt = new Date(regs[r]?.createdAt ?? '');
      expect(Math.abs(date.getTime() - parisWallClockAsUtc(registeredAt).getTime())).toBeLessThan(1000);
      expect(row.getCell(5).numFmt).toBe('dd/mm/yyyy hh:mm');
      expect(row.getCell(6).value).toBe(r === 2 ? 1 : null);
      expect(row.getCell(7).value).toBe(want[6]);
    }
  });

  it('refuses people’s data to anonymous (401), members and observers (403)', async () => {
    for (const format of listExportFormats) {
      const url = `/api/v1/events/${event.id}/participants.${format}`;
      const anonymous = await call(null, 'GET', url);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers['content-type']).toContain('application/problem+json');
      for (const who of [members[0] as SignedIn, observer]) {
        const res = await call(who, 'GET', url);
        expect(res.status).toBe(403);
        expect(res.text).not.toContain('@test.local');
      }
    }
  });

  it('answers 404 for an unknown event', async () => {
    for (const format of listExportFormats) {
      const res = await call(
        animator,
        'GET',
        `/api/v1/events/7d1b2c3a-0000-4000-8000-000000000000/participants.${format}`,
      );
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('exports only the header for an event without registrations', async () => {
    const start = new Date(Date.now() + 5 * 24 * 3600_000);
    const created = await call(animator, 'POST', '/api/v1/events', {
      kind: 'training',
      title: 'Formation',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3600_000).toISOString(),
    });
    const id = (created.body as EventDetail).id;
    const res = await call(admin, 'GET', `/api/v1/events/${id}/participants.csv`);
    expect(res.status).toBe(200);
    expect(parse(res.raw.toString('utf8'), { delimiter: ';', bom: true })).toEqual([headers]);
  });
});
