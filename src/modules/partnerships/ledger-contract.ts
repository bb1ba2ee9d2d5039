// Shared by server and web: contributions and benefits, the two tables partnerships and alliances both write to
// (`contributions`, `benefits` in ./schema.ts). One definition of their fields and answers; the partnerships contract
// adds the rules (euros to the cent, hours only for volunteer hours) and the alliances contract reuses its inputs.
import { z } from 'zod';
import { contributionNatures } from './vocabulary.js';

/** Volunteer hours, or nothing. */
const ledgerHours = z
  .number()
  .min(0)
  .max(1_000_000)
  .nullish()
  .transform((v) => v ?? null);

/**
 * The input fields of a contribution and of a benefit. `euros` and `date` are the module's optional euros and
 * optional date schemas (both give null for nothing); `descriptionMin` its shortest description.
 */
export function ledgerFields<E extends z.ZodType<number | null>, D extends z.ZodType<string | null>>(rules: {
  descriptionMin: number;
  euros: E;
  date: D;
}) {
  const description = z.string().trim().min(rules.descriptionMin).max(1000);
  return {
    contribution: {
      actorId: z.uuid(),
      nature: z.enum(contributionNatures),
      description,
      value: rules.euros,
      hours: ledgerHours,
    },
    benefit: {
      actorId: z.uuid(),
      description,
      expectedValue: rules.euros,
      realisedValue: rules.euros,
      realisedOn: rules.date,
    },
  };
}

export const contribution = z.object({
  id: z.uuid(),
  actorId: z.uuid(),
  nature: z.enum(contributionNatures),
  description: z.string(),
  value: z.number().nullable(),
  hours: z.number().nullable(),
});
export type Contribution = z.infer<typeof contribution>;

export const benefit = z.object({
  id: z.uuid(),
  actorId: z.uuid(),
  description: z.string(),
  expectedValue: z.number().nullable(),
  realisedValue: z.number().nullable(),
  realisedOn: z.string().nullable(),
});
export type Benefit = z.infer<typeof benefit>;
