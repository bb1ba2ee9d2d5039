// From Sirene's codes to the platform's words: company size, family, address, dates. Pure functions, tested alone.
import type { CompanySize } from '../../reference/families.js';

const sizeByCategory: Readonly<Record<string, CompanySize>> = { PME: 'PME', ETI: 'ETI', GE: 'large' };

/** Salaried staff bands (trancheEffectifs): 00 none at year end, 01 1–2, 02 3–5, 03 6–9 → under ten people. */
const underTen = new Set(['00', '01', '02', '03']);

/**
 * Used when INSEE has not computed the category yet (new units): 11–31 (10–249 people) PME, 32–51 (250–4 999) ETI,
 * 52–53 (5 000 and more) large. NN (no employee) and empty say nothing.
 */
const sizeByBand: Readonly<Record<string, CompanySize>> = {
  '11': 'PME',
  '12': 'PME',
  '21': 'PME',
  '22': 'PME',
  '31': 'PME',
  '32': 'ETI',
  '41': 'ETI',
  '42': 'ETI',
  '51': 'ETI',
  '52': 'large',
  '53': 'large',
};

/**
 * INSEE's categorieEntreprise (PME, ETI, GE), refined by the unit's staff band: a PME — or a unit without a
 * category — with fewer than ten employees is a TPE. An ETI or GE keeps its category whatever its band (the category
 * also weighs turnover and group membership).
 */
export function companySizeOf(category: string, band: string): CompanySize | null {
  const fromCategory = sizeByCategory[category] ?? null;
  if (underTen.has(band) && (fromCategory === null || fromCategory === 'PME')) return 'TPE';
  return fromCategory ?? sizeByBand[band] ?? null;
}

/** Legal categories 92xx are associations (9220 association déclarée, 9260 droit local…); 1000 a natural person. */
export const isAssociationCategory = (legalCategory: string) => legalCategory.startsWith('92');

const streetTypes: Readonly<Record<string, string>> = {
  ALL: 'ALLEE',
  AV: 'AVENUE',
  BD: 'BOULEVARD',
  CAR: 'CARREFOUR',
  CHE: 'CHEMIN',
  CHS: 'CHAUSSEE',
  CITE: 'CITE',
  CRS: 'COURS',
  DOM: 'DOMAINE',
  ESP: 'ESPLANADE',
  FG: 'FAUBOURG',
  HAM: 'HAMEAU',
  IMP: 'IMPASSE',
  LD: 'LIEU-DIT',
  LOT: 'LOTISSEMENT',
  MTE: 'MONTEE',
  PAS: 'PASSAGE',
  PL: 'PLACE',
  PRO: 'PROMENADE',
  QUA: 'QUARTIER',
  QUAI: 'QUAI',
  RES: 'RESIDENCE',
  RPT: 'ROND-POINT',
  RTE: 'ROUTE',
  RUE: 'RUE',
  SQ: 'SQUARE',
  TRA: 'TRAVERSE',
  ZA: 'ZONE ARTISANALE',
  ZAC: 'ZONE D’AMENAGEMENT CONCERTE',
  ZI: 'ZONE INDUSTRIELLE',
};

const repetitions: Readonly<Record<string, string>> = { B: 'BIS', T: 'TER', Q: 'QUATER' };

export interface StreetParts {
  number: string;
  repetition: string;
  type: string;
  street: string;
  complement: string;
}

/** « 12 BIS AVENUE DE LA REPUBLIQUE, BATIMENT A », in the register's capitals; null without a street. */
export function addressOf(parts: StreetParts): string | null {
  const line = [
    parts.number,
    repetitions[parts.repetition] ?? parts.repetition,
    streetTypes[parts.type] ?? parts.type,
    parts.street,
  ]
    .filter(Boolean)
    .join(' ');
  const address = [line, parts.complement].filter(Boolean).join(', ');
  return address || null;
}

/** YYYY-MM-DD, or null for an empty or malformed date. */
export const dayOf = (value: string): string | null => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null);

/**
 * dateDernierTraitement (`2024-03-01T12:34:56.000`, Paris time without a zone) as `YYYY-MM-DDTHH:MM:SS`; a bare day
 * gets midnight. Null when malformed.
 */
export function timestampOf(value: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}:\d{2}))?/.exec(value);
  return match ? `${match[1]}T${match[2] ?? '00:00:00'}` : null;
}
