// The server's own timetable for matchmaking: the stored suggestions are recomputed every `refreshHours` (mutual
// ones announced), and weekly digests go out to whoever's week has passed (checked hourly). No cron needed.
import type { Db } from '../../db/client.js';
import { sendWeeklyDigests } from '../notifications/service.js';
import { refreshSuggestions } from './refresh.js';

export interface ScheduleLog {
  info(message: string): void;
  warn(message: string): void;
}

const hourMs = 3_600_000;

/** Starts the timers (they do not keep the process alive); returns a stop function that waits for a running pass. */
export function startMatchingSchedule(
  db: Db,
  config: { publicUrl: string; matchingRefreshHours: number },
  log: ScheduleLog,
): () => Promise<void> {
  if (config.matchingRefreshHours <= 0) {
    log.info('matching: scheduled refresh off (MATCHING_REFRESH_HOURS=0)');
    return async () => {};
  }
  let running: Promise<unknown> = Promise.resolve();
  const guarded = (name: string, pass: () => Promise<string>) => () => {
    running = running
      .then(pass)
      .then((line) => line && log.info(`matching: ${line}`))
      .catch((error: unknown) => log.warn(`matching: ${name} failed (${(error as Error).name})`));
  };
  const refresh = guarded('refresh', async () => {
    const r = await refreshSuggestions(db, { publicUrl: config.publicUrl });
    return `${r.suggestions} suggestions for ${r.actors} actors, ${r.newMutual} new mutual`;
  });
  const digests = guarded('digests', async () => {
    const sent = await sendWeeklyDigests(db, config.publicUrl);
    return sent ? `${sent} weekly digests queued` : '';
  });
  const timers = [setInterval(refresh, config.matchingRefreshHours * hourMs), setInterval(digests, hourMs)];
  for (const t of timers) t.unref();
  return async () => {
    for (const t of timers) clearInterval(t);
    await running;
  };
}
