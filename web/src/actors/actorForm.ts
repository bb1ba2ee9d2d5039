// The actor form's values, their mapping to the API's actorInput and back, and validation with the same schema.
import {
  type ActorDetail,
  type ActorInput,
  actorInput,
  defaultFieldVisibility,
  type RestrictableField,
  restrictableFields,
  type Visibility,
} from '../../../src/modules/actors/contract';
import { type ActorFamily, subtypesByFamily } from '../../../src/modules/reference/families';
import type { CommuneChoice } from '../ui/CommuneField';

export interface PersonValues {
  /** Local key for React lists (people without an id yet). */
  key: string;
  id?: string;
  name: string;
  role: string;
  email: string;
  phone: string;
  visibility: Visibility;
}

export interface ActorFormValues {
  family: ActorFamily | '';
  subtype: string;
  companySize: string;
  companyStatus: string;
  name: string;
  rna: string;
  siren: string;
  siret: string;
  address: string;
  postalCode: string;
  commune: CommuneChoice;
  website: string;
  email: string;
  phone: string;
  description: string;
  themes: string[];
  sdgs: number[];
  contributions: string[];
  benefits: string[];
  contributionsText: string;
  benefitsText: string;
  fieldVisibility: Record<RestrictableField, Visibility>;
  people: PersonValues[];
}

let keySeed = 0;
export const newPersonKey = () => `p${++keySeed}`;

export function emptyActorForm(): ActorFormValues {
  return {
    family: '',
    subtype: '',
    companySize: '',
    companyStatus: '',
    name: '',
    rna: '',
    siren: '',
    siret: '',
    address: '',
    postalCode: '',
    commune: { code: null, text: '' },
    website: '',
    email: '',
    phone: '',
    description: '',
    themes: [],
    sdgs: [],
    contributions: [],
    benefits: [],
    contributionsText: '',
    benefitsText: '',
    fieldVisibility: { ...defaultFieldVisibility },
    people: [],
  };
}

export function actorToForm(a: ActorDetail): ActorFormValues {
  const visibility = { ...defaultFieldVisibility };
  for (const f of restrictableFields) {
    const v = a.fieldVisibility[f];
    if (v) visibility[f] = v;
  }
  return {
    family: a.family,
    subtype: a.subtype ?? '',
    companySize: a.companySize ?? '',
    companyStatus: a.companyStatus ?? '',
    name: a.name,
    rna: a.rna ?? '',
    siren: a.siren ?? '',
    siret: a.siret ?? '',
    address: a.address ?? '',
    postalCode: a.postalCode ?? '',
    commune: { code: a.communeCode, text: a.communeName ?? a.communeCode ?? '' },
    website: a.website ?? '',
    email: a.email ?? '',
    phone: a.phone ?? '',
    description: a.description,
    themes: a.themes,
    sdgs: a.sdgs,
    contributions: a.contributions,
    benefits: a.benefits,
    contributionsText: a.contributionsText,
    benefitsText: a.benefitsText,
    fieldVisibility: visibility,
    people: a.people.map((p) => ({
      key: newPersonKey(),
      id: p.id,
      name: p.name,
      role: p.role,
      email: p.email ?? '',
      phone: p.phone ?? '',
      visibility: p.visibility,
    })),
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s);

/** What is sent to the API: fields that do not apply to the family are sent empty. */
export function formToInput(v: ActorFormValues): ActorInput {
  const family = v.family || undefined;
  const subtypes: readonly string[] = family ? subtypesByFamily[family] : [];
  const company = family === 'company';
  return {
    family: family as ActorFamily,
    subtype: v.subtype && subtypes.includes(v.subtype) ? v.subtype : null,
    companySize: company && v.companySize ? (v.companySize as ActorInput['companySize']) : null,
    companyStatus: company && v.companyStatus ? (v.companyStatus as ActorInput['companyStatus']) : null,
    name: v.name,
    rna: family === 'association' ? orNull(v.rna) : null,
    siren: orNull(v.siren),
    siret: orNull(v.siret),
    address: orNull(v.address),
    postalCode: orNull(v.postalCode),
    communeCode: v.commune.code,
    website: orNull(v.website),
    email: orNull(v.email.trim()),
    phone: orNull(v.phone),
    description: v.description,
    themes: v.themes,
    sdgs: v.sdgs,
    contributions: v.contributions,
    benefits: v.benefits,
    contributionsText: v.contributionsText,
    benefitsText: v.benefitsText,
    fieldVisibility: v.fieldVisibility,
    people: v.people.map((p) => ({
      ...(p.id ? { id: p.id } : {}),
      name: p.name,
      role: p.role,
      email: orNull(p.email.trim()),
      phone: orNull(p.phone),
      visibility: p.visibility,
    })),
  };
}

/** A message code with its placeholders' values (from zod: minimum, maximum). */
export interface FieldIssue {
  code: string;
  vars: Record<string, unknown>;
}

/** Validates with the API's own schema: field path (`people.0.email`) → first issue. */
export function validateActor(v: ActorFormValues): Record<string, FieldIssue> {
  const out: Record<string, FieldIssue> = {};
  const result = actorInput.safeParse(formToInput(v));
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.') || 'form';
      if (out[path]) continue;
      const extra = issue as { minimum?: unknown; maximum?: unknown };
      out[path] = { code: issue.message, vars: { min: extra.minimum, max: extra.maximum } };
    }
  }
  if (!v.commune.code && v.commune.text.trim() !== '' && !out.communeCode) {
    out.communeCode = { code: 'unknownCommune', vars: {} };
  }
  return out;
}

/** Adds https:// to a web address typed without it (`www.exemple.fr`). */
export function normaliseWebsite(value: string): string {
  const v = value.trim();
  if (v === '' || /^[a-z][a-z0-9+.-]*:/i.test(v)) return v;
  return /^[^\s/]+\.[^\s/]+/.test(v) ? `https://${v}` : v;
}

/** The DOM id of a field's control, from its path. */
export const controlId = (path: string) => `actor-${path.replaceAll('.', '-')}`;
