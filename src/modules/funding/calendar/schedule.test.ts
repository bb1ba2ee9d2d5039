import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signedInAs } from '../../../../tests/auth.js';
import { createTestDatabase } from '../../../../tests/db.js';
import type { Database } from '../../../db/client.js';
import { addDays, parisDay } from '../../programmes/common.js';
import { insertActor, insertCall } from './fixtures.js';
import { startFundingSchedule } from './schedule.js';
import { fundingReminders } from './schema.js';

describe('the funding timetable', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await signedInAs(database.db, 'animator');
    const funder = await insertActor(database.db, { family: 'publicAuthority', name: 'Région Sud' });
    await insertCall(database.db, funder, { title: 'Bientôt clos', closesOn: addDays(parisDay(new Date()), 3) });
  });
  afterAll(() => database.close());

  it('sends the reminders due a minute after start, then every hour, each once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    try {
      const log = { info: vi.fn(), warn: vi.fn() };
      const stop = startFundingSchedule(database.db, { publicUrl: 'http://x' }, log);
      vi.advanceTimersByTime(60_000);
      await vi.waitFor(() =>
        expect(log.info).toHaveBeenCalledWith('funding: 1 deadline reminders sent to 1 team members'),
      );
      vi.advanceTimersByTime(3 * 3_600_000);
      await stop();
      expect(log.info).toHaveBeenCalledTimes(1);
      expect(log.warn).not.toHaveBeenCalled();
      expect(await database.db.$count(fundingReminders)).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
