import fs from 'node:fs';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import type { DemoContext } from '../../../demo/context.js';
import { programmes } from '../../programmes/schema.js';
import { fundingApplications } from '../applications/schema.js';
import { territoriesOf } from './common.js';
import type { NewLineInput, SourceInput } from './contract.js';
import { createLine } from './lines.js';
import type { NewHoursInput, NewRateInput } from './volunteer-contract.js';
import { createHours, createRate } from './volunteers.js';

const demoFile = path.resolve(import.meta.dirname, '../../../../assets/demo/budget.json');

/** A source names its application by title (created by loadDemoFunding just before). */
type DemoSource = Omit<SourceInput, 'applicationId'> & { application?: string };
type DemoLine = Omit<NewLineInput, 'programmeId' | 'territoryId' | 'sources'> & {
  territory: string | null;
  sources: DemoSource[];
};
type DemoHours = Omit<NewHoursInput, 'programmeId' | 'territoryId'> & { territory: string | null };

interface DemoBudget {
  programme: string;
  lines: DemoLine[];
  volunteerRates: Omit<NewRateInput, 'programmeId'>[];
  volunteerHours: DemoHours[];
}

/**
 * The programme's budget (2017 actuals, 2018–2020 forecast) and volunteer valuation (assets/demo/budget.json), through
 * the services as the demo admin. An application the file names but the database lacks is skipped with its source
 * (the rest still loads).
 */
export async function loadDemoBudget(db: Db, ctx: DemoContext): Promise<string> {
  const file = JSON.parse(fs.readFileSync(demoFile, 'utf8')) as DemoBudget;
  const [programme] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.name, file.programme));
  if (!programme) return '';
  const territoryId = new Map((await territoriesOf(db, programme.id)).map((t) => [t.name, t.id]));
  const territory = (name: string | null) => {
    if (name === null) return null;
    const id = territoryId.get(name);
    if (!id) throw new Error(`Demo budget: unknown territory « ${name} »`);
    return id;
  };
  const titles = file.lines.flatMap((l) => l.sources.flatMap((s) => (s.application ? [s.application] : [])));
  const applications = await db
    .select({ id: fundingApplications.id, title: fundingApplications.title })
    .from(fundingApplications)
    .where(inArray(fundingApplications.title, titles));
  const applicationId = new Map(applications.map((a) => [a.title, a.id]));
  for (const { territory: name, sources, ...line } of file.lines) {
    await createLine(db, ctx.system, {
      ...line,
      programmeId: programme.id,
      territoryId: territory(name),
      sources: sources.flatMap(({ application, ...s }) => {
        if (!application) return [s];
        const id = applicationId.get(application);
        return id ? [{ ...s, applicationId: id }] : [];
      }),
    });
  }
  for (const rate of file.volunteerRates) await createRate(db, ctx.system, { ...rate, programmeId: programme.id });
  for (const { territory: name, ...hours } of file.volunteerHours) {
    await createHours(db, ctx.system, { ...hours, programmeId: programme.id, territoryId: territory(name) });
  }
  return `${file.lines.length} demo budget lines, ${file.volunteerHours.length} volunteer hour logs`;
}
