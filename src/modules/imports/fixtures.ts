// Generated register items for tests and benchmarks: valid organisations of Aix-en-Provence (INSEE 13001) by default.
import { luhnValid } from '../actors/identifiers.js';
import type { ImportScope, RegisterItem, RegisterOrganisation } from './types.js';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The digits followed by the check digit that makes them pass the Luhn test. */
const withLuhn = (digits: string) => {
  const check = [...'0123456789'].find((d) => luhnValid(digits + d));
  return digits + check;
};

/** An active RNA association numbered n (W13 followed by seven digits). */
export function association(n: number, overrides: Partial<RegisterOrganisation> = {}): RegisterOrganisation {
  const rna = `W13${pad(n, 7)}`;
  return {
    source: 'rna',
    registerId: rna,
    family: 'association',
    name: `Association numéro ${n}`,
    rna,
    siren: null,
    siret: null,
    address: `${n} rue des Tests`,
    postalCode: '13100',
    communeCode: '13001',
    website: null,
    description: `Objet de l’association ${n}`,
    themes: ['solidarity'],
    createdOn: '2001-02-03',
    status: 'active',
    companySize: null,
    ess: false,
    registerUpdatedAt: '2024-01-01T00:00:00Z',
    ...overrides,
  };
}

/** An active SIRENE establishment: SIREN 8 + n + check digit, SIRET = SIREN + establishment number + check digit. */
export function establishment(
  n: number,
  overrides: Partial<RegisterOrganisation> & { establishmentNo?: number } = {},
): RegisterOrganisation {
  const { establishmentNo = 1, ...rest } = overrides;
  const siren = withLuhn(`8${pad(n, 7)}`);
  const siret = withLuhn(`${siren}${pad(establishmentNo, 4)}`);
  return {
    source: 'sirene',
    registerId: siret,
    family: 'company',
    name: `Entreprise ${n}`,
    rna: null,
    siren,
    siret,
    address: `${n} avenue des Essais`,
    postalCode: '13100',
    communeCode: '13001',
    website: null,
    description: 'Conseil en systèmes informatiques',
    themes: [],
    createdOn: '2010-05-06',
    status: 'active',
    companySize: 'TPE',
    ess: false,
    registerUpdatedAt: '2024-01-01T00:00:00Z',
    ...rest,
  };
}

/** Items numbered from line 2 (line 1 is the file's header), in order. */
export function itemsFrom(
  entries: (RegisterOrganisation | { rejected: string } | { skipped: 'outOfScope' | 'notDiffusible' })[],
): RegisterItem[] {
  return entries.map((e, i) => {
    const line = i + 2;
    if ('rejected' in e) return { kind: 'rejected', rejection: { line, reason: e.rejected, detail: 'test' } };
    if ('skipped' in e) return { kind: 'skipped', line, reason: e.skipped };
    return { kind: 'organisation', line, organisation: e };
  });
}

/** The items as the readers give them: an async stream. */
export async function* streamOf(items: RegisterItem[]): AsyncIterable<RegisterItem> {
  for (const item of items) yield item;
}

export const aixScope: ImportScope = { communeCodes: new Set(['13001']), departement: null };
