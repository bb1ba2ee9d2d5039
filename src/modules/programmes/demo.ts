// The demo programme « Envies d'Alliances » (first-year review, assets/demo/programme.json): three pilot territories,
// four phases, pilot groups, internal and extended steering committees, the demo events linked to it, the action plan
// of October–December 2017 and the 2018 forecast, the 2017 objectives with their indicators, decisions of the 2017
// steering committees. Written through the services (same checks as the API); roles, never people's names.
import fs from 'node:fs';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { DemoContext } from '../../demo/context.js';
import { minuteItems } from '../events/minutes/schema.js';
import { events } from '../events/schema.js';
import { partnerships } from '../partnerships/schema.js';
import { insertAction } from './actions.js';
import type { ActionInput, ObjectiveInput, SteeringMemberInput, TerritoryInput } from './contract.js';
import { actionFields } from './contract.js';
import { getProgramme } from './detail.js';
import { replaceObjectives } from './objectives.js';
import { eventTemplates, programmeActions, programmeEvents } from './schema.js';
import { createProgramme } from './service.js';
import { replacePhases, replaceTerritories } from './structure.js';
import { putParticipant, replaceSteering } from './team.js';

type Keyed<T> = T & { key: string };
interface DemoFile {
  programme: { name: string; description: string; startsOn: string; endsOn: string };
  territories: Keyed<Omit<TerritoryInput, 'id'>>[];
  phases: Keyed<{ name: string; startsOn: string; endsOn: string; objectives: string }>[];
  participants: { actor: string; territory: string | null; role: string; joinedOn: string }[];
  steering: (Omit<SteeringMemberInput, 'actorId' | 'territoryId'> & {
    actor: string | null;
    territory: string | null;
  })[];
  events: { title: string; territory: string | null; phase: string }[];
  actions: Keyed<
    Omit<ActionInput, 'phaseId' | 'territoryId' | 'ownerActorId' | 'links'> & {
      phase: string;
      territory: string | null;
      owner: string;
      links: { kind: 'actor' | 'partnership' | 'event'; name: string }[];
    }
  >[];
  objectives: (Omit<ObjectiveInput, 'phaseId'> & { phase: string })[];
  minutes: { event: string; items: { kind: 'decision' | 'followUp'; text: string; action: string | null }[] }[];
  eventTemplates: (Omit<typeof eventTemplates.$inferInsert, 'programmeId' | 'phaseId' | 'position'> & {
    phase: string | null;
  })[];
}

const demoFile = path.resolve(import.meta.dirname, '../../../assets/demo/programme.json');

/** A name → id lookup that fails loudly on a name the demo data does not hold. */
const lookup = (what: string, map: ReadonlyMap<string, string>) => (name: string) => {
  const id = map.get(name);
  if (!id) throw new Error(`demo programme: unknown ${what} ${name}`);
  return id;
};
const orNull = <T>(v: string | null, f: (s: string) => T) => (v === null ? null : f(v));

export async function loadDemoProgrammes(db: Db, ctx: DemoContext): Promise<string> {
  const file = JSON.parse(fs.readFileSync(demoFile, 'utf8')) as DemoFile;
  const by = ctx.system;
  const actor = lookup('actor', ctx.actorIds);
  const id = await createProgramme(db, by, file.programme);

  await replaceTerritories(db, by, id, { territories: file.territories.map(({ key: _, ...t }) => t) });
  await replacePhases(db, by, id, { phases: file.phases.map(({ key: _, ...p }) => p) });
  const saved = await getProgramme(db, by, id);
  const territory = lookup(
    'territory',
    new Map(file.territories.map((t, i) => [t.key, saved.territories[i]?.id ?? ''])),
  );
  const phase = lookup('phase', new Map(file.phases.map((p, i) => [p.key, saved.phases[i]?.id ?? ''])));

  for (const p of file.participants) {
    await putParticipant(db, by, id, actor(p.actor), {
      territoryId: orNull(p.territory, territory),
      role: p.role,
      joinedOn: p.joinedOn,
    });
  }
  await replaceSteering(db, by, id, {
    members: file.steering.map(({ actor: a, territory: t, ...m }) => ({
      ...m,
      actorId: orNull(a, actor),
      territoryId: orNull(t, territory),
    })),
  });

  const eventRows = await db
    .select({ id: events.id, title: events.title })
    .from(events)
    .where(
      inArray(
        events.title,
        file.events.map((e) => e.title),
      ),
    );
  const event = lookup('event', new Map(eventRows.map((e) => [e.title, e.id])));
  await db.insert(programmeEvents).values(
    file.events.map((e) => ({
      eventId: event(e.title),
      programmeId: id,
      territoryId: orNull(e.territory, territory),
      phaseId: phase(e.phase),
    })),
  );

  const partnershipRows = await db.select({ id: partnerships.id, title: partnerships.title }).from(partnerships);
  const partnership = lookup('partnership', new Map(partnershipRows.map((p) => [p.title, p.id])));
  const linkTarget = { actor, partnership, event };
  const actionIds = new Map<string, string>();
  await db.transaction(async (tx) => {
    for (const { key, phase: ph, territory: te, owner, links, ...a } of file.actions) {
      const data = actionFields.parse({
        ...a,
        phaseId: phase(ph),
        territoryId: orNull(te, territory),
        ownerActorId: actor(owner),
        links: links.map((l) => ({ kind: l.kind, id: linkTarget[l.kind](l.name) })),
      });
      const actionId = await insertAction(tx, by, id, data);
      // Done when due, in the story: not on the day the demo is loaded.
      if (data.status === 'done') {
        await tx.update(programmeActions).set({ doneOn: data.dueOn }).where(eq(programmeActions.id, actionId));
      }
      actionIds.set(key, actionId);
    }
  });

  await replaceObjectives(db, by, id, {
    objectives: file.objectives.map(({ phase: ph, ...o }) => ({ ...o, phaseId: phase(ph) })),
  });

  const action = lookup('action', actionIds);
  const items = file.minutes.flatMap((m) =>
    m.items.map((item, position) => ({
      eventId: event(m.event),
      kind: item.kind,
      text: item.text,
      actionId: orNull(item.action, action),
      position,
    })),
  );
  await db.insert(minuteItems).values(items);
  await db.insert(eventTemplates).values(
    file.eventTemplates.map(({ phase: ph, ...t }, position) => ({
      ...t,
      programmeId: id,
      phaseId: orNull(ph, phase),
      position,
    })),
  );
  return `1 demo programme (${file.territories.length} territories, ${file.actions.length} actions, ${items.length} decisions and follow-ups)`;
}
