import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type DemoContext, demoDomain } from '../../demo/context.js';
import { slugOf } from '../../http/slug.js';
import { users } from '../accounts/schema.js';
import { createUser } from '../accounts/service.js';
import type { EventInput } from './contract.js';
import { eventRegistrations, events } from './schema.js';
import { createEvent } from './service.js';
import type { EventStatus } from './vocabulary.js';

interface DemoEvent extends EventInput {
  status: EventStatus;
  /** Organisations present (demo actor names): each through its contact, an account that cannot sign in. */
  attendees: string[];
}

const demoFile = path.resolve(import.meta.dirname, '../../../assets/demo/events.json');
const dayMs = 86_400_000;

/**
 * The programme's first events (first-year review): the launch meeting of 13 December 2016 with its agenda, the six
 * culture & art workshops of 2017 and the three internal steering committees, with who attended. Organisations attend
 * through a contact account without a password (nobody signs in with it).
 */
export async function loadDemoEvents(db: Db, ctx: DemoContext): Promise<string> {
  const file = JSON.parse(fs.readFileSync(demoFile, 'utf8')) as { events: DemoEvent[] };
  const contacts = new Map<string, string>();
  const contactOf = async (actorName: string) => {
    const actorId = ctx.actorIds.get(actorName);
    if (!actorId) throw new Error(`demo events: unknown actor ${actorName}`);
    const known = contacts.get(actorId);
    if (known) return { userId: known, actorId };
    const email = `contact-${slugOf(actorName, 'organisation')}@${demoDomain}`;
    const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    const userId =
      existing?.id ??
      (await createUser(db, { email, displayName: `Contact ${actorName}`.slice(0, 120), role: 'member', actorId }));
    contacts.set(actorId, userId);
    return { userId, actorId };
  };
  let present = 0;
  for (const { status, attendees, ...input } of file.events) {
    const id = await createEvent(db, ctx.system, input);
    await db.update(events).set({ status }).where(eq(events.id, id));
    const startsAt = new Date(input.startsAt);
    for (const name of attendees) {
      const { userId, actorId } = await contactOf(name);
      await db.insert(eventRegistrations).values({
        eventId: id,
        userId,
        actorId,
        status: 'registered',
        createdAt: new Date(startsAt.getTime() - 7 * dayMs),
        checkedInAt: status === 'held' ? startsAt : null,
      });
      present++;
    }
  }
  return `${file.events.length} demo events (${present} attendances)`;
}
