// The partnerships' rules: plain functions taking a db handle and the caller, throwing the domain errors of
// src/errors.ts. Every multi-row write is one transaction, with its timeline event.
import { and, eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { conflict, type FieldIssue, forbidden, invalid, notFound, parseInput } from '../../errors.js';
import type { CurrentUser } from '../accounts/service.js';
import { actors } from '../actors/schema.js';
import { unknownActors } from '../actors/validation.js';
import { isStaff } from '../actors/visibility.js';
import { alliances } from '../alliances/schema.js';
import { needsOffers } from '../needs-offers/schema.js';
import { projects } from '../projects/schema.js';
import { unknownCommunes, unknownThemes } from '../reference/checks.js';
import { partnershipAccess } from './access.js';
import {
  type BenefitInput,
  benefitInput,
  type ContributionInput,
  contributionInput,
  type PartnerInput,
  type PartnershipFields,
  type PartnershipInput,
  partnerInput,
  partnershipFields,
  partnershipInput,
  realiseInput,
  type StepMoveInput,
  type StepRecordInput,
  stepMoveInput,
  stepRecordInput,
} from './contract.js';
import {
  benefits,
  contributions,
  type LedgerTable,
  partnershipDocuments,
  partnershipEvents,
  partnershipPartners,
  partnershipStepRecords,
  partnerships,
} from './schema.js';
import { defaultChecklist, leavesContractForward, moveKind } from './steps.js';
import { type PartnershipStatus, type PartnershipStep, partnershipSteps } from './vocabulary.js';

export { getPartnership } from './queries.js';

export const today = () => new Date().toISOString().slice(0, 10);

/** The caller must have edit access: staff, or a member of one of the partners. Others: 403 (or 404 if unseen). */
export async function requireEdit(db: Db, user: CurrentUser, id: string): Promise<void> {
  const access = await partnershipAccess(db, user, id);
  if (access !== 'edit') throw forbidden();
}

export async function addEvent(
  db: Db,
  partnershipId: string,
  userId: string | null,
  kind: string,
  data: Record<string, unknown> = {},
) {
  await db.insert(partnershipEvents).values({ partnershipId, userId, kind, data });
}

async function touch(db: Db, id: string) {
  await db.update(partnerships).set({ updatedAt: new Date() }).where(eq(partnerships.id, id));
}

/** Unknown actors, themes, communes, project or alliance: issues naming each field. */
async function checkReferences(
  db: Db,
  data: Pick<PartnershipFields, 'themes' | 'communeCodes' | 'projectId' | 'allianceId'> & {
    partners?: { actorId: string }[];
  },
): Promise<void> {
  const partners = (data.partners ?? []).map((p, i) => ({ field: `partners.${i}.actorId`, id: p.actorId }));
  const issues: FieldIssue[] = [
    ...(await unknownActors(db, partners)),
    ...(await unknownThemes(db, data.themes)),
    ...(await unknownCommunes(db, data.communeCodes)),
  ];
  if (data.projectId) {
    const [found] = await db.select({ id: projects.id }).from(projects).where(eq(projects.id, data.projectId));
    if (!found) issues.push({ field: 'projectId', code: 'unknownProject' });
  }
  if (data.allianceId) {
    const [found] = await db.select({ id: alliances.id }).from(alliances).where(eq(alliances.id, data.allianceId));
    if (!found) issues.push({ field: 'allianceId', code: 'unknownAlliance' });
  }
  if (issues.length) throw invalid(issues);
}

const unique = <T>(values: T[]): T[] => [...new Set(values)];

/**
 * Opens a partnership: its partners, its five step records with their default checklists, a `created` event; when
 * opened from a need or offer still open, that need or offer goes « in discussion ». Staff, or a member whose own
 * organisation is one of the partners. Returns the new id.
 */
export async function openPartnership(db: Db, by: CurrentUser, input: PartnershipInput): Promise<string> {
  const data = parseInput(partnershipInput, input);
  if (!isStaff(by)) {
    if (by.role !== 'member' || !by.actorId || !data.partners.some((p) => p.actorId === by.actorId)) {
      throw forbidden('Votre organisation doit être l’un des partenaires');
    }
  }
  await checkReferences(db, data);
  if (data.needOfferId) {
    const [need] = await db
      .select({ id: needsOffers.id })
      .from(needsOffers)
      .where(eq(needsOffers.id, data.needOfferId));
    if (!need) throw invalid([{ field: 'needOfferId', code: 'unknownNeedOffer' }]);
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(partnerships)
      .values({
        title: data.title,
        summary: data.summary,
        mode: data.mode,
        themes: unique(data.themes),
        communeCodes: unique(data.communeCodes),
        startsOn: data.startsOn,
        endsOn: data.endsOn,
        renewalOn: data.renewalOn,
        needOfferId: data.needOfferId,
        projectId: data.projectId,
        allianceId: data.allianceId,
        createdBy: by.id,
      })
      .returning({ id: partnerships.id });
    if (!row) throw new Error('partnership not inserted');
    await tx.insert(partnershipPartners).values(
      data.partners.map((p) => ({
        partnershipId: row.id,
        actorId: p.actorId,
        role: p.role,
        expectations: p.expectations,
      })),
    );
    await tx.insert(partnershipStepRecords).values(
      partnershipSteps.map((step) => ({
        partnershipId: row.id,
        step,
        checklist: defaultChecklist(step),
        startedOn: step === 'preparePartners' ? (data.startsOn ?? today()) : null,
      })),
    );
    await addEvent(tx, row.id, by.id, 'created', {
      title: data.title,
      mode: data.mode,
      ...(data.needOfferId ? { needOfferId: data.needOfferId } : {}),
    });
    if (data.needOfferId) {
      // The needs-offers module owns that table; the status change belongs with the opening, in this transaction,
      // so it is written here directly: an open need or offer is now being discussed in a partnership.
      const moved = await tx
        .update(needsOffers)
        .set({ status: 'inDiscussion', updatedAt: new Date() })
        .where(and(eq(needsOffers.id, data.needOfferId), eq(needsOffers.status, 'open')))
        .returning({ id: needsOffers.id });
      if (moved.length) await addEvent(tx, row.id, by.id, 'needInDiscussion', { needOfferId: data.needOfferId });
    }
    return row.id;
  });
}

