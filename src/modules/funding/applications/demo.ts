// The calls for projects and funding applications the seeds name (assets/demo/funding.json): written through the
// services as the demo administrator, each status reached through the pipeline so that the history is real.
import fs from 'node:fs';
import path from 'node:path';
import { and, eq, max } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import type { DemoContext } from '../../../demo/context.js';
import { type ActorInput, actorInput } from '../../actors/contract.js';
import { actors } from '../../actors/schema.js';
import { createActor } from '../../actors/service.js';
import { addDays, maxDay } from '../../programmes/common.js';
import { programmes, programmeTerritories } from '../../programmes/schema.js';
import { projects } from '../../projects/schema.js';
import type { CallInput } from '../calls/contract.js';
import { createCall } from '../calls/service.js';
import { type ApplicationStatus, applicationStatuses } from '../vocabulary.js';
import type { PaymentInput, ReportInput, StatusMoveInput } from './contract.js';
import { addPayment } from './payments.js';
import { moveApplication } from './pipeline.js';
import { addReport } from './reports.js';
import { fundingApplicationSteps, fundingApplications, fundingReports } from './schema.js';
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

/** Noon in Paris on a day, for the instants the demo backdates. */
const noonOf = (day: string) => new Date(`${day}T11:00:00Z`);

/**
 * Dates the history as it happened rather than when the demo loaded: each step on the day its status records
 * (submitted, decided, the last report sent), the start a month before submission (or in the autumn before the year
 * it funds while it is still being drafted).
 */
async function backdateHistory(db: Db, id: string, year: number) {
  const [app] = await db
    .select({ submittedOn: fundingApplications.submittedOn, decidedOn: fundingApplications.decidedOn })
    .from(fundingApplications)
    .where(eq(fundingApplications.id, id));
  const [reports] = await db
    .select({ lastSentOn: max(fundingReports.submittedOn) })
    .from(fundingReports)
    .where(eq(fundingReports.applicationId, id));
  const startedOn = app?.submittedOn ? addDays(app.submittedOn, -30) : `${year - 1}-11-06`;
  const dayOf: Record<ApplicationStatus, string | null | undefined> = {
    drafting: startedOn,
    submitted: app?.submittedOn,
    granted: app?.decidedOn,
    refused: app?.decidedOn,
    reported: reports?.lastSentOn,
  };
  for (const status of applicationStatuses) {
    const day = dayOf[status];
    if (!day) continue;
    await db
      .update(fundingApplicationSteps)
      .set({ at: noonOf(day) })
      .where(and(eq(fundingApplicationSteps.applicationId, id), eq(fundingApplicationSteps.toStatus, status)));
  }
  const lastDay = maxDay(Object.values(dayOf).filter((d): d is string => !!d));
  await db
    .update(fundingApplications)
    .set({ createdAt: noonOf(startedOn), updatedAt: noonOf(lastDay) })
    .where(eq(fundingApplications.id, id));
}

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
    await backdateHistory(db, id, a.year);
  }
  return `${file.calls.length} calls for projects, ${file.applications.length} funding applications`;
}
