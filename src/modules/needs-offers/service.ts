// The rules of needs and offers: plain functions taking a db handle and the caller, throwing src/errors.ts errors.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { type FieldIssue, forbidden, invalid, notFound, parseInput } from '../../errors.js';
import type { CurrentUser } from '../accounts/service.js';
import { unknownActors } from '../actors/validation.js';
import { canEditActor, type Viewer } from '../actors/visibility.js';
import { unknownCommunes, unknownThemes } from '../reference/checks.js';
import {
  type NeedOfferData,
  type NeedOfferDetail,
  type NeedOfferInput,
  needOfferInput,
  newNeedOfferInput,
} from './contract.js';
import { needsOffers } from './schema.js';
import { type SummaryRow, summaryColumns, summaryFrom, summaryOf, toIso } from './search.js';
import type { NeedOfferStatus } from './vocabulary.js';

export { latestNeedOffers, searchNeedOffers } from './search.js';

/**
 * Validates again with the contract's schema, so that callers other than the HTTP routes (demo data) get the same
 * rules; zod's messages are our codes (src/http/messages.ts) and its paths the field names.
 */
function parseNeedOffer(data: NeedOfferInput, creating: boolean): NeedOfferData {
  return parseInput(creating ? newNeedOfferInput : needOfferInput, data);
}

/** Issues for an unknown actor, unknown themes or communes. */
async function checkReferences(db: Db, data: NeedOfferData): Promise<void> {
  const issues: FieldIssue[] = [
    ...(await unknownActors(db, [{ field: 'actorId', id: data.actorId }])),
    ...(await unknownThemes(db, data.themes)),
    ...(await unknownCommunes(db, data.communeCodes)),
  ];
  if (issues.length) throw invalid(issues);
}

const unique = <T>(values: T[]): T[] => [...new Set(values)];

function fields(data: NeedOfferData) {
  return {
    kind: data.kind,
    actorId: data.actorId,
    title: data.title,
    description: data.description,
    resources: unique(data.resources),
    themes: unique(data.themes),
    communeCodes: unique(data.communeCodes),
    modes: unique(data.modes),
    deadline: data.deadline,
  };
}

/** Staff publish for any actor; a member only for its own organisation; observers and visitors never. */
export const canEditNeedOffer = (viewer: Viewer, actorId: string) => canEditActor(viewer, actorId);

/** Publishes a need or an offer, open. Returns its id. */
export async function createNeedOffer(db: Db, by: CurrentUser, input: NeedOfferInput): Promise<string> {
  // The permission first: a member learns nothing about another organisation's data by probing it.
  if (typeof input.actorId === 'string' && !canEditNeedOffer(by, input.actorId)) throw forbidden();
  const data = parseNeedOffer(input, true);
  if (!canEditNeedOffer(by, data.actorId)) throw forbidden();
  await checkReferences(db, data);
  const [row] = await db
    .insert(needsOffers)
    .values({ ...fields(data), createdBy: by.id })
    .returning({ id: needsOffers.id });
  if (!row) throw new Error('need or offer not inserted');
  return row.id;
}

async function actorOf(db: Db, id: string): Promise<{ actorId: string; deadline: string | null }> {
  const [row] = await db
    .select({ actorId: needsOffers.actorId, deadline: needsOffers.deadline })
    .from(needsOffers)
    .where(eq(needsOffers.id, id));
  if (!row) throw notFound('Besoin ou offre');
  return row;
}

/**
 * Replaces a need or offer's fields. Staff: any; a member: those of its own organisation, which it cannot hand to
 * another actor. A deadline already past is accepted only if unchanged.
 */
export async function updateNeedOffer(db: Db, by: CurrentUser, id: string, input: NeedOfferInput): Promise<void> {
  const before = await actorOf(db, id);
  if (!canEditNeedOffer(by, before.actorId)) throw forbidden();
  const data = parseNeedOffer(input, false);
  if (!canEditNeedOffer(by, data.actorId)) throw forbidden();
  if (data.deadline && data.deadline !== before.deadline) parseNeedOffer(input, true);
  await checkReferences(db, data);
  await db
    .update(needsOffers)
    .set({ ...fields(data), updatedAt: new Date() })
    .where(eq(needsOffers.id, id));
}

/** Moves a need or offer to another status (open, in discussion, fulfilled, closed), in any order. */
export async function changeNeedOfferStatus(db: Db, by: CurrentUser, id: string, status: NeedOfferStatus) {
  const before = await actorOf(db, id);
  if (!canEditNeedOffer(by, before.actorId)) throw forbidden();
  await db.update(needsOffers).set({ status, updatedAt: new Date() }).where(eq(needsOffers.id, id));
}

/** Deletes a need or offer; a partnership opened from it keeps existing, without its origin. */
export async function deleteNeedOffer(db: Db, by: CurrentUser, id: string): Promise<void> {
  const before = await actorOf(db, id);
  if (!canEditNeedOffer(by, before.actorId)) throw forbidden();
  await db.delete(needsOffers).where(eq(needsOffers.id, id));
}

/** One need or offer, with its actor and what this viewer may do with it. Public: nothing here is personal. */
export async function getNeedOffer(db: Db, viewer: Viewer, id: string): Promise<NeedOfferDetail> {
  const [row] = await rowsOf<
    SummaryRow & { full_description: string; actor_commune_code: string | null; updated_at: Date | string }
  >(
    db,
    sql`select ${summaryColumns}, n.description as full_description, a.commune_code as actor_commune_code,
      n.updated_at from ${summaryFrom} where n.id = ${id}`,
  );
  if (!row) throw notFound('Besoin ou offre');
  const summary = summaryOf(row);
  return {
    ...summary,
    description: row.full_description,
    communeCodes: row.commune_codes,
    actor: { ...summary.actor, communeCode: row.actor_commune_code },
    updatedAt: toIso(row.updated_at),
    canEdit: canEditNeedOffer(viewer, row.actor_id),
  };
}