/** Replaces a partnership's fields (partners aside). */
export async function updatePartnership(db: Db, by: CurrentUser, id: string, input: PartnershipFields): Promise<void> {
  await requireEdit(db, by, id);
  const data = parseInput(partnershipFields, input);
  await checkReferences(db, data);
  await db.transaction(async (tx) => {
    await tx
      .update(partnerships)
      .set({
        title: data.title,
        summary: data.summary,
        mode: data.mode,
        themes: unique(data.themes),
        communeCodes: unique(data.communeCodes),
        startsOn: data.startsOn,
        endsOn: data.endsOn,
        renewalOn: data.renewalOn,
        projectId: data.projectId,
        allianceId: data.allianceId,
        updatedAt: new Date(),
      })
      .where(eq(partnerships.id, id));
    await addEvent(tx, id, by.id, 'updated', { title: data.title });
  });
}

/**
 * Publication is unanimous: `published_at` is set when every partner consented, cleared when one has not (a new
 * partner, a withdrawal). Called after each change of partners or consents, in the same transaction.
 */
async function syncPublication(tx: Db, id: string, userId: string) {
  const [state] = await tx
    .select({
      publishedAt: partnerships.publishedAt,
      missing: sql<number>`(select count(*)::int from partnership_partners pp
        where pp.partnership_id = ${partnerships.id} and pp.publish_consent_at is null)`,
    })
    .from(partnerships)
    .where(eq(partnerships.id, id));
  if (!state) return;
  const allAgreed = Number(state.missing) === 0;
  if (allAgreed && state.publishedAt === null) {
    await tx.update(partnerships).set({ publishedAt: new Date() }).where(eq(partnerships.id, id));
    await addEvent(tx, id, userId, 'published');
  } else if (!allAgreed && state.publishedAt !== null) {
    await tx.update(partnerships).set({ publishedAt: null }).where(eq(partnerships.id, id));
    await addEvent(tx, id, userId, 'unpublished');
  }
}

