// Turns what suggestions are asked for (an actor, a need, an offer, a project) into the recommender's subject, and
// says who may ask: staff and observers for anyone, a member for its own organisation (or a project it carries).
import { and, asc, eq } from 'drizzle-orm';
import type { Handle } from '../../db/client.js';
import { forbidden, notFound } from '../../errors.js';
import { actors } from '../actors/schema.js';
import { isOwnMember, isStaff, type Viewer } from '../actors/visibility.js';
import { needsOffers } from '../needs-offers/schema.js';
import { projectCarriers, projects } from '../projects/schema.js';
import type { SubjectProfile } from './score.js';
import type { SubjectKind } from './vocabulary.js';
import { impliedResources, resourcesOfBenefit, resourcesOfContribution, tunables } from './weights.js';

export interface Subject {
  kind: SubjectKind;
  id: string;
  title: string;
  profile: SubjectProfile;
  /** Whether one may still act on it: a need or offer open or in discussion, a project out of draft, any actor. */
  open: boolean;
}

const unique = (list: string[]) => [...new Set(list)];

type ActorRow = typeof actors.$inferSelect;

async function actorRow(db: Handle, id: string): Promise<ActorRow> {
  const [row] = await db.select().from(actors).where(eq(actors.id, id));
  if (!row) throw notFound('Acteur');
  return row;
}

async function openItems(db: Handle, actorId: string) {
  return db
    .select()
    .from(needsOffers)
    .where(and(eq(needsOffers.actorId, actorId), eq(needsOffers.status, 'open')));
}

/** Everything an actor can give: its open offers' resources and what its contributions imply. */
function givesOf(actor: ActorRow, offers: { resources: string[] }[]): string[] {
  return unique([
    ...offers.flatMap((o) => o.resources),
    ...impliedResources(resourcesOfContribution, actor.contributions),
  ]);
}

const text = (items: { title: string; description: string }[]) =>
  items.map((i) => `${i.title} ${i.description}`).join(' ');

/** The actor-level subject: what it seeks and offers through its open needs and offers and its declared items. */
async function actorSubject(db: Handle, actor: ActorRow): Promise<SubjectProfile> {
  const items = await openItems(db, actor.id);
  const needs = items.filter((i) => i.kind === 'need');
  const offers = items.filter((i) => i.kind === 'offer');
  return {
    actorId: actor.id,
    family: actor.family,
    wanted: unique([...needs.flatMap((n) => n.resources), ...impliedResources(resourcesOfBenefit, actor.benefits)]),
    wantText: `${actor.benefitsText} ${text(needs)}`,
    offered: unique([
      ...offers.flatMap((o) => o.resources),
      ...impliedResources(resourcesOfContribution, actor.contributions),
    ]),
    offerText: `${actor.contributionsText} ${text(offers)}`,
    gives: givesOf(actor, offers),
    themes: actor.themes,
    sdgs: actor.sdgs,
    modes: unique(items.flatMap((i) => i.modes)),
    communeCodes: actor.communeCode ? [actor.communeCode] : [],
    forwardShare: tunables.forwardShare,
  };
}

function checkReader(viewer: Viewer, actorIds: string[]): void {
  if (isStaff(viewer) || viewer?.role === 'observer') return;
  if (!actorIds.some((id) => isOwnMember(viewer, id))) {
    throw forbidden('Les suggestions sont réservées à l’organisation concernée et à l’équipe d’animation');
  }
}

/**
 * The subject of a suggestion list, checked for the viewer. `actorIds` are the organisations on whose behalf one
 * may decide (the actor, the need's or offer's actor, a project's carriers).
 */
export async function loadSubject(
  db: Handle,
  viewer: Viewer,
  kind: SubjectKind,
  id: string,
): Promise<Subject & { actorIds: string[] }> {
  if (kind === 'actor') {
    const actor = await actorRow(db, id);
    checkReader(viewer, [actor.id]);
    return { kind, id, title: actor.name, profile: await actorSubject(db, actor), actorIds: [actor.id], open: true };
  }
  if (kind === 'need' || kind === 'offer') {
    const [item] = await db
      .select()
      .from(needsOffers)
      .where(and(eq(needsOffers.id, id), eq(needsOffers.kind, kind)));
    if (!item) throw notFound(kind === 'need' ? 'Besoin' : 'Offre');
    const actor = await actorRow(db, item.actorId);
    checkReader(viewer, [actor.id]);
    const offers = (await openItems(db, actor.id)).filter((i) => i.kind === 'offer');
    const need = kind === 'need';
    return {
      kind,
      id,
      title: item.title,
      actorIds: [actor.id],
      open: item.status === 'open' || item.status === 'inDiscussion',
      profile: {
        actorId: actor.id,
        family: actor.family,
        wanted: need ? item.resources : [],
        wantText: need ? `${item.title} ${item.description}` : '',
        offered: need ? [] : item.resources,
        offerText: need ? '' : `${item.title} ${item.description}`,
        gives: givesOf(actor, offers),
        themes: item.themes.length ? item.themes : actor.themes,
        sdgs: actor.sdgs,
        modes: item.modes,
        communeCodes: item.communeCodes.length ? item.communeCodes : actor.communeCode ? [actor.communeCode] : [],
        forwardShare: need ? 1 : 0,
      },
    };
  }
  const [project] = await db.select().from(projects).where(eq(projects.id, id));
  if (!project) throw notFound('Projet');
  const carriers = await db
    .select({ actorId: projectCarriers.actorId })
    .from(projectCarriers)
    .where(eq(projectCarriers.projectId, id))
    .orderBy(asc(projectCarriers.position));
  const carrierIds = carriers.map((c) => c.actorId);
  if (!carrierIds[0]) throw notFound('Porteur du projet');
  checkReader(viewer, carrierIds);
  const lead = await actorRow(db, carrierIds[0]);
  const items = await openItems(db, lead.id);
  // A flagship project seeks what its carriers' open needs say, and money when it has a budget to fund.
  const wanted = unique([
    ...items.filter((i) => i.kind === 'need').flatMap((i) => i.resources),
    ...(project.budgetTotal ? ['money'] : []),
  ]);
  return {
    kind,
    id,
    title: project.title,
    actorIds: carrierIds,
    // A draft is not shown to other organisations: no request is sent about it.
    open: project.status !== 'draft',
    profile: {
      actorId: lead.id,
      family: lead.family,
      wanted: wanted.length ? wanted : ['money', 'skills'],
      wantText: `${project.title} ${project.summary} ${project.needs}`,
      offered: [],
      offerText: '',
      gives: givesOf(
        lead,
        items.filter((i) => i.kind === 'offer'),
      ),
      themes: project.themes.length ? project.themes : lead.themes,
      sdgs: project.sdgs.length ? project.sdgs : lead.sdgs,
      modes: project.modes,
      communeCodes: project.communeCodes.length ? project.communeCodes : lead.communeCode ? [lead.communeCode] : [],
      forwardShare: 1,
    },
  };
}

/** The actor-level subject of any actor, unchecked (the refresh computes it for every actor). */
export async function actorProfile(db: Handle, actorId: string): Promise<SubjectProfile> {
  return actorSubject(db, await actorRow(db, actorId));
}
