// The partnerships of the Pays d'Aix demo (assets/demo/partnerships.json), loaded through the service functions as
// the demo administrator, after the alliances (looked up by name) so that they can belong to them.
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import PDFDocument from 'pdfkit';
import type { Db } from '../../db/client.js';
import type { DemoContext } from '../../demo/context.js';
import { alliances } from '../alliances/schema.js';
import type { ContributionInput } from './contract.js';
import { addDocument } from './documents.js';
import {
  addBenefit,
  addContribution,
  moveToStep,
  openPartnership,
  setConsent,
  setStatus,
  updateStepRecord,
} from './service.js';
import { defaultChecklist } from './steps.js';
import { type PartnershipMode, type PartnershipStatus, type PartnershipStep, partnershipSteps } from './vocabulary.js';

export interface DemoPartnership {
  title: string;
  summary: string;
  mode: PartnershipMode;
  alliance?: string;
  partners: { actor: string; role: string; expectations: string }[];
  themes: string[];
  communes: string[];
  startsOn?: string;
  endsOn?: string;
  renewalOn?: string;
  /** The step it has reached; every step before it is ticked and dated. */
  step: PartnershipStep;
  /** Whether the signed agreement is attached (otherwise leaving « contract » is an animator's override). */
  agreement: boolean;
  /** Every partner consents (recorded by the animator on their behalf). */
  publish: boolean;
  status?: PartnershipStatus;
  notes?: Partial<Record<PartnershipStep, string>>;
  contributions: (Omit<ContributionInput, 'actorId'> & { actor: string })[];
  benefits: {
    actor: string;
    description: string;
    expectedValue: number | null;
    realisedValue?: number;
    realisedOn?: string;
  }[];
}

const demoFile = path.resolve(import.meta.dirname, '../../../assets/demo/partnerships.json');

/** A one-page agreement, drawn with pdfkit: a real PDF whose text a reader extracts. */
export function agreementPdf(title: string, partners: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `Convention – ${title}` } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(18).text('Convention de partenariat', { align: 'center' }).moveDown();
    doc.fontSize(13).text(title, { align: 'center' }).moveDown(2);
    doc.fontSize(11).text('Entre les soussignés :').moveDown(0.5);
    for (const p of partners) doc.text(`• ${p}`);
    doc
      .moveDown()
      .text(
        'Les partenaires conviennent des apports de chacun, des bénéfices attendus, des modalités de pilotage et ' +
          'd’évaluation décrits sur la plateforme Alliances du programme Envies d’Alliances (Pays d’Aix Associations).',
      );
    doc.moveDown(2).text('Fait à Aix-en-Provence, en autant d’exemplaires que de partenaires.');
    doc.moveDown(2).text('Signatures des partenaires (document de démonstration)');
    doc.end();
  });
}

const day = 86_400_000;

/**
 * The demo replays each partnership's history in a moment, so every event and step date would read « today ». This
 * spreads them evenly, in their order, from the partnership's start to its end (or, without an end, over its first
 * year — the demo partnerships date from the 2016–2020 programme, years before today), never past today, so the
 * timeline and the stepper read like a programme that has been running.
 */
async function spreadHistory(db: Db, id: string, startsOn: string | null, endsOn: string | null) {
  const now = Date.now();
  const start = startsOn ? Date.parse(startsOn) : Number.NaN;
  const from = start < now ? start : now - 90 * day;
  const end = endsOn ? Date.parse(endsOn) : Number.NaN;
  const to = Math.min(end > from ? end : from + 365 * day, now);
  await db.execute(sql`
    WITH e AS (
      SELECT id, (row_number() OVER (ORDER BY id) - 1)::float8 / greatest(count(*) OVER () - 1, 1) AS f
      FROM partnership_events WHERE partnership_id = ${id}
    )
    UPDATE partnership_events p SET at = to_timestamp(${from / 1000}::float8 + ${(to - from) / 1000}::float8 * e.f)
    FROM e WHERE p.id = e.id`);
  // A step starts on the day the move into it happened and completes on the day the move out of it happened.
  await db.execute(sql`
    UPDATE partnership_steps s SET
      started_on = coalesce(
        (SELECT min(at)::date FROM partnership_events WHERE partnership_id = ${id} AND data->>'to' = s.step::text),
        s.started_on),
      completed_on = CASE WHEN s.completed_on IS NULL THEN NULL ELSE coalesce(
        (SELECT max(at)::date FROM partnership_events WHERE partnership_id = ${id} AND data->>'from' = s.step::text),
        s.completed_on) END
    WHERE s.partnership_id = ${id}`);
  // The publication and the uploaded documents carry their own dates: they follow their events.
  await db.execute(sql`
    UPDATE partnerships SET published_at = (
      SELECT max(at) FROM partnership_events WHERE partnership_id = ${id} AND kind = 'published')
    WHERE id = ${id} AND published_at IS NOT NULL`);
  await db.execute(sql`
    UPDATE partnership_documents d SET created_at = e.at
    FROM partnership_events e
    WHERE d.partnership_id = ${id} AND e.partnership_id = ${id} AND e.kind = 'documentAdded'
      AND e.data->>'documentId' = d.id::text`);
}