async function actorName(db: Db, actorId: string): Promise<string> {
  const [row] = await db.select({ name: actors.name }).from(actors).where(eq(actors.id, actorId));
  return row?.name ?? '';
}

export async function addPartner(db: Db, by: CurrentUser, id: string, input: PartnerInput): Promise<void> {
  await requireEdit(db, by, id);
  const data = parseInput(partnerInput, input);
  const [known] = await db.select({ id: actors.id }).from(actors).where(eq(actors.id, data.actorId));
  if (!known) throw invalid([{ field: 'actorId', code: 'unknownActor' }]);
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(partnershipPartners)
      .values({ partnershipId: id, actorId: data.actorId, role: data.role, expectations: data.expectations })
      .onConflictDoNothing()
      .returning({ actorId: partnershipPartners.actorId });
    if (!inserted.length) throw conflict('Déjà partenaire', [{ field: 'actorId', code: 'duplicatePartner' }]);
    await addEvent(tx, id, by.id, 'partnerAdded', {
      actorId: data.actorId,
      actorName: await actorName(tx, data.actorId),
    });
    await syncPublication(tx, id, by.id);
    await touch(tx, id);
  });
}

export async function updatePartner(
  db: Db,
  by: CurrentUser,
  id: string,
  actorId: string,
  input: { role?: string; expectations?: string },
): Promise<void> {
  await requireEdit(db, by, id);
  const data = parseInput(partnerInput, { ...input, actorId });
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(partnershipPartners)
      .set({ role: data.role, expectations: data.expectations })
      .where(and(eq(partnershipPartners.partnershipId, id), eq(partnershipPartners.actorId, actorId)))
      .returning({ actorId: partnershipPartners.actorId });
    if (!updated.length) throw notFound('Partenaire');
    await touch(tx, id);
  });
}

/** Removes a partner and its contributions and benefits here; a partnership keeps at least two partners. */
export async function removePartner(db: Db, by: CurrentUser, id: string, actorId: string): Promise<void> {
  await requireEdit(db, by, id);
  await db.transaction(async (tx) => {
    const partners = await tx
      .select({ actorId: partnershipPartners.actorId })
      .from(partnershipPartners)
      .where(eq(partnershipPartners.partnershipId, id))
      .for('update');
    if (!partners.some((p) => p.actorId === actorId)) throw notFound('Partenaire');
    if (partners.length <= 2) {
      throw conflict('Un partenariat garde au moins deux partenaires', [
        { field: 'partners', code: 'twoPartnersRequired' },
      ]);
    }
    await tx.delete(contributions).where(and(eq(contributions.partnershipId, id), eq(contributions.actorId, actorId)));
    await tx.delete(benefits).where(and(eq(benefits.partnershipId, id), eq(benefits.actorId, actorId)));
    await tx
      .delete(partnershipPartners)
      .where(and(eq(partnershipPartners.partnershipId, id), eq(partnershipPartners.actorId, actorId)));
    await addEvent(tx, id, by.id, 'partnerRemoved', { actorId, actorName: await actorName(tx, actorId) });
    await syncPublication(tx, id, by.id);
    await touch(tx, id);
  });
}

/**
 * A partner agrees (or no longer agrees) to publish. A member for its own organisation only; staff for any partner,
 * which the timeline says (`byStaff`). Publication follows (syncPublication).
 */
