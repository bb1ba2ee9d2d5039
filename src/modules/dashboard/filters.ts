// Shared by server and web: who looks at a figure and the filters of a scope (scope.ts resolves them).
import { z } from 'zod';

/** Who looks: readers (admin, animator, observer) see every figure; the public sees public records only, no person. */
export const audiences = ['readers', 'public'] as const;
export type Audience = (typeof audiences)[number];

/** A figure's filters, as the dashboard's query string and the review's parameters carry them. */
export const figureFilters = z.object({
  territoryId: z.uuid().optional(),
  phaseId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type FigureFilters = z.infer<typeof figureFilters>;
