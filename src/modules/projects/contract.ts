// Shared by server and web: the flagship projects' (projets phares) routes and their schemas.
import { z } from 'zod';
import { binaryFile, defineRoute, idParams, manyStrings, noContent } from '../../http/contract.js';
import { partnershipModes } from '../partnerships/vocabulary.js';
import { actorFamilies } from '../reference/families.js';
import { carrierRoles, projectStatuses } from './vocabulary.js';

/** Euro amounts are stored to the cent (numeric(12, 2)); compared in cents to avoid floating-point surprises. */
export const toCents = (amount: number) => Math.round(amount * 100);
const hasAtMostCents = (amount: number) => Math.abs(amount * 100 - Math.round(amount * 100)) < 1e-6;
export const maxAmount = 100_000_000;

const euroAmount = z
  .number()
  .positive({ message: 'amountNotPositive' })
  .max(maxAmount)
  .refine(hasAtMostCents, { message: 'amountCents' });

const longText = (max: number) => z.string().trim().max(max).default('');

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'invalidDate' })
  .refine(
    (v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
    },
    { message: 'invalidDate' },
  )
  .nullish()
  .or(z.literal('').transform(() => null))
  .transform((v) => v || null);

export const carrierInput = z.object({
  actorId: z.uuid({ message: 'required' }),
  role: z.enum(carrierRoles).default('coCarrier'),
});

export const budgetLineInput = z.object({
  label: z.string().trim().min(1).max(200),
  amount: euroAmount,
});

/**
 * A project as written by its carriers or an animator. Rules that need the database (carriers are known
 * associations, themes, SDGs and communes exist) are checked by the service (validation.ts).
 */
export const projectInput = z
  .object({
    title: z.string().trim().min(3).max(200),
    summary: longText(2000),
    goals: longText(3000),
    beneficiaries: longText(2000),
    needs: longText(2000),
    carriers: z.array(carrierInput).min(1, { message: 'carrierRequired' }).max(20),
    budgetLines: z.array(budgetLineInput).max(30).default([]),
    /** Required to equal the sum of the lines when lines are given; computed from them when left empty. */
    budgetTotal: euroAmount.nullish().transform((v) => v ?? null),
    modes: z.array(z.enum(partnershipModes)).max(partnershipModes.length).default([]),
    themes: z.array(z.string()).max(20).default([]),
    sdgs: z.array(z.number().int().min(1).max(17)).max(17).default([]),
    communeCodes: z.array(z.string()).max(50).default([]),
    status: z.enum(projectStatuses).default('draft'),
    startsOn: isoDate,
    endsOn: isoDate,
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.carriers.forEach((c, i) => {
      if (seen.has(c.actorId)) {
        ctx.addIssue({ code: 'custom', path: ['carriers', i, 'actorId'], message: 'duplicateCarrier' });
      }
      seen.add(c.actorId);
    });
    const leads = p.carriers.filter((c) => c.role === 'lead').length;
    if (p.carriers.length > 0 && leads !== 1) {
      ctx.addIssue({ code: 'custom', path: ['carriers'], message: 'oneLeadCarrier' });
    }
    if (p.budgetLines.length > 0 && p.budgetTotal !== null) {
      const sum = p.budgetLines.reduce((s, l) => s + toCents(l.amount), 0);
      if (sum !== toCents(p.budgetTotal)) {
        ctx.addIssue({ code: 'custom', path: ['budgetTotal'], message: 'budgetTotalMismatch' });
      }
    }
    if (p.startsOn && p.endsOn && p.endsOn < p.startsOn) {
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'endBeforeStart' });
    }
  });
export type ProjectInput = z.input<typeof projectInput>;
export type ProjectData = z.output<typeof projectInput>;

export const projectCarrier = z.object({
  actorId: z.uuid(),
  name: z.string(),
  family: z.enum(actorFamilies),
  role: z.enum(carrierRoles),
});
export type ProjectCarrier = z.infer<typeof projectCarrier>;

const commune = z.object({ code: z.string(), name: z.string() });

/**
 * An organisation interested in the project without carrying it (e.g. a supporter of the territorial-dialogue
 * proposal it came from); `origin` says why, in French.
 */
export const projectInterestedActor = z.object({
  actorId: z.uuid(),
  name: z.string(),
  family: z.enum(actorFamilies),
  origin: z.string(),
});
export type ProjectInterestedActor = z.infer<typeof projectInterestedActor>;

