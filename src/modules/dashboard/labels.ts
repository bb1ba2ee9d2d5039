// The charts' French words on the server (annual review): the web app's own catalogues, so that the dashboard and
// the report name things alike and nothing is typed twice.
import { allianceMessages } from '../../../web/src/alliances/messages';
import { dashboardMessages } from '../../../web/src/dashboard/messages';
import { eventMessages } from '../../../web/src/events/messages';
import { fr } from '../../../web/src/i18n/fr';
import type { ChartText } from './charts.js';

const frenchMessages: Record<string, string> = {
  ...fr,
  ...eventMessages.fr,
  ...allianceMessages.fr,
  ...dashboardMessages.fr,
};

const numbers = new Intl.NumberFormat('fr-FR');
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

/** French texts and formats for the charts built on the server. */
export const frenchText: ChartText = {
  t: (key, vars) => {
    const template = frenchMessages[key] ?? key;
    return vars ? template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? '')) : template;
  },
  formatNumber: (n) => numbers.format(n),
  formatEuros: (n) => euros.format(n),
};
