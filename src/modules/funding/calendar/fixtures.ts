// Rows for the calendar's and the matching's tests, inserted with Drizzle directly: the calls' and applications'
// services are written beside this part, and these tests only need the rows they read.
import type { Db } from '../../../db/client.js';
import { actors } from '../../actors/schema.js';
import { programmes, programmeTerritories } from '../../programmes/schema.js';
import { projectCarriers, projects } from '../../projects/schema.js';
import { fundingApplications, fundingReports } from '../applications/schema.js';
import { fundingCalls } from '../calls/schema.js';

const idOf = <T extends { id: string }>(rows: T[]) => {
  const [row] = rows;
  if (!row) throw new Error('row not inserted');
  return row.id;
};

export const insertActor = async (db: Db, values: typeof actors.$inferInsert) =>
  idOf(await db.insert(actors).values(values).returning({ id: actors.id }));

export const insertCall = async (db: Db, funderActorId: string, values: Partial<typeof fundingCalls.$inferInsert>) =>
  idOf(
    await db
      .insert(fundingCalls)
      .values({ funderActorId, title: 'Appel à projets', ...values })
      .returning({ id: fundingCalls.id }),
  );

/** A flagship project (published unless told) with its carriers, the first one leading. */
export async function insertProject(
  db: Db,
  carrierIds: string[],
  values: Partial<typeof projects.$inferInsert> & { title: string },
) {
  const id = idOf(
    await db
      .insert(projects)
      .values({ status: 'seekingPartners', ...values })
      .returning({ id: projects.id }),
  );
  if (carrierIds.length) {
    await db.insert(projectCarriers).values(
      carrierIds.map((actorId, position) => ({
        projectId: id,
        actorId,
        role: position === 0 ? ('lead' as const) : ('coCarrier' as const),
        position,
      })),
    );
  }
  return id;
}

/** A programme with territories (name, theme, communes), ids in the order given. */
export async function insertProgramme(
  db: Db,
  name: string,
  territories: { name: string; themeId: string | null; communeCodes: string[] }[],
) {
  const programmeId = idOf(
    await db
      .insert(programmes)
      .values({ slug: name.toLowerCase().replace(/[^a-z]+/g, '-'), name, startsOn: '2017-01-01', endsOn: '2020-12-31' })
      .returning({ id: programmes.id }),
  );
  const territoryIds: string[] = [];
  for (const [position, t] of territories.entries()) {
    territoryIds.push(
      idOf(
        await db
          .insert(programmeTerritories)
          .values({ programmeId, position, ...t })
          .returning({ id: programmeTerritories.id }),
      ),
    );
  }
  return { programmeId, territoryIds };
}

/** An application to a funder for a programme (and territory) with one report per due date given. */
export async function insertApplicationWithReports(
  db: Db,
  values: { funderActorId: string; programmeId: string; territoryId?: string | null; title: string },
  reports: { title: string; dueOn: string; submittedOn?: string | null }[],
) {
  const applicationId = idOf(
    await db
      .insert(fundingApplications)
      .values({ year: 2018, amountRequested: 10_000, status: 'granted', amountGranted: 8_000, ...values })
      .returning({ id: fundingApplications.id }),
  );
  const reportIds: string[] = [];
  for (const r of reports) {
    reportIds.push(
      idOf(
        await db
          .insert(fundingReports)
          .values({ applicationId, ...r })
          .returning({ id: fundingReports.id }),
      ),
    );
  }
  return { applicationId, reportIds };
}
