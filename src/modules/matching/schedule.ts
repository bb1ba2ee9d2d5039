// The server's own timetable for matchmaking: the stored suggestions are recomputed every `matchingRefreshHours`
// (mutual ones announced), and weekly digests go out to whoever's week has passed (checked hourly). No cron needed.
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
  const running = new Set<Promise<void>>();
  /** A pass runs alone: a tick that comes while the previous one of its kind still runs is skipped. */
  const guarded = (name: string, pass: () => Promise<string>) => {
    let busy = false;
    return () => {
      if (busy) return;
      busy = true;
      const run = pass()
        .then((line) => {
          if (line) log.info(`matching: ${line}`);
        })
        .catch((error: unknown) => log.warn(`matching: ${name} failed (${(error as Error).name})`))
        .finally(() => {
          busy = false;
          running.delete(run);
        });
      running.add(run);
    };
  };
  const digests = guarded('digests', async () => {
    const sent = await sendWeeklyDigests(db, config.publicUrl);
    return sent ? `${sent} weekly digests queued` : '';
  });
  const timers = [setInterval(digests, hourMs)];
  if (config.matchingRefreshHours > 0) {
    const refresh = guarded('refresh', async () => {
      const r = await refreshSuggestions(db, { publicUrl: config.publicUrl });
      return `${r.suggestions} suggestions for ${r.actors} actors, ${r.newMutual} new mutual`;
    });
    timers.push(setInterval(refresh, config.matchingRefreshHours * hourMs));
  } else {
    log.info('matching: scheduled refresh off (MATCHING_REFRESH_HOURS=0); weekly digests still go out');
  }
  for (const t of timers) t.unref();
  return async () => {
    for (const t of timers) clearInterval(t);
    await Promise.all(running);
  };
}
