// Writes RNA files for tests and the benchmark: the two real layouts' headers, plausible rows (associations of the
// Pays d'Aix, with marked personal columns that must never come out of the reader), either encoding, streamed to
// disk so that a million rows cost no memory.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { ImportScope } from '../types.js';
import type { RnaLayout } from './read.js';

/** The headers of the real files (../shared/data/real/rna), in their order. */
export const rnaHeaders: Record<RnaLayout, readonly string[]> = {
  waldec: (
    'id;id_ex;siret;rup_mi;gestion;date_creat;date_decla;date_publi;date_disso;nature;groupement;titre;titre_court;' +
    'objet;objet_social1;objet_social2;adrs_complement;adrs_numvoie;adrs_repetition;adrs_typevoie;adrs_libvoie;' +
    'adrs_distrib;adrs_codeinsee;adrs_codepostal;adrs_libcommune;adrg_declarant;adrg_complemid;adrg_complemgeo;' +
    'adrg_libvoie;adrg_distrib;adrg_codepostal;adrg_achemine;adrg_pays;dir_civilite;telephone;siteweb;email;' +
    'publiweb;observation;position;maj_time'
  ).split(';'),
  import: (
    'id;id_ex;siret;gestion;date_creat;date_publi;nature;groupement;titre;objet;objet_social1;objet_social2;adr1;' +
    'adr2;adr3;adrs_codepostal;libcom;adrs_codeinsee;dir_civilite;telephone;siteweb;email;observation;position;' +
    'rup_mi;maj_time'
  ).split(';'),
};

/** Every commune of France, whatever the department (the empty department prefix matches all codes). */
export const everywhere: ImportScope = { communeCodes: null, departement: '' };

/** Three communes of the Pays d'Aix and one outside it (Salon-de-Provence), with their postal codes. */
const communes = [
  ['13001', '13100', 'Aix-en-Provence'],
  ['13041', '13120', 'Gardanne'],
  ['84089', '84120', 'Pertuis'],
  ['13103', '13300', 'Salon-de-Provence'],
] as const;

/** The marker that every personal column of a generated row holds: the reader must never yield it. */
export const personalMarker = 'PERSONAL';

/** The W number of generated row i: W, 13, then i on seven digits. */
export const generatedRna = (i: number) => `W13${String(i).padStart(7, '0')}`;

const personal = (column: string, i: number) => `${personalMarker}-${column}-${i}`;

/** A plausible row of the layout, as the real files write it; `overrides` replace columns by name. */
export function rnaRow(layout: RnaLayout, i: number, overrides: Record<string, string> = {}): Record<string, string> {
  const [communeCode, postalCode, communeName] = communes[i % communes.length] as (typeof communes)[number];
  const common = {
    id_ex: String(100_000 + i),
    siret: '',
    rup_mi: '',
    gestion: '131P',
    date_creat: '2012-03-04',
    date_publi: '2012-03-24',
    nature: 'D',
    groupement: 'S',
    titre: `Les Amis du Théâtre n°${i}`,
    objet: 'Favoriser la pratique du théâtre et de la musique à Aix ; organiser des « rencontres »',
    objet_social1: '006070',
    objet_social2: '006030',
    adrs_codeinsee: communeCode,
    adrs_codepostal: postalCode,
    dir_civilite: personal('dir_civilite', i),
    telephone: personal('telephone', i),
    email: `${personal('email', i)}@example.org`,
    siteweb: '',
    observation: '',
    position: 'A',
    maj_time: '2020-06-15 10:20:30',
  };
  // Object.assign, not spreads: V8 builds a 41-key literal with a spread ten times slower (a million rows to write).
  const row: Record<string, string> =
    layout === 'waldec'
      ? Object.assign({}, common, {
          id: generatedRna(i),
          date_decla: '2012-03-10',
          date_disso: '0001-01-01',
          titre_court: `AMIS THEATRE ${i}`,
          adrs_complement: '',
          adrs_numvoie: String((i % 90) + 1),
          adrs_repetition: '',
          adrs_typevoie: 'RUE',
          adrs_libvoie: 'des Écoles',
          adrs_distrib: '_',
          adrs_libcommune: communeName,
          adrg_declarant: personal('adrg_declarant', i),
          adrg_complemid: personal('adrg_complemid', i),
          adrg_complemgeo: personal('adrg_complemgeo', i),
          adrg_libvoie: personal('adrg_libvoie', i),
          adrg_distrib: personal('adrg_distrib', i),
          adrg_codepostal: personal('adrg_codepostal', i),
          adrg_achemine: personal('adrg_achemine', i),
          adrg_pays: personal('adrg_pays', i),
          publiweb: '1',
        })
      : Object.assign({}, common, {
          id: `131P${String(i).padStart(8, '0')}`,
          adr1: '',
          adr2: `${(i % 90) + 1}        RUE des Écoles`,
          adr3: '',
          libcom: communeName.toUpperCase(),
          observation: generatedRna(i),
          position: 'R',
        });
  return Object.keys(overrides).length > 0 ? Object.assign(row, overrides) : row;
}

export interface RnaFileOptions {
  layout: RnaLayout;
  encoding?: 'utf-8' | 'latin1';
  /** A UTF-8 byte order mark first. */
  bom?: boolean;
  /** The header's columns, in order (the layout's by default): drop, add or reorder some to test the mapping. */
  columns?: readonly string[];
  eol?: '\n' | '\r\n';
}

/** A row by column name (missing columns are empty), or a raw line written as it is (to write broken lines). */
export type RnaFileRow = Record<string, string> | { raw: string };

/** Quoted like the register: when the value holds the separator, a quote or a line break. */
const field = (value: string) => (/[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** Writes the file, honouring the stream's back-pressure: rows may be a generator of millions. */
export async function writeRnaFile(
  path: string,
  rows: Iterable<RnaFileRow> | AsyncIterable<RnaFileRow>,
  options: RnaFileOptions,
): Promise<void> {
  const { encoding = 'utf-8', eol = '\n' } = options;
  const columns = options.columns ?? rnaHeaders[options.layout];
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (encoding === 'latin1' && /[\u0100-\uffff]/.test(text)) {
      throw new Error(`Not writable in ISO-8859-1: ${text.slice(0, 60)}`);
    }
    if (!out.write(Buffer.from(text, encoding === 'latin1' ? 'latin1' : 'utf8'))) await once(out, 'drain');
  };
  try {
    await write(`${options.bom ? '\uFEFF' : ''}${columns.join(';')}${eol}`);
    let batch = '';
    for await (const row of rows) {
      batch += `${'raw' in row && typeof row.raw === 'string' ? row.raw : columns.map((c) => field((row as Record<string, string>)[c] ?? '')).join(';')}${eol}`;
      if (batch.length > 1 << 16) {
        await write(batch);
        batch = '';
      }
    }
    await write(batch);
  } finally {
    out.end();
    await once(out, 'close');
  }
}

/** Rows 0 … count-1 of the layout, lazily. */
export function* generatedRows(layout: RnaLayout, count: number): Generator<Record<string, string>> {
  for (let i = 0; i < count; i++) yield rnaRow(layout, i);
}
