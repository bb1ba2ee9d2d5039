import fs from 'node:fs';
import path from 'node:path';
import { and, isNull, like } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { users } from '../modules/accounts/schema.js';
import { type CurrentUser, createUser } from '../modules/accounts/service.js';
import { type ActorInput, actorInput } from '../modules/actors/contract.js';
import { actors } from '../modules/actors/schema.js';
import { createActor } from '../modules/actors/service.js';
import { loadDemoAlliances } from '../modules/alliances/demo.js';
import { loadDemoContacts } from '../modules/contacts/demo.js';
import { loadDemoDiagnostics } from '../modules/diagnostics/demo.js';
import { loadDemoDialogue } from '../modules/dialogue/demo.js';
import { loadDemoEvaluations } from '../modules/evaluation/demo.js';
import { loadDemoEvents } from '../modules/events/demo.js';
import { loadDemoFunding } from '../modules/funding/applications/demo.js';
import { loadDemoBudget } from '../modules/funding/budget/demo.js';
import { loadDemoMatching } from '../modules/matching/demo.js';
import { loadDemoNeedOffers } from '../modules/needs-offers/demo.js';
import { loadDemoPartnerships } from '../modules/partnerships/demo.js';
import { loadDemoPrivacy } from '../modules/privacy/demo.js';
import { loadDemoProgrammes } from '../modules/programmes/demo.js';
import { loadDemoProjects } from '../modules/projects/demo.js';
import { loadDemoReviews } from '../modules/reviews/demo.js';
import { type DemoContext, demoDomain } from './context.js';

export const demoPassword = 'alliances-demo';

/** Demo accounts of each role (README). The member belongs to the actor named `actorName`. */
export const demoAccounts = [
  { email: 'admin@demo.alliances.local', displayName: 'Alice Admin', role: 'admin' },
  { email: 'animatrice@demo.alliances.local', displayName: 'Anna Animatrice', role: 'animator' },
  { email: 'charlie-free@demo.alliances.local', displayName: 'Marc Membre', role: 'member', actorName: 'Charlie Free' },
  { email: 'copil@demo.alliances.local', displayName: 'Olivia Observatrice', role: 'observer' },
  {
    email: 'gepa@demo.alliances.local',
    displayName: 'Paul Entreprise',
    role: 'member',
    actorName: "GEPA – Groupement des entreprises du Pays d'Aix",
  },
  {
    email: 'jce@demo.alliances.local',
    displayName: 'Jeanne Entreprise',
    role: 'member',
    actorName: "Jeune Chambre Économique du Pays d'Aix",
  },
  {
    email: 'mairie-pertuis@demo.alliances.local',
    displayName: 'Pierre Mairie',
    role: 'member',
    actorName: 'Ville de Pertuis',
  },
  { email: 'citoyenne@demo.alliances.local', displayName: 'Camille Citoyenne', role: 'citizen', communeCode: '84089' },
] as const;

type DemoActor = Omit<ActorInput, 'contributions' | 'benefits'> & { contributions: string[]; benefits: string[] };

const demoFile = path.resolve(import.meta.dirname, '../../assets/demo/pays-d-aix.json');

/** The demo file names taxonomy items by slug; the taxonomy ids are `family.direction.slug`. */
function toInput(a: DemoActor): ActorInput {
  return {
    ...a,
    contributions: a.contributions.map((s) => `${a.family}.contribution.${s}`),
    benefits: a.benefits.map((s) => `${a.family}.benefit.${s}`),
  };
}

export class DemoDataRefused extends Error {}

/**
 * Loads the Pays d'Aix programme (actors from the seeds, fictional people) and the demo accounts into an empty
 * database. Refused in production; does nothing when actors or users already exist (second start reuses the data).
 */
export async function loadDemoData(db: Db, opts: { production: boolean; publicUrl?: string }): Promise<string> {
  if (opts.production) throw new DemoDataRefused('Demo data and demo accounts are refused when NODE_ENV=production');
  const [actorCount, userCount] = await Promise.all([db.$count(actors), db.$count(users)]);
  if (actorCount > 0 || userCount > 0) return '';
  const file = JSON.parse(fs.readFileSync(demoFile, 'utf8')) as { actors: DemoActor[] };
  const system: CurrentUser = {
    id: await createUser(db, { ...demoAccounts[0], password: demoPassword }),
    ...demoAccounts[0],
    actorId: null,
    locale: 'fr',
  };
  const ids = new Map<string, string>();
  for (const demo of file.actors) {
    ids.set(demo.name, await createActor(db, system, actorInput.parse(toInput(demo))));
  }
  const accounts = new Map<string, CurrentUser>([[system.email, system]]);
  for (const account of demoAccounts.slice(1)) {
    const actorId = 'actorName' in account ? (ids.get(account.actorName) ?? null) : null;
    const id = await createUser(db, { ...account, actorId, password: demoPassword });
    accounts.set(account.email, { id, ...account, actorId, locale: 'fr' });
  }
  // In dependency order: partnerships name the alliances they belong to; contacts name partnerships.
  const ctx: DemoContext = {
    system,
    actorIds: ids,
    users: accounts,
    publicUrl: opts.publicUrl ?? 'http://localhost:3000',
  };
  const summaries = [`${file.actors.length} demo actors`];
  for (const load of [
    loadDemoNeedOffers,
    loadDemoProjects,
    loadDemoAlliances,
    loadDemoPartnerships,
    loadDemoContacts,
    loadDemoEvents,
    loadDemoProgrammes,
    loadDemoFunding,
    loadDemoBudget,
    loadDemoMatching,
    loadDemoEvaluations,
    loadDemoDiagnostics,
    loadDemoDialogue,
    loadDemoReviews,
    loadDemoPrivacy,
  ]) {
    const summary = await load(db, ctx);
    if (summary) summaries.push(summary);
  }
  return `${summaries.join(', ')}, ${demoAccounts.length} demo accounts (password ${demoPassword})`;
}

/**
 * In production the demo accounts are refused: if a database that once held demo data is started in production,
 * those accounts are disabled (their sessions then stop working). Returns how many were disabled.
 */
export async function disableDemoAccounts(db: Db): Promise<number> {
  // Every account of the demo domain: the accounts of each role and the organisations' contacts of the demo events.
  const disabled = await db
    .update(users)
    .set({ disabledAt: new Date() })
    .where(and(like(users.email, `%@${demoDomain}`), isNull(users.disabledAt)))
    .returning({ id: users.id });
  return disabled.length;
}
