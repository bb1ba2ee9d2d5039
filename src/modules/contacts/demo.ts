import fs from 'node:fs';
import path from 'node:path';
import { countDistinct, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { DemoContext } from '../../demo/context.js';
import { partnershipPartners } from '../partnerships/schema.js';
import { contactInput } from './contract.js';
import { createContact, todayInParis } from './service.js';
import type { ContactKind } from './vocabulary.js';

interface DemoContact {
  actor: string;
  kind: ContactKind;
  /** Days before the loading day, and the time of day in Paris. */
  daysAgo: number;
  time: string;
  subject: string;
  people: string;
  notes: string;
  /** The partners of the partnership it is about; the link is skipped when no such partnership was loaded. */
  partnershipWith?: string[];
  nextSteps: { description: string; owner: string; dueInDays: number; done?: boolean }[];
}

const demoFile = path.resolve(import.meta.dirname, '../../../assets/demo/contacts.json');

/** `YYYY-MM-DD` n days after the given day. */
function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The instant of a Paris wall-clock date and time, as ISO. */
export function parisInstant(date: string, time: string): string {
  const guess = new Date(`${date}T${time}:00Z`);
  const wall = new Date(guess.toLocaleString('en-US', { timeZone: 'Europe/Paris' }));
  const utc = new Date(guess.toLocaleString('en-US', { timeZone: 'UTC' }));
  return new Date(guess.getTime() - (wall.getTime() - utc.getTime())).toISOString();
}

/** A partnership whose partners include all these actors, if the partnerships' demo loaded one. */
async function partnershipOf(db: Db, actorIds: string[]): Promise<string | null> {
  const [row] = await db
    .select({ id: partnershipPartners.partnershipId })
    .from(partnershipPartners)
    .where(inArray(partnershipPartners.actorId, actorIds))
    .groupBy(partnershipPartners.partnershipId)
    .having(eq(countDistinct(partnershipPartners.actorId), actorIds.length))
    .orderBy(partnershipPartners.partnershipId)
    .limit(1);
  return row?.id ?? null;
}

/**
 * Loads the programme's contact log (individual interviews with associations, meetings with company networks, the
 * towns of Pertuis and Venelles…), dated relative to today so that some next steps are overdue and some due this week.
 */
export async function loadDemoContacts(db: Db, ctx: DemoContext): Promise<string> {
  const file = JSON.parse(fs.readFileSync(demoFile, 'utf8')) as { contacts: DemoContact[] };
  const today = todayInParis();
  let loaded = 0;
  let linked = 0;
  for (const demo of file.contacts) {
    const actorId = ctx.actorIds.get(demo.actor);
    if (!actorId) continue;
    let partnershipId: string | null = null;
    if (demo.partnershipWith) {
      const ids = demo.partnershipWith.map((name) => ctx.actorIds.get(name));
      if (ids.every((id): id is string => id !== undefined) && ids.includes(actorId)) {
        partnershipId = await partnershipOf(db, ids);
      }
    }
    const data = contactInput.parse({
      actorId,
      kind: demo.kind,
      occurredAt: parisInstant(addDays(today, -demo.daysAgo), demo.time),
      subject: demo.subject,
      people: demo.people,
      notes: demo.notes,
      partnershipId,
      nextSteps: demo.nextSteps.map((s) => ({
        description: s.description,
        ownerId: ctx.users.get(s.owner)?.id ?? null,
        dueOn: addDays(today, s.dueInDays),
        done: s.done ?? false,
      })),
    });
    await createContact(db, ctx.system, data);
    loaded++;
    if (partnershipId) linked++;
  }
  return `${loaded} demo contacts (${linked} about a partnership)`;
}