export const projectDetail = z.object({
  id: z.uuid(),
  title: z.string(),
  /** For file names: `projet-<slug>.pdf`. */
  slug: z.string(),
  summary: z.string(),
  goals: z.string(),
  beneficiaries: z.string(),
  needs: z.string(),
  /** Lead first, then co-carriers in their order: more than one makes a collective (pooled) offer. */
  carriers: z.array(projectCarrier),
  /** Organisations interested without carrying it, by name. */
  interestedActors: z.array(projectInterestedActor),
  budgetLines: z.array(z.object({ label: z.string(), amount: z.number() })),
  budgetTotal: z.number().nullable(),
  modes: z.array(z.enum(partnershipModes)),
  themes: z.array(z.string()),
  sdgs: z.array(z.number()),
  communes: z.array(commune),
  status: z.enum(projectStatuses),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  canEdit: z.boolean(),
  canDelete: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type ProjectDetail = z.infer<typeof projectDetail>;

export const projectSummary = projectDetail
  .pick({
    id: true,
    title: true,
    carriers: true,
    budgetTotal: true,
    modes: true,
    themes: true,
    sdgs: true,
    communes: true,
    status: true,
    startsOn: true,
    endsOn: true,
  })
  .extend({ excerpt: z.string() });
export type ProjectSummary = z.infer<typeof projectSummary>;

export const projectFilters = z.object({
  q: z.string().trim().max(200).optional(),
  status: manyStrings,
  theme: manyStrings,
  mode: manyStrings,
  commune: manyStrings,
  /** Projects this actor carries (lead or co-carrier). */
  actor: z.uuid().optional(),
});

export const projectQuery = projectFilters.extend({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ProjectQuery = z.output<typeof projectQuery>;

export const projectPage = z.object({
  items: z.array(projectSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ProjectPage = z.infer<typeof projectPage>;

/** Who may write: staff; a member only for projects its own organisation carries (checked by the service). */
const writers = ['admin', 'animator', 'member'] as const;

export const listProjects = defineRoute({
  method: 'GET',
  path: '/api/v1/projects',
  summary:
    'Search flagship projects (French full text) with filters; drafts only for staff, observers and their carriers',
  tags: ['projects'],
  access: 'public',
  query: projectQuery,
  response: projectPage,
});

export const getProject = defineRoute({
  method: 'GET',
  path: '/api/v1/projects/:id',
  summary: 'One flagship project with its carriers, budget, needs, modes, themes, SDGs and territory',
  tags: ['projects'],
  access: 'public',
  params: idParams,
  response: projectDetail,
});

/**
 * The one-page sheet to present to companies, as a PDF. The contract system speaks JSON, so this route is its one
 * binary exception, kept inside the system rather than beside it: the access rule is still declared here and checked
 * by registerRoute (and walked by the role × route matrix), params are still validated by zod; the handler returns a
 * Buffer (a Uint8Array), which Fastify sends as it is, without the JSON serializer (the response schema is then documentation
 * only: `unrepresentable: any` in the OpenAPI document). Project visibility (drafts) is checked by the service.
 */
export const projectSheet = defineRoute({
  method: 'GET',
  path: '/api/v1/projects/:id/sheet.pdf',
  summary: 'The project’s one-page sheet for companies, as a PDF (application/pdf, attachment)',
  tags: ['projects'],
  access: 'public',
  params: idParams,
  response: binaryFile,
});

export const createProject = defineRoute({
  method: 'POST',
  path: '/api/v1/projects',
  summary: 'Create a flagship project (staff; or a member whose organisation is among the carriers)',
  tags: ['projects'],
  access: writers,
  body: projectInput,
  response: projectDetail,
  status: 201,
});

export const updateProject = defineRoute({
  method: 'PUT',
  path: '/api/v1/projects/:id',
  summary: 'Replace a flagship project (staff; or a member of one of its carriers, which must stay a carrier)',
  tags: ['projects'],
  access: writers,
  params: idParams,
  body: projectInput,
  response: projectDetail,
});

export const deleteProject = defineRoute({
  method: 'DELETE',
  path: '/api/v1/projects/:id',
  summary: 'Delete a flagship project (staff; or a member of its lead carrier)',
  tags: ['projects'],
  access: writers,
  params: idParams,
  response: noContent,
  status: 204,
});
