import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/client.js';
import type { DemoContext } from '../../demo/context.js';
import { type NeedOfferInput, todayInParis } from './contract.js';
import { changeNeedOfferStatus, createNeedOffer } from './service.js';
import type { NeedOfferStatus } from './vocabulary.js';

const demoFile = path.resolve(import.meta.dirname, '../../../assets/demo/needs-offers.json');

/** A need or offer of the demo file: its actor by name, its deadline in days from the loading day. */
interface DemoNeedOffer extends Omit<NeedOfferInput, 'actorId' | 'communeCodes' | 'deadline'> {
  actor: string;
  communes: string[];
  deadlineInDays: number | null;
  status?: NeedOfferStatus;
}

/** Loads this module's part of the Pays d'Aix demo data, oldest first (the last one tops the home feed). */
export async function loadDemoNeedOffers(db: Db, ctx: DemoContext): Promise<string> {
  const file = JSON.parse(fs.readFileSync(demoFile, 'utf8')) as { needsOffers: DemoNeedOffer[] };
  for (const { actor, communes, deadlineInDays, status, ...rest } of file.needsOffers) {
    const actorId = ctx.actorIds.get(actor);
    if (!actorId) throw new Error(`demo need or offer: unknown actor ${actor}`);
    const deadline = deadlineInDays === null ? null : todayInParis(new Date(Date.now() + deadlineInDays * 86_400_000));
    const id = await createNeedOffer(db, ctx.system, { ...rest, actorId, communeCodes: communes, deadline });
    if (status && status !== 'open') await changeNeedOfferStatus(db, ctx.system, id, status);
  }
  return `${file.needsOffers.length} demo needs and offers`;
}
