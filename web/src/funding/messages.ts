import { catalogue } from '../i18n/catalogue';

/** The words shared by the funding pages: the menu entry and the tabs of FundingNav. */
export const fundingMessages = catalogue(
  {
    'funding.nav': 'Financements',
    'funding.tabs': 'Rubriques des financements',
    'funding.tab.calls': 'Appels à projets',
    'funding.tab.applications': 'Dossiers de financement',
    'funding.tab.calendar': 'Échéances',
    'funding.tab.budget': 'Budget et bénévolat',
    'funding.tab.grants': 'Subventions (SCDL)',
  },
  {
    'funding.nav': 'Funding',
    'funding.tabs': 'Funding sections',
    'funding.tab.calls': 'Calls for projects',
    'funding.tab.applications': 'Funding applications',
    'funding.tab.calendar': 'Deadlines',
    'funding.tab.budget': 'Budget and volunteering',
    'funding.tab.grants': 'Grants (SCDL)',
  },
);
