// Valid project data for tests. Override what matters to the case at hand.
import type { ProjectData } from './contract.js';

/** A project carried by `leadId` alone, with a two-line budget, in Aix-en-Provence. */
export function projectData(leadId: string, overrides: Partial<ProjectData> = {}): ProjectData {
  return {
    title: 'Festival des Arts Éphémères',
    summary: 'Un festival d’œuvres éphémères dans les rues d’Aix-en-Provence, créées avec les habitants.',
    goals: 'Rendre l’art contemporain accessible à tous.',
    beneficiaries: 'Habitants et scolaires du centre-ville.',
    needs: 'Mécénat financier et prêt de matériel.',
    carriers: [{ actorId: leadId, role: 'lead' }],
    budgetLines: [
      { label: 'Cachets des artistes', amount: 12000 },
      { label: 'Matériel et régie', amount: 3500.5 },
    ],
    budgetTotal: 15500.5,
    modes: ['support'],
    themes: ['culture-art'],
    sdgs: [4, 11],
    communeCodes: ['13001'],
    status: 'seekingPartners',
    startsOn: '2018-03-01',
    endsOn: '2018-09-30',
    ...overrides,
  };
}
