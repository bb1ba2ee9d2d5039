// The funding deadlines' reminders go out from the server's own timetable: a pass every hour, and a first one a minute
// after start (so that a restart does not delay them by an hour). No cron needed; the pass sends each reminder once
// however often it runs (reminders.ts).
import type { Db } from '../../../db/client.js';
import type { ScheduleLog } from '../../matching/schedule.js';
import { sendDeadlineReminders } from './reminders.js';

const hourMs = 3_600_000;

/** Starts the funding deadlines' reminder pass; returns a stop function that waits for a running pass. */
export function startFundingSchedule(db: Db, config: { publicUrl: string }, log: ScheduleLog): () => Promise<void> {
  let running: Promise<void> | null = null;
  const pass = () => {
    // A tick that comes while the previous pass still runs is skipped.
    if (running) return;
    running = sendDeadlineReminders(db, { publicUrl: config.publicUrl })
      .then((r) => {
        if (r.reminders) log.info(`funding: ${r.reminders} deadline reminders sent to ${r.notified} team members`);
      })
      .catch((error: unknown) => log.warn(`funding: deadline reminders failed (${(error as Error).name})`))
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(pass, 60_000);
  const timer = setInterval(pass, hourMs);
  first.unref();
  timer.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
}
