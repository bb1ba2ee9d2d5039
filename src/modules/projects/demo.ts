import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/client.js';
import type { DemoContext } from '../../demo/context.js';
import { type ProjectInput, projectInput } from './contract.js';
import { createProject } from './service.js';

const demoFile = path.resolve(import.meta.dirname, '../../../assets/demo/projects.json');

type DemoProject = Omit<ProjectInput, 'carriers'> & { carriers: { name: string; role: 'lead' | 'coCarrier' }[] };

/**
 * The flagship projects of the culture & art associations of Aix (first-year review, step 3), created through the
 * service like any project. Carriers are named as in pays-d-aix.json. Returns a summary for the start-up log.
 */
export async function loadDemoProjects(db: Db, ctx: DemoContext): Promise<string> {
  const file = JSON.parse(fs.readFileSync(demoFile, 'utf8')) as { projects: DemoProject[] };
  // Newest first in lists: created in reverse, so that the file's first project (the collective) leads the list.
  for (const demo of [...file.projects].reverse()) {
    const carriers = demo.carriers.map((c) => {
      const actorId = ctx.actorIds.get(c.name);
      if (!actorId) throw new Error(`demo project "${demo.title}": unknown carrier "${c.name}"`);
      return { actorId, role: c.role };
    });
    await createProject(db, ctx.system, projectInput.parse({ ...demo, carriers }));
  }
  return `${file.projects.length} demo flagship projects`;
}
