import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/client.js';
import type { DemoContext } from '../../demo/context.js';
import type { AllianceInput, BenefitInput, ContributionInput } from './contract.js';
import { addBenefit, addContribution, createAlliance, setConsent } from './service.js';

const demoFile = path.resolve(import.meta.dirname, '../../../assets/demo/alliances.json');

type Named<T> = Omit<T, 'actorId'> & { actor: string };

interface DemoAlliance extends Omit<AllianceInput, 'members'> {
  members: (Named<AllianceInput['members'] extends (infer M)[] | undefined ? M : never> & { consent: boolean })[];
  contributions: Named<ContributionInput>[];
  benefits: Named<BenefitInput>[];
}

/**
 * Loads one alliance per pilot territory (assets/demo/alliances.json), through the service as the demo admin:
 * members, direct contributions and benefits, consents. Runs before the partnerships' demo, which links its
 * partnerships to these alliances by name. The Pertuis alliance is imbalanced on purpose (balance view).
 */
export async function loadDemoAlliances(db: Db, ctx: DemoContext): Promise<string> {
  const file = JSON.parse(fs.readFileSync(demoFile, 'utf8')) as { alliances: DemoAlliance[] };
  const actorId = (name: string) => {
    const id = ctx.actorIds.get(name);
    if (!id) throw new Error(`Demo alliances: unknown demo actor « ${name} »`);
    return id;
  };
  for (const demo of file.alliances) {
    const { members, contributions, benefits, ...fields } = demo;
    const id = await createAlliance(db, ctx.system, {
      ...fields,
      members: members.map(({ actor, consent: _consent, ...m }) => ({ ...m, actorId: actorId(actor) })),
    });
    for (const { actor, ...c } of contributions)
      await addContribution(db, ctx.system, id, { ...c, actorId: actorId(actor) });
    for (const { actor, ...b } of benefits) await addBenefit(db, ctx.system, id, { ...b, actorId: actorId(actor) });
    for (const m of members) if (m.consent) await setConsent(db, ctx.system, id, actorId(m.actor), true);
  }
  return `${file.alliances.length} demo alliances`;
}