export async function setConsent(
  db: Db,
  by: CurrentUser,
  id: string,
  actorId: string,
  consent: boolean,
): Promise<void> {
  await requireEdit(db, by, id);
  const byStaff = isStaff(by);
  if (!byStaff && by.actorId !== actorId) throw forbidden('Seul ce partenaire peut donner son accord');
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(partnershipPartners)
      .set(
        consent
          ? { publishConsentAt: new Date(), publishConsentBy: by.id }
          : { publishConsentAt: null, publishConsentBy: null },
      )
      .where(and(eq(partnershipPartners.partnershipId, id), eq(partnershipPartners.actorId, actorId)))
      .returning({ actorId: partnershipPartners.actorId });
    if (!updated.length) throw notFound('Partenaire');
    await addEvent(tx, id, by.id, consent ? 'consentGiven' : 'consentWithdrawn', {
      actorId,
      actorName: await actorName(tx, actorId),
      byStaff,
    });
    await syncPublication(tx, id, by.id);
  });
}

/** The actor must be one of the partners (contributions and benefits belong to a partner). */
async function requirePartner(db: Db, id: string, actorId: string) {
  const [row] = await db
    .select({ actorId: partnershipPartners.actorId })
    .from(partnershipPartners)
    .where(and(eq(partnershipPartners.partnershipId, id), eq(partnershipPartners.actorId, actorId)));
  if (!row) throw invalid([{ field: 'actorId', code: 'notAPartner' }]);
}

/** Contributions and benefits alike: the caller edits the partnership, the input passes, its actor is a partner. */
async function checkLedgerInput<T extends { actorId: string }>(
  db: Db,
  by: CurrentUser,
  id: string,
  parse: () => T,
): Promise<T> {
  await requireEdit(db, by, id);
  const data = parse();
  await requirePartner(db, id, data.actorId);
  return data;
}

const ledgerItemName = (table: LedgerTable) => (table === contributions ? 'Contribution' : 'Bénéfice');

/** Replaces a contribution or a benefit of this partnership (one function for both tables: same columns, same rules). */
async function updateLedgerItem<T extends LedgerTable>(
  db: Db,
  table: T,
  id: string,
  itemId: string,
  data: PgUpdateSetSource<T>,
): Promise<void> {
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(table)
      .set(data)
      .where(and(eq(table.id, itemId), eq(table.partnershipId, id)))
      .returning({ id: table.id });
    if (!updated.length) throw notFound(ledgerItemName(table));
    await touch(tx, id);
  });
}

/** Deletes a contribution or a benefit of this partnership. */
async function deleteLedgerItem(db: Db, by: CurrentUser, table: LedgerTable, id: string, itemId: string) {
  await requireEdit(db, by, id);
  await db.transaction(async (tx) => {
    const deleted = await tx
      .delete(table)
      .where(and(eq(table.id, itemId), eq(table.partnershipId, id)))
      .returning({ id: table.id });
    if (!deleted.length) throw notFound(ledgerItemName(table));
    await touch(tx, id);
  });
}

export async function addContribution(db: Db, by: CurrentUser, id: string, input: ContributionInput): Promise<string> {
  const data = await checkLedgerInput(db, by, id, () => parseInput(contributionInput, input));
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(contributions)
      .values({ partnershipId: id, ...data })
      .returning({ id: contributions.id });
    await addEvent(tx, id, by.id, 'contributionAdded', {
      actorId: data.actorId,
      nature: data.nature,
      description: data.description,
      value: data.value,
      hours: data.hours,
    });
    await touch(tx, id);
    return row?.id ?? '';
  });
}

export async function updateContribution(
  db: Db,
  by: CurrentUser,
  id: string,
  itemId: string,
  input: ContributionInput,
): Promise<void> {
  const data = await checkLedgerInput(db, by, id, () => parseInput(contributionInput, input));
  await updateLedgerItem(db, contributions, id, itemId, data);
}

