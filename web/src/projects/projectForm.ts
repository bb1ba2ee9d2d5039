// The project form's values, their conversion to the API's input, and validation with the server's own schema.

import type { PartnershipMode } from '../../../src/modules/partnerships/vocabulary';
import { type ProjectDetail, type ProjectInput, projectInput, toCents } from '../../../src/modules/projects/contract';
import type { CarrierRole, ProjectStatus } from '../../../src/modules/projects/vocabulary';
import type { ActorChoice } from '../ui/ActorPicker';
import { amountText, parseAmount } from '../ui/amounts';

let nextKey = 0;
export const newKey = () => `k${++nextKey}`;

export interface CarrierValues {
  key: string;
  actor: ActorChoice;
  role: CarrierRole;
}

export interface LineValues {
  key: string;
  label: string;
  /** As typed: French (`1 250,50`) or English (`1250.50`) decimals. */
  amount: string;
}

export interface ProjectFormValues {
  title: string;
  summary: string;
  goals: string;
  beneficiaries: string;
  needs: string;
  carriers: CarrierValues[];
  budgetLines: LineValues[];
  budgetTotal: string;
  modes: PartnershipMode[];
  themes: string[];
  sdgs: number[];
  communes: { code: string; name: string }[];
  status: ProjectStatus;
  startsOn: string;
  endsOn: string;
}

export function emptyProjectForm(ownActor: { id: string; name: string } | null): ProjectFormValues {
  return {
    title: '',
    summary: '',
    goals: '',
    beneficiaries: '',
    needs: '',
    carriers: [
      {
        key: newKey(),
        actor: ownActor ? { id: ownActor.id, text: ownActor.name } : { id: null, text: '' },
        role: 'lead',
      },
    ],
    budgetLines: [],
    budgetTotal: '',
    modes: [],
    themes: [],
    sdgs: [],
    communes: [],
    status: 'draft',
    startsOn: '',
    endsOn: '',
  };
}

/** An amount for the form, in the French way when the interface is French (`1250,5`). */

export function projectToForm(p: ProjectDetail, locale: 'fr' | 'en'): ProjectFormValues {
  return {
    title: p.title,
    summary: p.summary,
    goals: p.goals,
    beneficiaries: p.beneficiaries,
    needs: p.needs,
    carriers: p.carriers.map((c) => ({ key: newKey(), actor: { id: c.actorId, text: c.name }, role: c.role })),
    budgetLines: p.budgetLines.map((l) => ({ key: newKey(), label: l.label, amount: amountText(l.amount, locale) })),
    budgetTotal: p.budgetTotal === null ? '' : amountText(p.budgetTotal, locale),
    modes: p.modes,
    themes: p.themes,
    sdgs: p.sdgs,
    communes: p.communes,
    status: p.status,
    startsOn: p.startsOn ?? '',
    endsOn: p.endsOn ?? '',
  };
}

/** The sum of the lines whose amounts read as numbers, to the cent. */
export function runningTotal(lines: LineValues[]): number {
  return (
    lines.reduce((sum, l) => {
      const n = parseAmount(l.amount);
      return n === null || Number.isNaN(n) ? sum : sum + toCents(n);
    }, 0) / 100
  );
}

export function formToInput(v: ProjectFormValues): ProjectInput {
  return {
    title: v.title,
    summary: v.summary,
    goals: v.goals,
    beneficiaries: v.beneficiaries,
    needs: v.needs,
    carriers: v.carriers.map((c) => ({ actorId: c.actor.id ?? '', role: c.role })),
    budgetLines: v.budgetLines.map((l) => ({ label: l.label, amount: parseAmount(l.amount) ?? 0 })),
    budgetTotal: parseAmount(v.budgetTotal),
    modes: v.modes,
    themes: v.themes,
    sdgs: v.sdgs,
    communeCodes: v.communes.map((c) => c.code),
    status: v.status,
    startsOn: v.startsOn || null,
    endsOn: v.endsOn || null,
  };
}

export interface FieldIssue {
  code: string;
  vars?: Record<string, unknown>;
}

/** The same rules as the server (the contract's zod schema): path → first issue. */
export function validateProject(v: ProjectFormValues): Record<string, FieldIssue> {
  const parsed = projectInput.safeParse(formToInput(v));
  const issues: Record<string, FieldIssue> = {};
  if (parsed.success) return issues;
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.') || 'body';
    const extra = issue as { minimum?: unknown; maximum?: unknown };
    issues[path] ??= { code: issue.message, vars: { min: extra.minimum, max: extra.maximum } };
  }
  return issues;
}

/** Control ids by error path (`carriers.1.actorId` → `project-carriers-1-actorId`). */
export const controlId = (path: string) => `project-${path.replaceAll('.', '-')}`;
