import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../../../tests/db.js';
import type { Database } from '../../db/client.js';
import { actors } from '../actors/schema.js';
import { needsOffers } from '../needs-offers/schema.js';
import { startMatchingSchedule } from './schedule.js';
import { partnerSuggestions } from './schema.js';

describe('the matching timetable', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    const [a, b] = await database.db
      .insert(actors)
      .values([
        { family: 'association', name: 'Chorale du Test', communeCode: '13001', themes: ['culture-art'] },
        { family: 'company', name: 'Locaux du Test', communeCode: '13001', themes: ['culture-art'] },
      ])
      .returning({ id: actors.id });
    await database.db.insert(needsOffers).values([
      { kind: 'need', actorId: a?.id ?? '', title: 'Une salle pour répéter', resources: ['premises'] },
      { kind: 'offer', actorId: b?.id ?? '', title: 'Une salle à prêter', resources: ['premises'] },
    ]);
  });
  afterAll(() => database.close());

  const log = () => ({ info: vi.fn(), warn: vi.fn() });

  it('refreshes nothing when turned off, but still sends the weekly digests', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const l = log();
      const stop = startMatchingSchedule(database.db, { publicUrl: 'http://x', matchingRefreshHours: 0 }, l);
      vi.advanceTimersByTime(48 * 3_600_000);
      await stop();
      expect(l.info).toHaveBeenCalledWith(
        'matching: scheduled refresh off (MATCHING_REFRESH_HOURS=0); weekly digests still go out',
      );
      expect(l.warn).not.toHaveBeenCalled();
      expect(await database.db.$count(partnerSuggestions)).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('recomputes the stored suggestions when the period has passed', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const l = log();
      const stop = startMatchingSchedule(database.db, { publicUrl: 'http://x', matchingRefreshHours: 24 }, l);
      vi.advanceTimersByTime(24 * 3_600_000);
      await stop();
      expect(l.warn).not.toHaveBeenCalled();
      expect(l.info).toHaveBeenCalledWith('matching: 2 suggestions for 2 actors, 1 new mutual');
      expect(await database.db.$count(partnerSuggestions)).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
