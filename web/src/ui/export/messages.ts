import { catalogue } from '../../i18n/catalogue';

/** The « Exporter » control of the lists (directory, partnerships, events, funding applications). */
export const listExportMessages = catalogue(
  {
    'listExport.title': 'Exporter',
    'listExport.csv': 'CSV',
    'listExport.xlsx': 'Excel (XLSX)',
    'listExport.csvLabel': 'Exporter la liste filtrée en CSV',
    'listExport.xlsxLabel': 'Exporter la liste filtrée en Excel (XLSX)',
    'listExport.rows.zero': 'aucune ligne',
    'listExport.rows.one': '{count} ligne',
    'listExport.rows.other': '{count} lignes',
    'listExport.approximately': 'environ {count}',
    'listExport.tooMany': 'Plus de {max} lignes\u202f: précisez les filtres pour exporter.',
    'listExport.xlsxTooMany': 'Excel (XLSX) jusqu’à {max} lignes\u202f: précisez les filtres ou prenez le CSV.',
  },
  {
    'listExport.title': 'Export',
    'listExport.csv': 'CSV',
    'listExport.xlsx': 'Excel (XLSX)',
    'listExport.csvLabel': 'Export the filtered list as CSV',
    'listExport.xlsxLabel': 'Export the filtered list as Excel (XLSX)',
    'listExport.rows.zero': 'no rows',
    'listExport.rows.one': '{count} row',
    'listExport.rows.other': '{count} rows',
    'listExport.approximately': 'about {count}',
    'listExport.tooMany': 'More than {max} rows: narrow the filters to export.',
    'listExport.xlsxTooMany': 'Excel (XLSX) up to {max} rows: narrow the filters or take the CSV.',
  },
);
