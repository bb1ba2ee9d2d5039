import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../../../tests/auth.js';
import { createTestDatabase } from '../../../tests/db.js';
import type { Database } from '../../db/client.js';
import type { ProgrammeDetail } from './contract.js';
import { getProgramme } from './detail.js';
import { listActions, listDecisions } from './plan.js';
import { programmes } from './schema.js';
import { timelineOf } from './timeline.js';

describe('demo programme « Envies d’Alliances »', () => {
  let database: Database;
  let programme: ProgrammeDetail;
  beforeAll(async () => {
    database = await createTestDatabase({ demo: true });
    const [row] = await database.db.select().from(programmes).where(eq(programmes.slug, 'envies-d-alliances'));
    programme = await getProgramme(database.db, null, row?.id ?? '');
  });
  afterAll(() => database.close());

  it('has the three pilot territories with their communes and the four phases of 2016–2020', () => {
    expect(programme).toMatchObject({ name: "Envies d'Alliances", startsOn: '2016-09-01', endsOn: '2020-12-31' });
    expect(programme.territories.map((t) => [t.name, t.themeId, t.communes.map((c) => c.name)])).toEqual([
      ['Aix-en-Provence', 'culture-art', ['Aix-en-Provence']],
      ['Venelles et Gardanne', 'silver-economy', ['Venelles', 'Gardanne']],
      ['Pertuis', 'circular-economy', ['Pertuis']],
    ]);
    expect(programme.phases.map((p) => [p.name, p.startsOn, p.endsOn])).toEqual([
      ['Amorçage', '2016-09-01', '2017-12-31'],
      ['Consolidation', '2018-01-01', '2018-12-31'],
      ['Décollage', '2019-01-01', '2019-12-31'],
      ['Exemplarité', '2020-01-01', '2020-12-31'],
    ]);
  });

  it('has the pilot groups, the internal committee by roles and the extended one per territory', () => {
    const [aix, venelles, pertuis] = programme.territories.map((t) => t.id);
    const inTerritory = (id: string | undefined) => programme.participants.filter((p) => p.territoryId === id);
    expect(inTerritory(aix).map((p) => p.name)).toContain('Voyons Voir');
    expect(inTerritory(aix)).toHaveLength(11);
    expect(inTerritory(venelles).map((p) => p.name)).toContain('Proxidom');
    expect(inTerritory(pertuis).map((p) => p.name)).toContain('CBE Sud Luberon');
    expect(programme.participants).toHaveLength(27);
    const internal = programme.steering.filter((s) => s.committee === 'internal');
    expect(internal.map((s) => s.role)).toEqual([
      'Pilote : vice-présidente RSE',
      'Présidente',
      'Directeur',
      'Trésorier',
      "Membre du conseil d'administration, communication et médias",
    ]);
    expect(new Set(internal.map((s) => s.actorName))).toEqual(new Set(["Pays d'Aix Associations"]));
    const extended = programme.steering.filter((s) => s.committee === 'extended');
    for (const territoryId of [aix, venelles, pertuis]) {
      expect(extended.filter((s) => s.territoryId === territoryId).map((s) => s.family)).toEqual([
        'publicAuthority',
        'association',
        'company',
      ]);
    }
    expect(extended).toHaveLength(12);
  });

  it('holds the demo events, counts the indicators from them, and lists the 2017 decisions', async () => {
    expect(programme.meetings).toHaveLength(10);
    expect(
      programme.meetings.filter(
        (m) => m.kind === 'interAssociationWorkshop' && m.territoryId === programme.territories[0]?.id,
      ),
    ).toHaveLength(6);
    const indicators = programme.objectives.flatMap((o) => o.indicators);
    // The workshops' indicators count the workshops only, not the launch meeting nor the committees.
    const attendance = programme.meetings
      .filter((m) => m.kind === 'interAssociationWorkshop')
      .reduce((n, m) => n + m.attendance, 0);
    expect(indicators.map((i) => [i.source, i.value, i.target])).toEqual([
      ['eventsHeld', 6, 6],
      ['attendance', attendance, 50],
      ['participatingActors', 27, 30],
      ['manual', 5, 7],
      ['actionsDone', 9, 9],
    ]);
    expect(attendance).toBeGreaterThan(40);
    expect(indicators.map((i) => i.progress)).toEqual([1, Math.min(1, attendance / 50), 0.9, 5 / 7, 1]);
    expect(programme.actionCounts).toEqual({ planned: 0, inProgress: 3, done: 9, cancelled: 1, late: 3 });
    // Observers read every meeting's minutes.
    const observer = await signedInAs(database.db, 'observer');
    const decisions = await listDecisions(database.db, observer.user, programme.id);
    expect(decisions.items).toHaveLength(8);
    expect(decisions.items.filter((d) => d.actionId)).toHaveLength(5);
    expect(decisions.items[0]?.eventStartsAt.slice(0, 10)).toBe('2017-03-09');
    expect(programme.eventTemplates.map((t) => t.kind)).toEqual([
      'interAssociationWorkshop',
      'speedDating',
      'steeringCommittee',
    ]);
  });

  it('keeps the action plan of October–December 2017 and the 2018 forecast, with its links', async () => {
    // An observer: the plan is for signed-in users, and observers see every partnership's title.
    const observer = await signedInAs(database.db, 'observer');
    const { items } = await listActions(database.db, observer.user, programme.id, {});
    expect(items).toHaveLength(13);
    const late2017 = items.filter((a) => a.dueOn === '2017-12-31');
    expect(late2017).toHaveLength(9);
    expect(new Set(late2017.map((a) => a.ownerName))).toEqual(new Set(["Pays d'Aix Associations"]));
    const done = items.find((a) => a.title.startsWith('Rédiger la convention'));
    expect(done).toMatchObject({ status: 'done', doneOn: '2017-12-31', late: false });
    expect(done?.links.map((l) => l.label)).toEqual(["Ville d'Aix-en-Provence"]);
    const fromDecision = items.find((a) => a.fromDecision !== null && a.title.startsWith('Initier'));
    expect(fromDecision?.fromDecision?.eventTitle).toMatch(/^Comité de pilotage interne n° 2/);
    expect(items.some((a) => a.links.some((l) => l.kind === 'partnership'))).toBe(true);
    const timeline = await timelineOf(database.db, null, programme.id);
    expect(timeline).toMatchObject({ from: '2016-09-01', to: '2020-12-31', actions: [] });
  });

  it('names no person: roles only', () => {
    const text = fs.readFileSync(path.resolve(import.meta.dirname, '../../../assets/demo/programme.json'), 'utf8');
    for (const name of [
      'Aubanel',
      'Giacometti',
      'Bouyol',
      'Solomon',
      'Loriol',
      'Francon',
      'Pansard',
      'Daneels',
      'Magnan',
      'Pintore',
    ]) {
      expect(text).not.toContain(name);
    }
  });
});
