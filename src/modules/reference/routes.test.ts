import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import type { CommuneView, ReferenceData } from './contract.js';
import { searchCommunes } from './service.js';

describe('reference routes', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const communes = async (q: string, limit?: number) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/communes?q=${encodeURIComponent(q)}${limit ? `&limit=${limit}` : ''}`,
    });
    expect(res.statusCode).toBe(200);
    return (res.json() as { items: CommuneView[] }).items;
  };

  it('serves themes, SDGs, the stakeholder taxonomy and the territories with their communes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/reference' });
    expect(res.statusCode).toBe(200);
    const data = res.json() as ReferenceData;
    expect(data.themes).toHaveLength(13);
    expect(data.themes[0]).toEqual({
      id: 'solidarity',
      labelFr: 'Solidarité et lien social',
      labelEn: expect.any(String),
    });
    expect(data.sdgs.map((s) => s.number)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(data.sdgs[0]?.color).toMatch(/^#[0-9A-F]{6}$/i);
    const item = data.stakeholderItems.find((i) => i.id === 'company.contribution.means');
    expect(item).toMatchObject({ family: 'company', direction: 'contribution' });
    expect(data.stakeholderItems.every((i) => i.id.startsWith(`${i.family}.${i.direction}.`))).toBe(true);

    const [paysDAix] = data.territories;
    expect(paysDAix?.id).toBe('pays-d-aix');
    expect(paysDAix?.communes).toHaveLength(36);
    const aix = paysDAix?.communes.find((c) => c.code === '13001');
    expect(aix).toMatchObject({ name: 'Aix-en-Provence', pilotThemeId: 'culture-art' });
    expect(aix?.postalCodes).toContain('13100');
    expect(aix?.latitude).toBeCloseTo(43.53, 1);
    expect(paysDAix?.communes.find((c) => c.code === '13113')?.pilotThemeId).toBe('silver-economy');
    expect(paysDAix?.communes.find((c) => c.code === '13012')?.pilotThemeId).toBeNull();
  });

  it('finds communes by name, ignoring case and accents', async () => {
    expect((await communes('aix en provence'))[0]?.code).toBe('13001');
    expect((await communes('EGUILLES'))[0]).toMatchObject({ code: '13032', name: 'Éguilles' });
    expect((await communes('peyrolles'))[0]?.code).toBe('13074');
  });

  it('tolerates typos and unfinished names', async () => {
    expect((await communes('venelle'))[0]?.code).toBe('13113');
    expect((await communes('gardane'))[0]?.code).toBe('13041');
    expect((await communes('aix'))[0]?.code).toBe('13001');
  });

  it('finds communes by postal code and by INSEE code', async () => {
    const byPostalCode = await communes('84120');
    expect(byPostalCode.map((c) => c.code)).toContain('84089');
    const byInsee = await communes('13001');
    expect(byInsee[0]?.code).toBe('13001');
    expect((await communes('2A004'))[0]?.name).toBe('Ajaccio');
    const byPrefix = await communes('1310', 50);
    expect(byPrefix.length).toBeGreaterThan(1);
    expect(byPrefix.every((c) => c.postalCodes.some((p) => p.startsWith('1310')) || c.code.startsWith('1310'))).toBe(
      true,
    );
  });

  it('puts communes of the platform’s territories first', async () => {
    // Peyrolles (Aude) is an exact match, Peyrolles-en-Provence a prefix match in the Pays d'Aix.
    const peyrolles = await searchCommunes(t.db, 'peyrolles', 10);
    expect(peyrolles.slice(0, 2).map((c) => c.code)).toEqual(['13074', '11287']);
    expect((await communes('saint cannat'))[0]?.code).toBe('13091');
    expect((await communes('rousset'))[0]?.code).toBe('13087');
  });

  it('limits the answer, and treats input as text', async () => {
    expect(await communes('saint', 3)).toHaveLength(3);
    expect(await communes('%')).toEqual([]);
    expect(await communes('_')).toEqual([]);
    expect(Array.isArray(await communes("x'); drop table communes; --"))).toBe(true);
    expect((await communes("l'isle-sur-la-sorgue"))[0]?.code).toBe('84054');
  });

  it('refuses an empty query with a problem naming q', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/communes?q=' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors[0]).toMatchObject({ field: 'q' });
  });
});
