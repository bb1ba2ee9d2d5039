// The calls for projects and funding applications the seeds name (assets/demo/funding.json): written through the
// services as the demo administrator, each status reached through the pipeline so that the history is real.
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import type { DemoContext } from '../../../demo/context.js';
import { type ActorInput, actorInput } from '../../actors/contract.js';
import { actors } from '../../actors/schema.js';
import { createActor } from '../../actors/service.js';
import { programmes, programmeTerritories } from '../../programmes/schema.js';
import { projects } from '../../projects/schema.js';
import type { CallInput } from '../calls/contract.js';
import { createCall } from '../calls/service.js';
import type { PaymentInput, ReportInput, StatusMoveInput } from './contract.js';
import { addPayment } from './payments.js';
import { moveApplication } from './pipeline.js';
import { addReport } from './reports.js';
import { createApplication } from './service.js';

type DemoFunder = Omit<ActorInput, 'contributions' | 'benefits'> & { contributions: string[]; benefits: string[] };
interface DemoApplication {
  title: string;
  call?: string;
  funder?: string;
  /** A territory of the programme, or the whole programme (null); absent for a project's application. */
  territory?: string | null;
  project?: string;
  year: number;
  amountRequested: number;
  coFunding: { actor: string; amount: number; secured: boolean }[];
  moves: StatusMoveInput[];
  payments: PaymentInput[];
  reports: ReportInput[];
}
interface DemoFile {
  funders: DemoFunder[];
  calls: (Omit<CallInput, 'funderActorId'> & { funder: string })[];
  applications: DemoApplication[];
}

const demoFile = path.resolve(import.meta.dirname, '../../../../assets/demo/funding.json');
const programmeName = "Envies d'Alliances";

const required = <T>(what: string, value: T | undefined): T => {
  if (value === undefined) throw new Error(`demo funding: unknown ${what}`);
  return value;
};

export async function loadDemoFunding(db: Db, ctx: DemoContext): Promise<string> {
  const file = JSON.parse(fs.readFileSync(demoFile, 'utf8')) as DemoFile;
  const by = ctx.system;
  const actorIds = new Map(ctx.actorIds);
  // The funders the directory does not hold yet (ADEME, Fondation La France s'engage).
  for (const f of file.funders) {
    if (actorIds.has(f.name)) continue;
    const [found] = await db.select({ id: actors.id }).from(actors).where(eq(actors.name, f.name));
    const input = {
      ...f,
      contributions: f.contributions.map((s) => `${f.family}.contribution.${s}`),
      benefits: f.benefits.map((s) => `${f.family}.benefit.${s}`),
    };
    actorIds.set(f.name, found?.id ?? (await createActor(db, by, actorInput.parse(input))));
  }
  const actor = (name: string) => required(`actor ${name}`, actorIds.get(name));

  const callIds = new Map<string, string>();
  for (const { funder, ...c } of file.calls) {
    callIds.set(c.title, await createCall(db, by, { ...c, funderActorId: actor(funder) }));
  }

  const [programme] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.name, programmeName));
  const programmeId = required(`programme ${programmeName}`, programme?.id);
  const territoryRows = await db
    .select({ id: programmeTerritories.id, name: programmeTerritories.name })
    .from(programmeTerritories)
    .where(eq(programmeTerritories.programmeId, programmeId));
  const territories = new Map(territoryRows.map((t) => [t.name, t.id]));
  const projectId = async (title: string) => {
    const [row] = await db.select({ id: projects.id }).from(projects).where(eq(projects.title, title));
    return required(`project ${title}`, row?.id);
  };

  for (const a of file.applications) {
    const target = a.project
      ? { projectId: await projectId(a.project) }
      : {
          programmeId,
          territoryId: a.territory ? required(`territory ${a.territory}`, territories.get(a.territory)) : null,
        };
    const id = await createApplication(db, by, {
      title: a.title,
      callId: a.call ? required(`call ${a.call}`, callIds.get(a.call)) : null,
      funderActorId: a.funder ? actor(a.funder) : null,
      ...target,
      year: a.year,
      amountRequested: a.amountRequested,
      coFunding: a.coFunding.map((l) => ({ actorId: actor(l.actor), amount: l.amount, secured: l.secured })),
    });
    // Payments and reports come once granted; « reported » once the reports went.
    for (const m of a.moves.filter((m) => m.to !== 'reported')) await moveApplication(db, by, id, m);
    for (const p of a.payments) await addPayment(db, by, id, p);
    for (const r of a.reports) await addReport(db, by, id, r);
    for (const m of a.moves.filter((m) => m.to === 'reported')) await moveApplication(db, by, id, m);
  }
  return `${file.calls.length} calls for projects, ${file.applications.length} funding applications`;
}
