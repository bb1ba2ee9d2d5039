// The reminders of funding deadlines to the animation team, 14 and 3 days before (vocabulary.ts reminderDays). The
// pass runs hourly (schedule.ts) and from the CLI; it may run any number of times: funding_reminders' unique index
// (kind, call or report, date, delay) lets a reminder go once, and a deadline moved to another date is reminded again.
import type { Db } from '../../../db/client.js';
import { notifyStaff } from '../../notifications/service.js';
import { addDays, parisDay } from '../../programmes/common.js';
import { formatDateFr } from '../../projects/sheet.js';
import { reminderDays } from '../vocabulary.js';
import type { DeadlineView } from './contract.js';
import { deadlineRows, deadlineView } from './deadlines.js';
import { fundingReminders } from './schema.js';

/**
 * The reminder due for a deadline `daysLeft` days ahead: the shortest delay already reached (3 days left or fewer:
 * the 3-day one; 4 to 14: the 14-day one), none before 14 days or once the day has passed. A reminder whose moment
 * passed without a pass (a deadline recorded late) still goes, once: only the most recent one due.
 */
export function dueReminder(daysLeft: number): number | null {
  if (daysLeft < 0) return null;
  const reached = reminderDays.filter((d) => daysLeft <= d);
  return reached.length ? Math.min(...reached) : null;
}

const inDays = (n: number) => (n === 0 ? 'aujourd’hui' : n === 1 ? 'demain' : `dans ${n} jours`);

/** The notification: titles of calls and applications and the funder's name, never a person's. */
function messageOf(d: DeadlineView) {
  const when = `${inDays(d.daysLeft)}, le ${formatDateFr(d.dueOn)}`;
  if (d.kind === 'callCloses') {
    return {
      kind: 'fundingDeadline' as const,
      title: `Clôture d’appel à projets ${inDays(d.daysLeft)}\u202f: ${d.title}`,
      body: `L’appel à projets «\u00a0${d.title}\u00a0» (${d.funder.name}) clôture ${when}.`,
      link: d.link,
    };
  }
  return {
    kind: 'fundingDeadline' as const,
    title: `Rapport à rendre ${inDays(d.daysLeft)}\u202f: ${d.applicationTitle ?? d.title}`,
    body: `Le rapport «\u00a0${d.title}\u00a0» du dossier «\u00a0${d.applicationTitle ?? ''}\u00a0» est à rendre à ${d.funder.name} ${when}.`,
    link: d.link,
  };
}

/**
 * Reminds the team of every deadline whose reminder is due on the day `now` is in Paris: each deadline in its own
 * transaction (the reminder's row, the notifications and the e-mails together, or nothing). Returns the reminders
 * sent and the people told.
 */
export async function sendDeadlineReminders(
  db: Db,
  options: { publicUrl: string; now?: Date },
): Promise<{ reminders: number; notified: number }> {
  const today = parisDay(options.now ?? new Date());
  const longest = Math.max(...reminderDays);
  const rows = await deadlineRows(db, { from: today, to: addDays(today, longest) });
  let reminders = 0;
  let notified = 0;
  for (const row of rows) {
    const deadline = deadlineView(row, today);
    const daysBefore = dueReminder(deadline.daysLeft);
    if (daysBefore === null) continue;
    await db.transaction(async (tx) => {
      const recorded = await tx
        .insert(fundingReminders)
        .values({
          kind: deadline.kind,
          callId: deadline.callId,
          reportId: deadline.reportId,
          dueOn: deadline.dueOn,
          daysBefore,
        })
        .onConflictDoNothing()
        .returning({ id: fundingReminders.id });
      if (recorded.length === 0) return;
      reminders++;
      notified += await notifyStaff(tx, messageOf(deadline), options.publicUrl);
    });
  }
  return { reminders, notified };
}
