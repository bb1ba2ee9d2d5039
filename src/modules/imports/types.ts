// What the register readers (RNA, SIRENE) yield, whatever the file's layout: one organisation in the platform's
// words, or a rejected line with its reason, or a line outside the chosen scope. No personal data is ever read into
// these (the declarant's address, the director's civility, phones and e-mails of people are left in the file).
import type { ActorFamily, CompanySize } from '../reference/families.js';

export const registerSources = ['rna', 'sirene'] as const;
export type RegisterSource = (typeof registerSources)[number];

/** A register's state of the organisation: active, dissolved or deleted (RNA positions D/S), closed (SIRENE). */
export const registerStatuses = ['active', 'dissolved', 'deleted', 'closed'] as const;
export type RegisterStatus = (typeof registerStatuses)[number];

export interface RegisterOrganisation {
  source: RegisterSource;
  /** The register's key: the RNA number (W + 9 characters) or the SIRET. */
  registerId: string;
  family: Extract<ActorFamily, 'association' | 'company'>;
  name: string;
  rna: string | null;
  siren: string | null;
  siret: string | null;
  /** The organisation's own (registered office or establishment) address, never a person's. */
  address: string | null;
  postalCode: string | null;
  communeCode: string | null;
  website: string | null;
  /** The object (RNA) or the activity label (SIRENE). */
  description: string;
  themes: string[];
  /** YYYY-MM-DD, or null (RNA writes 0001-01-01 for « no date »). */
  createdOn: string | null;
  status: RegisterStatus;
  companySize: CompanySize | null;
  /** Social and solidarity economy (SIRENE economieSocialeSolidaireUniteLegale = O). */
  ess: boolean;
  /** When the register last changed this record (RNA maj_time, SIRENE dateDernierTraitement), ISO. */
  registerUpdatedAt: string | null;
}

/** Why a line was not loaded: a code of src/http/messages.ts or a short English code, and what was wrong. */
export interface Rejection {
  line: number;
  reason: string;
  detail: string;
}

export type RegisterItem =
  | { kind: 'organisation'; line: number; organisation: RegisterOrganisation }
  | { kind: 'rejected'; rejection: Rejection }
  /** A valid line outside the scope (another commune), or a record the register asks not to diffuse. */
  | { kind: 'skipped'; line: number; reason: 'outOfScope' | 'notDiffusible' };

/** Which organisations to keep: those whose commune is in the set (a territory's communes, or a department's). */
export interface ImportScope {
  communeCodes: ReadonlySet<string> | null;
  /** A department code (13, 84, 2A…): every commune starting with it. */
  departement: string | null;
}

export const inScope = (scope: ImportScope, communeCode: string | null): boolean => {
  if (!communeCode) return false;
  if (scope.communeCodes?.has(communeCode)) return true;
  return scope.departement !== null && communeCode.startsWith(scope.departement);
};
