// Reading partnerships: one in detail, the filtered list, the board per mode, the public showcase, the timeline and
// the draft opened from a need. Filters, search and counts are done by PostgreSQL.
import { and, asc, desc, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import { uuidArray } from '../../db/arrays.js';
import type { Db } from '../../db/client.js';
import { forbidden, notFound } from '../../errors.js';
import { users } from '../accounts/schema.js';
import type { CurrentUser } from '../accounts/service.js';
import { actors } from '../actors/schema.js';
import { isStaff } from '../actors/visibility.js';
import { alliances } from '../alliances/schema.js';
import { needsOffers } from '../needs-offers/schema.js';
import { projects } from '../projects/schema.js';
import { communes } from '../reference/schema.js';
import { partnershipAccess } from './access.js';
import type {
  Board,
  DocumentKind,
  PartnershipDetail,
  PartnershipDraft,
  PartnershipFilters,
  PartnershipPage,
  PartnershipQuery,
  ShowcasePage,
  showcaseQuery,
  TimelineEvent,
} from './contract.js';
import {
  benefits,
  contributions,
  partnershipDocuments,
  partnershipEvents,
  partnershipPartners,
  partnershipStepRecords,
  partnerships,
} from './schema.js';
import { type PartnershipMode, partnershipModes, partnershipSteps } from './vocabulary.js';

type Viewer = CurrentUser | null;

const cents = (values: (number | null)[]) => Math.round(values.reduce<number>((s, v) => s + (v ?? 0) * 100, 0)) / 100;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** One partnership as this viewer may see it: the public gets neither step notes nor documents. */
export async function getPartnership(db: Db, viewer: Viewer, id: string): Promise<PartnershipDetail> {
  const access = await partnershipAccess(db, viewer, id);
  const [row] = await db
    .select({
      p: partnerships,
      needTitle: needsOffers.title,
      projectTitle: projects.title,
      allianceName: alliances.name,
    })
    .from(partnerships)
    .leftJoin(needsOffers, eq(needsOffers.id, partnerships.needOfferId))
    .leftJoin(projects, eq(projects.id, partnerships.projectId))
    .leftJoin(alliances, eq(alliances.id, partnerships.allianceId))
    .where(eq(partnerships.id, id));
  if (!row) throw notFound('Partenariat');
  const p = row.p;
  const isPublic = access === 'public';
  const [partners, contributionRows, benefitRows, steps, documents, communeRows, renewedFrom] = await Promise.all([
    db
      .select({
        actorId: partnershipPartners.actorId,
        name: actors.name,
        family: actors.family,
        role: partnershipPartners.role,
        expectations: partnershipPartners.expectations,
        consentAt: partnershipPartners.publishConsentAt,
      })
      .from(partnershipPartners)
      .innerJoin(actors, eq(actors.id, partnershipPartners.actorId))
      .where(eq(partnershipPartners.partnershipId, id))
      .orderBy(asc(actors.name)),
    db
      .select()
      .from(contributions)
      .where(eq(contributions.partnershipId, id))
      .orderBy(asc(contributions.createdAt), asc(contributions.id)),
    db.select().from(benefits).where(eq(benefits.partnershipId, id)).orderBy(asc(benefits.createdAt), asc(benefits.id)),
    db.select().from(partnershipStepRecords).where(eq(partnershipStepRecords.partnershipId, id)),
    isPublic
      ? Promise.resolve([])
      : db
          .select({
            id: partnershipDocuments.id,
            step: partnershipDocuments.step,
            kind: partnershipDocuments.kind,
            fileName: partnershipDocuments.fileName,
            mediaType: partnershipDocuments.mediaType,
            size: partnershipDocuments.size,
            uploadedAt: partnershipDocuments.uploadedAt,
          })
          .from(partnershipDocuments)
          .where(eq(partnershipDocuments.partnershipId, id))
          .orderBy(asc(partnershipDocuments.uploadedAt)),
    p.communeCodes.length
      ? db
          .select({ code: communes.code, name: communes.name })
          .from(communes)
          .where(inArray(communes.code, p.communeCodes))
      : Promise.resolve([]),
    p.renewedFromId
      ? db
          .select({ id: partnerships.id, title: partnerships.title })
          .from(partnerships)
          .where(eq(partnerships.id, p.renewedFromId))
      : Promise.resolve([]),
  ]);
  const stepOrder = (s: string) => partnershipSteps.indexOf(s as (typeof partnershipSteps)[number]);
  return {
    id: p.id,
    title: p.title,
    summary: p.summary,
    mode: p.mode,
    currentStep: p.currentStep,
    status: p.status,
    themes: p.themes,
    communes: communeRows.sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    renewalOn: p.renewalOn,
    publishedAt: iso(p.publishedAt),
    needOffer: p.needOfferId && row.needTitle ? { id: p.needOfferId, title: row.needTitle } : null,
    project: p.projectId && row.projectTitle ? { id: p.projectId, title: row.projectTitle } : null,
    alliance: p.allianceId && row.allianceName ? { id: p.allianceId, title: row.allianceName } : null,
    renewedFrom: renewedFrom[0] ?? null,
    partners: partners.map((partner) => {
      const own = contributionRows.filter((c) => c.actorId === partner.actorId);
      const gets = benefitRows.filter((b) => b.actorId === partner.actorId);
      return {
        actorId: partner.actorId,
        name: partner.name,
        family: partner.family,
        role: partner.role,
        expectations: partner.expectations,
        consented: partner.consentAt !== null,
        consentedAt: iso(partner.consentAt),
        contributions: own.map((c) => ({
          id: c.id,
          actorId: c.actorId,
          nature: c.nature,
          description: c.description,
          value: c.value,
          hours: c.hours,
        })),
        benefits: gets.map((b) => ({
          id: b.id,
          actorId: b.actorId,
          description: b.description,
          expectedValue: b.expectedValue,
          realisedValue: b.realisedValue,
          realisedOn: b.realisedOn,
        })),
        totals: {
          contributed: cents(own.map((c) => c.value)),
          hours: own.reduce((s, c) => s + (c.hours ?? 0), 0),
          expected: cents(gets.map((b) => b.expectedValue)),
          realised: cents(gets.map((b) => b.realisedValue)),
        },
      };
    }),
    steps: steps
      .sort((a, b) => stepOrder(a.step) - stepOrder(b.step))
      .map((s) => ({
        step: s.step,
        checklist: s.checklist,
        startedOn: s.startedOn,
        completedOn: s.completedOn,
        notes: isPublic ? '' : s.notes,
      })),
    documents: documents.map((d) => ({ ...d, kind: d.kind as DocumentKind, uploadedAt: d.uploadedAt.toISOString() })),
    access,
    canOverride: access === 'edit' && isStaff(viewer),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

const partnerOf = (actorId: string) =>
  sql`exists (select 1 from partnership_partners pp where pp.partnership_id = ${partnerships.id}
    and pp.actor_id = ${actorId})`;

/** What the viewer may list: staff and observers everything; a member its own organisation's; nobody else. */
export function visibleTo(viewer: Viewer): SQL | undefined {
  if (viewer === null) return sql`false`;
  if (isStaff(viewer) || viewer.role === 'observer') return undefined;
  if (viewer.role === 'member' && viewer.actorId) return partnerOf(viewer.actorId);
  return sql`false`;
}

/** Partners' names and families, for a page of partnerships, in one query. */
export async function partnersOf(db: Db, ids: string[]) {
  if (ids.length === 0)
    return new Map<string, { actorId: string; name: string; family: (typeof actors.$inferSelect)['family'] }[]>();
  const rows = await db
    .select({
      partnershipId: partnershipPartners.partnershipId,
      actorId: actors.id,
      name: actors.name,
      family: actors.family,
    })
    .from(partnershipPartners)
    .innerJoin(actors, eq(actors.id, partnershipPartners.actorId))
    // One array parameter, however many ids (an export passes up to 50 000).
    .where(sql`${partnershipPartners.partnershipId} = any(${uuidArray(ids)})`)
    .orderBy(asc(actors.name));
  const byPartnership = new Map<string, { actorId: string; name: string; family: (typeof rows)[number]['family'] }[]>();
  for (const r of rows) {
    const list = byPartnership.get(r.partnershipId) ?? [];
    list.push({ actorId: r.actorId, name: r.name, family: r.family });
    byPartnership.set(r.partnershipId, list);
  }
  return byPartnership;
}

const textMatch = (q: string) => sql`${partnerships.searchVector} @@ websearch_to_tsquery('fr_unaccent', ${q})`;

/** The filters the list and the public showcase both offer (words, mode, theme, partner): one meaning for both. */
function sharedFilters(query: { q?: string; mode?: string; theme?: string; actor?: string }): SQL[] {
  const where: SQL[] = [];
  const q = query.q?.trim();
  if (q) where.push(textMatch(q));
  if (query.mode) where.push(eq(partnerships.mode, query.mode as PartnershipMode));
  if (query.theme) where.push(sql`${partnerships.themes} @> array[${query.theme}]::text[]`);
  if (query.actor) where.push(partnerOf(query.actor));
  return where;
}

/**
 * What the list shows for this viewer and these filters, and its order: newest changes first, best text matches first
 * when searching. Shared by the list's pages and its export.
 */
export function partnershipListScope(viewer: Viewer, query: PartnershipFilters): { condition?: SQL; order: SQL[] } {
  const where: (SQL | undefined)[] = [visibleTo(viewer), ...sharedFilters(query)];
  const q = query.q?.trim();
  if (query.step) where.push(sql`${partnerships.currentStep} = ${query.step}`);
  if (query.status) where.push(sql`${partnerships.status} = ${query.status}`);
  if (query.commune) where.push(sql`${partnerships.communeCodes} @> array[${query.commune}]::text[]`);
  if (query.allianceId) where.push(eq(partnerships.allianceId, query.allianceId));
  const order = q
    ? [
        desc(sql`ts_rank(${partnerships.searchVector}, websearch_to_tsquery('fr_unaccent', ${q}))`),
        desc(partnerships.updatedAt),
        desc(partnerships.id),
      ]
    : [desc(partnerships.updatedAt), desc(partnerships.id)];
  return { condition: and(...where), order };
}

/** The list, filtered and paginated (partnershipListScope). */
export async function listPartnerships(db: Db, viewer: Viewer, query: PartnershipQuery): Promise<PartnershipPage> {
  const { condition, order } = partnershipListScope(viewer, query);
  const [rows, total] = await Promise.all([
    db
      .select({
        id: partnerships.id,
        title: partnerships.title,
        mode: partnerships.mode,
        currentStep: partnerships.currentStep,
        status: partnerships.status,
        themes: partnerships.themes,
        startsOn: partnerships.startsOn,
        endsOn: partnerships.endsOn,
        publishedAt: partnerships.publishedAt,
      })
      .from(partnerships)
      .where(condition)
      .orderBy(...order)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.$count(partnerships, condition),
  ]);
  const partners = await partnersOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map(({ publishedAt, ...r }) => ({
      ...r,
      partners: partners.get(r.id) ?? [],
      published: publishedAt !== null,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The board of one mode: a column per step, in order, each with the cards the viewer may see. */
export async function partnershipBoard(db: Db, viewer: Viewer, mode: PartnershipMode): Promise<Board> {
  const rows = await db
    .select({
      id: partnerships.id,
      title: partnerships.title,
      step: partnerships.currentStep,
      status: partnerships.status,
      startsOn: partnerships.startsOn,
      endsOn: partnerships.endsOn,
    })
    .from(partnerships)
    .where(and(eq(partnerships.mode, mode), visibleTo(viewer)))
    .orderBy(desc(partnerships.updatedAt))
    .limit(500);
  const partners = await partnersOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    mode,
    columns: partnershipSteps.map((step) => ({
      step,
      cards: rows
        .filter((r) => r.step === step)
        .map((r) => ({
          id: r.id,
          title: r.title,
          partners: (partners.get(r.id) ?? []).map((p) => p.name),
          startsOn: r.startsOn,
          endsOn: r.endsOn,
          status: r.status,
        })),
    })),
  };
}

/** The public showcase: published partnerships only, without notes, documents nor anyone's name. */
export async function showcase(db: Db, query: ReturnType<typeof showcaseQuery.parse>): Promise<ShowcasePage> {
  const condition = and(isNotNull(partnerships.publishedAt), ...sharedFilters(query));
  const [rows, total] = await Promise.all([
    db
      .select({
        id: partnerships.id,
        title: partnerships.title,
        summary: partnerships.summary,
        mode: partnerships.mode,
        themes: partnerships.themes,
        publishedAt: partnerships.publishedAt,
      })
      .from(partnerships)
      .where(condition)
      .orderBy(desc(partnerships.publishedAt), desc(partnerships.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.$count(partnerships, condition),
  ]);
  const partners = await partnersOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => ({
      ...r,
      publishedAt: (r.publishedAt ?? new Date()).toISOString(),
      partners: partners.get(r.id) ?? [],
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * The timeline, newest first. Staff and partners see who did what; observers see what happened, without names,
 * people nor notes (a contact's kind and subject they also read in the contact log); the public never sees it.
 */
export async function partnershipTimeline(db: Db, viewer: Viewer, id: string): Promise<TimelineEvent[]> {
  const access = await partnershipAccess(db, viewer, id);
  if (access === 'public') throw forbidden();
  const rows = await db
    .select({
      id: partnershipEvents.id,
      at: partnershipEvents.at,
      kind: partnershipEvents.kind,
      data: partnershipEvents.data,
      userName: users.displayName,
    })
    .from(partnershipEvents)
    .leftJoin(users, eq(users.id, partnershipEvents.userId))
    .where(eq(partnershipEvents.partnershipId, id))
    .orderBy(desc(partnershipEvents.at), desc(partnershipEvents.id))
    .limit(500);
  const named = access === 'edit';
  return rows.map((r) => {
    const data = { ...r.data };
    if (!named) {
      // Contacts' people and notes are confidential (ADR 0004): observers see that a contact happened, and its subject.
      delete data.notes;
      delete data.people;
    }
    return { id: r.id, at: r.at.toISOString(), kind: r.kind, data, userName: named ? r.userName : null };
  });
}

/** A partnership suggested from a need or offer: its title, its actor as first partner, themes, communes, mode. */
export async function draftFromNeed(db: Db, needOfferId: string): Promise<PartnershipDraft> {
  const [need] = await db
    .select({
      id: needsOffers.id,
      kind: needsOffers.kind,
      title: needsOffers.title,
      description: needsOffers.description,
      themes: needsOffers.themes,
      communeCodes: needsOffers.communeCodes,
      modes: needsOffers.modes,
      actorId: needsOffers.actorId,
      actorName: actors.name,
    })
    .from(needsOffers)
    .innerJoin(actors, eq(actors.id, needsOffers.actorId))
    .where(eq(needsOffers.id, needOfferId));
  if (!need) throw notFound('Besoin ou offre');
  const mode = partnershipModes.find((m) => need.modes.includes(m)) ?? 'support';
  return {
    needOfferId: need.id,
    needTitle: need.title,
    title: need.title,
    summary: need.description,
    mode,
    themes: need.themes,
    communeCodes: need.communeCodes,
    partners: [
      {
        actorId: need.actorId,
        name: need.actorName,
        role: need.kind === 'need' ? 'Porteur du besoin' : 'Porteur de l’offre',
        expectations: '',
      },
    ],
  };
}
