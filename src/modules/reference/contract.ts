// Shared by server and web: the reference data (themes, SDGs, stakeholder taxonomy, territories, communes).
import { z } from 'zod';
import { defineRoute } from '../../http/contract.js';
import { actorFamilies, stakeholderDirections } from './families.js';

const label = { labelFr: z.string(), labelEn: z.string() };

export const communeView = z.object({
  code: z.string(),
  name: z.string(),
  postalCodes: z.array(z.string()),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
});
export type CommuneView = z.infer<typeof communeView>;

export const referenceData = z.object({
  themes: z.array(z.object({ id: z.string(), ...label })),
  sdgs: z.array(z.object({ number: z.number().int(), color: z.string(), ...label })),
  stakeholderItems: z.array(
    z.object({
      id: z.string(),
      family: z.enum(actorFamilies),
      direction: z.enum(stakeholderDirections),
      ...label,
    }),
  ),
  territories: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      description: z.string(),
      communes: z.array(communeView.extend({ pilotThemeId: z.string().nullable() })),
    }),
  ),
});
export type ReferenceData = z.infer<typeof referenceData>;

export const getReference = defineRoute({
  method: 'GET',
  path: '/api/v1/reference',
  summary:
    'Themes, SDGs, the contributions/benefits taxonomy per actor family, and the territories with their communes',
  tags: ['reference'],
  access: 'public',
  response: referenceData,
});

export const searchCommunes = defineRoute({
  method: 'GET',
  path: '/api/v1/communes',
  summary: 'Find French communes by name (accent- and typo-tolerant), postal code or INSEE code',
  tags: ['reference'],
  access: 'public',
  query: z.object({ q: z.string().trim().min(1).max(100), limit: z.coerce.number().int().min(1).max(50).default(10) }),
  response: z.object({ items: z.array(communeView) }),
});
