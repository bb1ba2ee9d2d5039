// Reads an RNA (associations register) file, in either of its layouts (rna_waldec: W numbers, detailed address
// columns; rna_import: the older management keys, address in three lines), as the platform's organisations. Columns
// are found by header name (their set changes across vintages); the people's columns (declarant's address adrg_*,
// director's civility, phone, e-mail) are never copied out of the CSV parser. Streams: constant memory.

import type { CsvRecord } from '../csv.js';
import { csvRecords, detectEncoding } from '../csv.js';
import { type ImportScope, inScope, type RegisterItem, type RegisterOrganisation } from '../types.js';
import {
  bad,
  clean,
  isRnaNumber,
  joinAddress,
  parseCommuneCode,
  parseDate,
  parsePosition,
  parsePostalCode,
  parseSiret,
  parseUpdateTime,
  parseWebsite,
  waldecStreet,
} from './fields.js';
import { objetSocialThemes } from './themes.js';

export type RnaLayout = 'waldec' | 'import';

/** People's data: the declarant's address, the director's civility, phone and e-mail. */
export const isPersonalColumn = (name: string): boolean =>
  name.startsWith('adrg_') || name === 'dir_civilite' || name === 'telephone' || name === 'email';

/** The columns a file must have, each with the names it has had across vintages (the first is the one cited). */
const essentialColumns = {
  id: ['id'],
  titre: ['titre'],
  commune: ['adrs_codeinsee', 'adr_codeinsee', 'codeinsee', 'code_insee'],
} as const;

/** Free text where a W number is never looked for (a title may happen to look like one). */
const notScanned = new Set(['id', 'titre', 'titre_court', 'objet']);