export async function deleteContribution(db: Db, by: CurrentUser, id: string, itemId: string): Promise<void> {
  await deleteLedgerItem(db, by, contributions, id, itemId);
}

export async function addBenefit(db: Db, by: CurrentUser, id: string, input: BenefitInput): Promise<string> {
  const data = await checkLedgerInput(db, by, id, () => parseInput(benefitInput, input));
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(benefits)
      .values({ partnershipId: id, ...data })
      .returning({ id: benefits.id });
    await touch(tx, id);
    return row?.id ?? '';
  });
}

export async function updateBenefit(
  db: Db,
  by: CurrentUser,
  id: string,
  itemId: string,
  input: BenefitInput,
): Promise<void> {
  const data = await checkLedgerInput(db, by, id, () => parseInput(benefitInput, input));
  await updateLedgerItem(db, benefits, id, itemId, data);
}

export async function deleteBenefit(db: Db, by: CurrentUser, id: string, itemId: string): Promise<void> {
  await deleteLedgerItem(db, by, benefits, id, itemId);
}

/** Records what a benefit really brought, and when (evaluation). */
export async function realiseBenefit(
  db: Db,
  by: CurrentUser,
  id: string,
  itemId: string,
  input: { realisedValue: number; realisedOn: string },
): Promise<void> {
  await requireEdit(db, by, id);
  const data = parseInput(realiseInput, input);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(benefits)
      .set(data)
      .where(and(eq(benefits.id, itemId), eq(benefits.partnershipId, id)))
      .returning({ actorId: benefits.actorId, description: benefits.description });
    const row = updated[0];
    if (!row) throw notFound('Bénéfice');
    await addEvent(tx, id, by.id, 'benefitRealised', {
      actorId: row.actorId,
      description: row.description,
      realisedValue: data.realisedValue,
    });
    await touch(tx, id);
  });
}

/** A step's checklist, dates and notes. */
export async function updateStepRecord(
  db: Db,
  by: CurrentUser,
  id: string,
  step: PartnershipStep,
  input: StepRecordInput,
): Promise<void> {
  await requireEdit(db, by, id);
  const data = parseInput(stepRecordInput, input);
  await db.transaction(async (tx) => {
    await tx
      .update(partnershipStepRecords)
      .set(data)
      .where(and(eq(partnershipStepRecords.partnershipId, id), eq(partnershipStepRecords.step, step)));
    await touch(tx, id);
  });
}

/**
 * Moves to another step. The next or previous step: anyone with edit access. Any other move, or leaving the contract
 * step without an attached agreement: staff only, with a reason, recorded as `stepOverridden`. The left step gets
 * its completion date (going forward), the new one its start date.
 */
export async function moveToStep(db: Db, by: CurrentUser, id: string, input: StepMoveInput): Promise<void> {
  await requireEdit(db, by, id);
  const data = parseInput(stepMoveInput, input);
  const reason = data.reason?.trim() ?? '';
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ step: partnerships.currentStep, status: partnerships.status })
      .from(partnerships)
      .where(eq(partnerships.id, id))
      .for('update');
    if (!current) throw notFound('Partenariat');
    if (current.status !== 'active') {
      throw conflict('Ce partenariat est clos', [{ field: 'to', code: 'partnershipClosed' }]);
    }
    const from = current.step;
    const to = data.to;
    const kind = moveKind(from, to);
    if (kind === 'same') throw conflict('Déjà à cette étape', [{ field: 'to', code: 'sameStep' }]);
    let overridden = false;
    if (kind === 'jump') {
      if (!isStaff(by)) throw conflict('Étape suivante ou précédente seulement', [{ field: 'to', code: 'stepOrder' }]);
      if (!reason) throw invalid([{ field: 'reason', code: 'reasonRequired' }]);
      overridden = true;
    }
    if (leavesContractForward(from, to)) {
      const [agreement] = await tx
        .select({ id: partnershipDocuments.id })
        .from(partnershipDocuments)
        .where(and(eq(partnershipDocuments.partnershipId, id), eq(partnershipDocuments.kind, 'agreement')))
        .limit(1);
      if (!agreement) {
        if (!isStaff(by) || !reason) throw invalid([{ field: 'documents', code: 'agreementRequired' }]);
        overridden = true;
      }
    }
    const day = today();
    const forward = partnershipSteps.indexOf(to) > partnershipSteps.indexOf(from);
    const record = (step: PartnershipStep) =>
      and(eq(partnershipStepRecords.partnershipId, id), eq(partnershipStepRecords.step, step));
    if (forward) await tx.update(partnershipStepRecords).set({ completedOn: day }).where(record(from));
    await tx
      .update(partnershipStepRecords)
      .set({ startedOn: sql`coalesce(${partnershipStepRecords.startedOn}, ${day}::date)`, completedOn: null })
      .where(record(to));
    await tx.update(partnerships).set({ currentStep: to, updatedAt: new Date() }).where(eq(partnerships.id, id));
    await addEvent(tx, id, by.id, overridden ? 'stepOverridden' : 'stepChanged', {
      from,
      to,
      ...(reason ? { reason } : {}),
    });
  });
}

