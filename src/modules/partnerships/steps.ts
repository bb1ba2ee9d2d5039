// The five steps of a partnership: their default checklists and the rule of moving between them. Pure functions.
import type { ChecklistItem } from './schema.js';
import { type PartnershipStep, partnershipSteps } from './vocabulary.js';

/**
 * Default checklists, from the MEDEF – Le Rameau guide « Construire ensemble » (Le Rameau's landmarks) and the
 * programme's first-year review (steps 3 and 7).
 */
export const defaultChecklists: Record<PartnershipStep, string[]> = {
  preparePartners: [
    'Motivations de chaque partenaire formulées',
    'Ressources que chacun peut engager identifiées',
    'Un référent interne désigné chez chaque partenaire',
    'Accord de la gouvernance (bureau, direction) obtenu',
  ],
  framePartnership: [
    'Ce que chacun attend de l’autre écrit noir sur blanc',
    'Mode de partenariat et modalités choisis',
    'Contributions de chacun chiffrées (euros, heures de bénévolat)',
    'Indicateurs de réussite définis',
  ],
  contract: [
    'Convention de partenariat rédigée',
    'Convention signée par chaque partenaire',
    'Convention signée jointe au partenariat',
  ],
  run: [
    'Plan d’action partagé',
    'Réunions de pilotage programmées',
    'Communication commune préparée',
    'Suivi des contributions à jour',
  ],
  evaluate: [
    'Indicateurs mesurés',
    'Réunion de bilan tenue avec chaque partenaire',
    'Équilibre des apports et des bénéfices examiné',
    'Décision de renouvellement prise',
  ],
};

export const defaultChecklist = (step: PartnershipStep): ChecklistItem[] =>
  defaultChecklists[step].map((label) => ({ label, done: false }));

export const stepIndex = (step: PartnershipStep) => partnershipSteps.indexOf(step);

/** `adjacent`: the next or previous step (partners may); `jump`: anything else (staff with a reason only). */
export function moveKind(from: PartnershipStep, to: PartnershipStep): 'same' | 'next' | 'previous' | 'jump' {
  const delta = stepIndex(to) - stepIndex(from);
  if (delta === 0) return 'same';
  if (delta === 1) return 'next';
  if (delta === -1) return 'previous';
  return 'jump';
}

/** Whether the move goes past the contract step, which needs the signed agreement attached. */
export const leavesContractForward = (from: PartnershipStep, to: PartnershipStep) =>
  stepIndex(from) <= stepIndex('contract') && stepIndex(to) > stepIndex('contract');