/**
 * Opens one demo partnership through the services, as the demo administrator: contributions, benefits, each step up
 * to the one reached (ticked, the agreement attached at « contract » or an override's reason), the partners' consent
 * when published, then its history spread over its dates. `links` ties it to a project (the dialogue's demo).
 */
export async function loadDemoPartnership(
  db: Db,
  ctx: DemoContext,
  demo: DemoPartnership,
  links: { projectId?: string | null } = {},
): Promise<string> {
  const by = ctx.system;
  const actorId = (name: string) => {
    const id = ctx.actorIds.get(name);
    if (!id) throw new Error(`Demo partnership « ${demo.title} »: unknown actor « ${name} »`);
    return id;
  };
  const [alliance] = demo.alliance
    ? await db.select({ id: alliances.id }).from(alliances).where(eq(alliances.name, demo.alliance)).limit(1)
    : [];
  const id = await openPartnership(db, by, {
    title: demo.title,
    summary: demo.summary,
    mode: demo.mode,
    partners: demo.partners.map((p) => ({ actorId: actorId(p.actor), role: p.role, expectations: p.expectations })),
    themes: demo.themes,
    communeCodes: demo.communes,
    startsOn: demo.startsOn ?? null,
    endsOn: demo.endsOn ?? null,
    renewalOn: demo.renewalOn ?? null,
    allianceId: alliance?.id ?? null,
    projectId: links.projectId ?? null,
  });
  for (const c of demo.contributions) {
    const { actor, ...rest } = c;
    await addContribution(db, by, id, { ...rest, actorId: actorId(actor) });
  }
  for (const b of demo.benefits) {
    await addBenefit(db, by, id, {
      actorId: actorId(b.actor),
      description: b.description,
      expectedValue: b.expectedValue,
      realisedValue: b.realisedValue ?? null,
      realisedOn: b.realisedOn ?? null,
    });
  }
  const target = partnershipSteps.indexOf(demo.step);
  for (const [i, step] of partnershipSteps.entries()) {
    if (i > target) break;
    const done = i < target;
    await updateStepRecord(db, by, id, step, {
      checklist: defaultChecklist(step).map((item, j) => ({ ...item, done: done || j === 0 })),
      startedOn: i === 0 ? (demo.startsOn ?? null) : null,
      notes: demo.notes?.[step] ?? '',
    });
    if (step === 'contract' && demo.agreement) {
      await addDocument(db, by, id, {
        step: 'contract',
        kind: 'agreement',
        fileName: 'Convention de partenariat signée.pdf',
        mediaType: 'application/pdf',
        content: await agreementPdf(
          demo.title,
          demo.partners.map((p) => p.actor),
        ),
      });
    }
    const next = partnershipSteps[i + 1];
    if (done && next) {
      const reason =
        step === 'contract' && !demo.agreement
          ? 'Convention papier signée, non numérisée (reprise de l’existant)'
          : undefined;
      await moveToStep(db, by, id, { to: next, ...(reason ? { reason } : {}) });
    }
  }
  if (demo.publish) {
    for (const p of demo.partners) await setConsent(db, by, id, actorId(p.actor), true);
  }
  if (demo.status && demo.status !== 'active') await setStatus(db, by, id, demo.status);
  await spreadHistory(db, id, demo.startsOn ?? null, demo.endsOn ?? null);
  return id;
}

export async function loadDemoPartnerships(db: Db, ctx: DemoContext): Promise<string> {
  if (!fs.existsSync(demoFile)) return '';
  const file = JSON.parse(fs.readFileSync(demoFile, 'utf8')) as { partnerships: DemoPartnership[] };
  for (const demo of file.partnerships) await loadDemoPartnership(db, ctx, demo);
  return `${file.partnerships.length} demo partnerships`;
}