export class RnaHeaderError extends Error {
  constructor(readonly missing: string[]) {
    super(`Not an RNA file: the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
    this.name = 'RnaHeaderError';
  }
}

/** Counted while reading, for the import's report: rows kept despite them. */
export interface RnaWarnings {
  /** Organisations whose name, object or address holds U+FFFD: the file lost its accents before we read it. */
  lostCharacters: number;
  /** Positions other than A, D, S, R (read as active). */
  unknownPositions: number;
}

export const noWarnings = (): RnaWarnings => ({ lostCharacters: 0, unknownPositions: 0 });

export interface ReadRnaOptions {
  /** Told the bytes read so far, for progress. */
  onBytes?(bytes: number): void;
  /** Stops reading as soon as it aborts (within a chunk of the file, even among rows that yield nothing). */
  signal?: AbortSignal;
  /** Incremented as rows with lost characters or unknown positions are met. */
  warnings?: RnaWarnings;
}

/** What the header tells: its length, the layout, where the commune code is, where to look for a W number. */
export interface RnaHeader {
  layout: RnaLayout;
  length: number;
  communeColumn: string;
  scanned: string[];
}

/** Checks a header's names (lower case) and describes it; throws RnaHeaderError naming every missing column. */
export function readHeader(names: string[]): RnaHeader {
  const present = new Set(names);
  const found = (aliases: readonly string[]) => aliases.find((a) => present.has(a));
  const missing = Object.values(essentialColumns)
    .filter((aliases) => !found(aliases))
    .map((aliases) => aliases[0] as string);
  if (missing.length > 0) throw new RnaHeaderError(missing);
  return {
    layout: present.has('adrs_libvoie') || present.has('adrs_numvoie') ? 'waldec' : 'import',
    length: names.length,
    communeColumn: found(essentialColumns.commune) as string,
    scanned: names.filter((n) => !notScanned.has(n) && !isPersonalColumn(n)),
  };
}

const rejected = (line: number, reason: string, detail: string): RegisterItem => ({
  kind: 'rejected',
  rejection: { line, reason, detail },
});

/** The W number: the id in the waldec layout; in rna_import, the column that holds one (observation, in practice). */
function rnaNumber(values: Record<string, string>, id: string, header: RnaHeader): string | null {
  if (isRnaNumber(id)) return id;
  for (const column of header.scanned) {
    const value = clean(values[column]).toUpperCase();
    if (isRnaNumber(value)) return value;
  }
  return null;
}

function address(v: Record<string, string>, layout: RnaLayout): string | null {
  if (layout === 'import') return joinAddress([v.adr1, v.adr2, v.adr3]);
  const street = waldecStreet({
    numvoie: v.adrs_numvoie,
    repetition: v.adrs_repetition,
    typevoie: v.adrs_typevoie,
    libvoie: v.adrs_libvoie,
  });
  return joinAddress([v.adrs_complement, street, v.adrs_distrib]);
}

const lostCharacter = '\uFFFD';

export interface RowContext {
  header: RnaHeader;
  scope: ImportScope;
  themesOf(code: string): string[];
  warnings: RnaWarnings;
}

/**
 * One record to an item. Order of checks: a record whose field count differs from the header's is rejected (its
 * columns are shifted, even its commune cannot be trusted); then the commune decides the scope (an empty one is out
 * of scope, a malformed one rejected), so a national file does not report the faults of other territories' rows;
 * then the id, name and dates.
 */
export function rowToItem({ line, values: v, fieldCount, skimmed }: CsvRecord, ctx: RowContext): RegisterItem {
  const { header, scope } = ctx;
  if (fieldCount !== header.length) {
    return rejected(line, 'badColumnCount', `${fieldCount} fields where the header has ${header.length}`);
  }
  // Its commune already found well-formed and out of the scope (outOfScope below), without reading the rest.
  if (skimmed) return { kind: 'skipped', line, reason: 'outOfScope' };
  const communeCode = parseCommuneCode(v[header.communeColumn]);
  if (communeCode === bad) return rejected(line, 'badCommuneCode', `${header.communeColumn} is not an INSEE code`);
  if (!inScope(scope, communeCode)) return { kind: 'skipped', line, reason: 'outOfScope' };
  const id = clean(v.id).toUpperCase();
  if (id === '') return rejected(line, 'missingId', 'id is empty');
  const name = clean(v.titre) || clean(v.titre_court);
  if (name === '') return rejected(line, 'missingName', 'titre and titre_court are empty');
  const createdOn = parseDate(v.date_creat);
  if (createdOn === bad) return rejected(line, 'badDate', 'date_creat is not a YYYY-MM-DD date');
  const registerUpdatedAt = parseUpdateTime(v.maj_time);
  if (registerUpdatedAt === bad) return rejected(line, 'badDate', 'maj_time is not a YYYY-MM-DD HH:MM:SS time');

  const rna = rnaNumber(v, id, header);
  const position = parsePosition(v.position);
  if (!position.known) ctx.warnings.unknownPositions++;
  const description = clean(v.objet);
  const street = address(v, header.layout);
  if (`${name}${description}${street ?? ''}`.includes(lostCharacter)) ctx.warnings.lostCharacters++;
  const siret = parseSiret(v.siret);
  const themes = [...new Set([clean(v.objet_social1), clean(v.objet_social2)].flatMap(ctx.themesOf))];
  const organisation: RegisterOrganisation = {
    source: 'rna',
    registerId: rna ?? id,
    family: 'association',
    name,
    rna,
    siren: siret ? siret.slice(0, 9) : null,
    siret,
    address: street,
    postalCode: parsePostalCode(v.adrs_codepostal),
    communeCode,
    website: parseWebsite(v.siteweb),
    description,
    themes,
    createdOn,
    status: position.status,
    companySize: null,
    ess: false,
    registerUpdatedAt,
  };
  return { kind: 'organisation', line, organisation };
}

/** A well-formed commune code outside the scope (a malformed one is a rejection, whatever the scope). */
function outOfScope(scope: ImportScope, raw: string): boolean {
  const communeCode = parseCommuneCode(raw);
  return communeCode !== bad && !inScope(scope, communeCode);
}

/**
 * The items of an RNA file: organisations in the scope, skipped lines outside it, rejected lines with their line
 * number. Throws RnaHeaderError before any row when an essential column is missing.
 */
export async function* readRna(
  path: string,
  scope: ImportScope,
  opts: ReadRnaOptions = {},
): AsyncGenerator<RegisterItem> {
  const themesOf = objetSocialThemes();
  const warnings = opts.warnings ?? noWarnings();
  // Set by the header, before the first record.
  let context: RowContext | undefined;
  const records = csvRecords(path, {
    delimiter: ';',
    encoding: await detectEncoding(path),
    onBytes: opts.onBytes,
    signal: opts.signal,
    keep: (name) => !isPersonalColumn(name),
    onHeader: (names) => {
      context = { header: readHeader(names), scope, themesOf, warnings };
    },
    // The records rowToItem would skip for their commune, found without copying their fields.
    skim: () => ({ column: (context as RowContext).header.communeColumn, test: (value) => outOfScope(scope, value) }),
  });
  for await (const record of records) yield rowToItem(record, context as RowContext);
  if (context === undefined) throw new RnaHeaderError(Object.values(essentialColumns).map((a) => a[0]));
}
