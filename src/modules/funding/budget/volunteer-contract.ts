// Shared by server and web: the volunteer valuation of a programme's budget — hourly rates per year and person-role,
// hours logged by person-role, and their value. Readers read; staff write.
import { z } from 'zod';
import { readers, staff } from '../../../auth/roles.js';
import { defineRoute, idParams, noContent, optionalUuid } from '../../../http/contract.js';
import { budgetBase, budgetQuery, positiveEuros, tags, year } from './contract.js';

// ---------- inputs ----------

const rateShape = {
  year,
  /** Empty: the default rate of the year, for the roles without their own. */
  role: z.string().trim().max(120).default(''),
  hourlyRate: positiveEuros,
};
export const newRateFields = z.object({ programmeId: z.uuid(), ...rateShape });
export type NewRateInput = z.input<typeof newRateFields>;
export const rateFields = z.object(rateShape);
export type RateInput = z.input<typeof rateFields>;

const hourAmount = z
  .number()
  .positive({ message: 'amountNotPositive' })
  .max(10_000)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { message: 'invalid' });

const hoursShape = {
  territoryId: optionalUuid,
  /** The organisation of the directory the volunteers came from, when known. */
  actorId: optionalUuid,
  /** A person-role (« bénévole d'animation »), never a person's name. */
  role: z.string().trim().min(2).max(120),
  workedOn: z.iso.date({ message: 'invalidDate' }),
  hours: hourAmount,
  description: z.string().trim().max(2000).default(''),
};
export const newHoursFields = z.object({ programmeId: z.uuid(), ...hoursShape });
export type NewHoursInput = z.input<typeof newHoursFields>;
export const hoursFields = z.object(hoursShape);
export type HoursInput = z.input<typeof hoursFields>;

// ---------- views ----------

export const rateView = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  year: z.number().int(),
  role: z.string(),
  hourlyRate: z.number(),
});
export type RateView = z.infer<typeof rateView>;

export const hoursView = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  territoryId: z.uuid().nullable(),
  territoryName: z.string().nullable(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  role: z.string(),
  workedOn: z.string(),
  hours: z.number(),
  description: z.string(),
  /** The rate applied (the role's, else the year's default); null: no rate, the hours are not valued. */
  hourlyRate: z.number().nullable(),
  value: z.number().nullable(),
});
export type HoursView = z.infer<typeof hoursView>;

/** Hours, the valued part of them and its value, and the hours with no rate (« non valorisées »). */
export const valuationFigures = z.object({
  hours: z.number(),
  valuedHours: z.number(),
  value: z.number(),
  unvaluedHours: z.number(),
});
export type ValuationFigures = z.infer<typeof valuationFigures>;

export const valuation = z.object({
  overall: valuationFigures,
  byYear: z.array(valuationFigures.extend({ year: z.number().int() })),
  byTerritory: z.array(
    valuationFigures.extend({ territoryId: z.uuid().nullable(), territoryName: z.string().nullable() }),
  ),
  byRole: z.array(valuationFigures.extend({ role: z.string() })),
});
export type Valuation = z.infer<typeof valuation>;

export const volunteersView = z.object({
  rates: z.array(rateView),
  logs: z.array(hoursView),
  valuation,
});
export type VolunteersView = z.infer<typeof volunteersView>;

// ---------- routes ----------

export const volunteerRoutes = {
  volunteers: defineRoute({
    method: 'GET',
    path: `${budgetBase}/volunteers`,
    summary: "A programme's volunteer rates, hours and valuation over a span of years",
    tags,
    access: readers,
    query: budgetQuery,
    response: volunteersView,
  }),
  createRate: defineRoute({
    method: 'POST',
    path: `${budgetBase}/volunteer-rates`,
    summary: 'Adds an hourly rate for a year and a person-role (empty role: the default rate)',
    tags,
    access: staff,
    body: newRateFields,
    response: rateView,
    status: 201,
  }),
  updateRate: defineRoute({
    method: 'PUT',
    path: `${budgetBase}/volunteer-rates/:id`,
    summary: 'Changes an hourly rate',
    tags,
    access: staff,
    params: idParams,
    body: rateFields,
    response: rateView,
  }),
  deleteRate: defineRoute({
    method: 'DELETE',
    path: `${budgetBase}/volunteer-rates/:id`,
    summary: 'Deletes an hourly rate',
    tags,
    access: staff,
    params: idParams,
    response: noContent,
    status: 204,
  }),
  createHours: defineRoute({
    method: 'POST',
    path: `${budgetBase}/volunteer-hours`,
    summary: 'Logs volunteer hours by person-role',
    tags,
    access: staff,
    body: newHoursFields,
    response: hoursView,
    status: 201,
  }),
  updateHours: defineRoute({
    method: 'PUT',
    path: `${budgetBase}/volunteer-hours/:id`,
    summary: 'Changes logged volunteer hours',
    tags,
    access: staff,
    params: idParams,
    body: hoursFields,
    response: hoursView,
  }),
  deleteHours: defineRoute({
    method: 'DELETE',
    path: `${budgetBase}/volunteer-hours/:id`,
    summary: 'Deletes logged volunteer hours',
    tags,
    access: staff,
    params: idParams,
    response: noContent,
    status: 204,
  }),
} as const;
