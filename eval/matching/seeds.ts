// Set 1, « seeds »: the demo actors and their needs and offers (not the partnerships, alliances and contacts: the
// recommender excludes existing partners, and they would leak the answers), queried with labelled.json.
import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import type { DemoContext } from '../../src/demo/context.js';
import type { CurrentUser } from '../../src/modules/accounts/service.js';
import { actorInput } from '../../src/modules/actors/contract.js';
import { createActor } from '../../src/modules/actors/service.js';
import type { SubjectKind } from '../../src/modules/matching/vocabulary.js';
import { loadDemoNeedOffers } from '../../src/modules/needs-offers/demo.js';
import { needsOffers } from '../../src/modules/needs-offers/schema.js';
import type { EvalQuery } from './run.js';

const repo = path.resolve(import.meta.dirname, '../..');
export const labelledFile = path.join(repo, 'eval/matching/labelled.json');

interface Labelled {
  description: string;
  queries: {
    id: string;
    subject: { kind: SubjectKind; actor?: string; title?: string };
    relevant: { actor: string; source: string }[];
    note: string;
  }[];
}

interface DemoActor {
  name: string;
  family: string;
  contributions: string[];
  benefits: string[];
  [field: string]: unknown;
}

export interface SeedsSet {
  queries: EvalQuery[];
  actors: number;
  needs: number;
  offers: number;
}

/** Loads the demo actors (as src/demo/load.ts does) and the demo needs and offers, then resolves the labelled set. */
export async function loadSeedsSet(database: Database, system: CurrentUser): Promise<SeedsSet> {
  const { db } = database;
  const file = JSON.parse(fs.readFileSync(path.join(repo, 'assets/demo/pays-d-aix.json'), 'utf8')) as {
    actors: DemoActor[];
  };
  const ids = new Map<string, string>();
  for (const a of file.actors) {
    // The demo file names taxonomy items by slug; the taxonomy ids are `family.direction.slug`.
    const input = {
      ...a,
      contributions: a.contributions.map((s) => `${a.family}.contribution.${s}`),
      benefits: a.benefits.map((s) => `${a.family}.benefit.${s}`),
    };
    ids.set(a.name, await createActor(db, system, actorInput.parse(input)));
  }
  const ctx: DemoContext = { system, actorIds: ids, users: new Map(), publicUrl: 'http://localhost:3000' };
  await loadDemoNeedOffers(db, ctx);
  const items = await db.select({ kind: needsOffers.kind }).from(needsOffers);

  const labelled = JSON.parse(fs.readFileSync(labelledFile, 'utf8')) as Labelled;
  const actorId = (name: string, where: string) => {
    const id = ids.get(name);
    if (!id) throw new Error(`labelled.json ${where}: no demo actor named ${name}`);
    return id;
  };
  const queries: EvalQuery[] = [];
  for (const q of labelled.queries) {
    let subjectId: string;
    if (q.subject.kind === 'actor') {
      subjectId = actorId(q.subject.actor ?? '', q.id);
    } else if (q.subject.kind === 'need' || q.subject.kind === 'offer') {
      const [row] = await db
        .select({ id: needsOffers.id })
        .from(needsOffers)
        .where(and(eq(needsOffers.kind, q.subject.kind), eq(needsOffers.title, q.subject.title ?? '')));
      if (!row) throw new Error(`labelled.json ${q.id}: no demo ${q.subject.kind} titled ${q.subject.title}`);
      subjectId = row.id;
    } else {
      throw new Error(`labelled.json ${q.id}: subject kind ${q.subject.kind} is not evaluated`);
    }
    if (!q.relevant.length || q.relevant.some((r) => !r.source)) {
      throw new Error(`labelled.json ${q.id}: each query needs relevant actors, each with its source`);
    }
    queries.push({
      id: q.id,
      kind: q.subject.kind,
      subjectId,
      relevant: new Map(q.relevant.map((r) => [actorId(r.actor, q.id), r.actor])),
    });
  }
  return {
    queries,
    actors: ids.size,
    needs: items.filter((i) => i.kind === 'need').length,
    offers: items.filter((i) => i.kind === 'offer').length,
  };
}
