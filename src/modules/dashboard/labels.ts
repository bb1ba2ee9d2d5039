// The charts' French words on the server (annual review and any other server module): the web app's own catalogues —
// the base one and every feature's — so that the dashboard, the report and the pages name things alike and nothing is
// typed twice.
import { featureCatalogues } from '../../../web/src/i18n/features';
import { fr } from '../../../web/src/i18n/fr';
import type { ChartText } from './charts.js';

const frenchMessages: Record<string, string> = Object.assign({}, fr, ...featureCatalogues.map((c) => c.fr));

const numbers = new Intl.NumberFormat('fr-FR');
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

/** French texts and formats for the charts built on the server; any key of the web app's catalogues. */
export const frenchText: ChartText = {
  locale: 'fr',
  t: (key, vars) => {
    const template = frenchMessages[key] ?? key;
    return vars ? template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? '')) : template;
  },
  formatNumber: (n) => numbers.format(n),
  formatEuros: (n) => euros.format(n),
};