/** Completes, abandons or reopens a partnership. */
export async function setStatus(db: Db, by: CurrentUser, id: string, status: PartnershipStatus): Promise<void> {
  await requireEdit(db, by, id);
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ status: partnerships.status, step: partnerships.currentStep })
      .from(partnerships)
      .where(eq(partnerships.id, id))
      .for('update');
    if (!before) throw notFound('Partenariat');
    if (before.status === status) return;
    await tx.update(partnerships).set({ status, updatedAt: new Date() }).where(eq(partnerships.id, id));
    if (status === 'completed') {
      await tx
        .update(partnershipStepRecords)
        .set({ completedOn: sql`coalesce(${partnershipStepRecords.completedOn}, ${today()}::date)` })
        .where(and(eq(partnershipStepRecords.partnershipId, id), eq(partnershipStepRecords.step, before.step)));
    }
    await addEvent(tx, id, by.id, 'statusChanged', { from: before.status, to: status });
  });
}

/**
 * Renews a partnership: a new one with the same partners (roles, expectations; consents are asked again), mode,
 * themes and communes, `renewedFromId` pointing back; an event on both. Returns the new id.
 */
export async function renewPartnership(db: Db, by: CurrentUser, id: string): Promise<string> {
  await requireEdit(db, by, id);
  return db.transaction(async (tx) => {
    const [old] = await tx.select().from(partnerships).where(eq(partnerships.id, id));
    if (!old) throw notFound('Partenariat');
    const partners = await tx.select().from(partnershipPartners).where(eq(partnershipPartners.partnershipId, id));
    const [row] = await tx
      .insert(partnerships)
      .values({
        title: old.title,
        summary: old.summary,
        mode: old.mode,
        themes: old.themes,
        communeCodes: old.communeCodes,
        startsOn: old.renewalOn ?? old.endsOn,
        projectId: old.projectId,
        allianceId: old.allianceId,
        renewedFromId: id,
        createdBy: by.id,
      })
      .returning({ id: partnerships.id });
    if (!row) throw new Error('partnership not inserted');
    await tx.insert(partnershipPartners).values(
      partners.map((p) => ({
        partnershipId: row.id,
        actorId: p.actorId,
        role: p.role,
        expectations: p.expectations,
      })),
    );
    await tx.insert(partnershipStepRecords).values(
      partnershipSteps.map((step) => ({
        partnershipId: row.id,
        step,
        checklist: defaultChecklist(step),
        startedOn: step === 'preparePartners' ? today() : null,
      })),
    );
    await addEvent(tx, row.id, by.id, 'created', { title: old.title, mode: old.mode, renewedFromId: id });
    await addEvent(tx, id, by.id, 'renewed', { renewalId: row.id });
    return row.id;
  });
}
