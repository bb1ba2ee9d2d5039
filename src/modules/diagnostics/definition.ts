// Shared by server and web: the shape of a questionnaire (assets/reference/diagnostics.json) and of its answers.
// A questionnaire is data, versioned: results keep the version they were answered with.
import { z } from 'zod';
import { partnershipModes } from '../partnerships/vocabulary.js';
import { diagnosticKinds } from './vocabulary.js';

/** A text in both languages of the interface. */
export const bilingual = z.object({ fr: z.string().min(1), en: z.string().min(1) });
export type Bilingual = z.infer<typeof bilingual>;

const identifier = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/);

export const choiceQuestion = z.object({
  id: identifier,
  type: z.literal('choice'),
  label: bilingual,
  help: bilingual.optional(),
  options: z.array(z.object({ value: identifier, label: bilingual, points: z.number().int().min(0) })).min(2),
});

/** A number turned into points by thresholds: the points of the highest threshold whose `min` it reaches. */
export const numberQuestion = z.object({
  id: identifier,
  type: z.literal('number'),
  label: bilingual,
  help: bilingual.optional(),
  min: z.number(),
  max: z.number(),
  integer: z.boolean(),
  unit: bilingual,
  thresholds: z.array(z.object({ min: z.number(), points: z.number().int().min(0) })).min(1),
});

export const question = z.discriminatedUnion('type', [choiceQuestion, numberQuestion]);
export type Question = z.infer<typeof question>;

/** A check across questions of an axis (shares of resources summing to at most 100 %). */
export const axisCheck = z.object({ questions: z.array(identifier).min(2), sumAtMost: z.number() });

export const axis = z.object({
  id: identifier,
  label: bilingual,
  description: bilingual,
  questions: z.array(question).min(1),
  checks: z.array(axisCheck).default([]),
});
export type Axis = z.infer<typeof axis>;

/**
 * What makes a rule suggest its mode: an axis score (`below` or `atLeast`, 0–100), or a question's answer (a number
 * `below`/`atLeast`, or a choice `in` a list of option values).
 */
export const ruleCondition = z.union([
  z.object({ axis: identifier, below: z.number().optional(), atLeast: z.number().optional() }).strict(),
  z
    .object({
      question: identifier,
      below: z.number().optional(),
      atLeast: z.number().optional(),
      in: z.array(identifier).optional(),
    })
    .strict(),
]);
export type RuleCondition = z.infer<typeof ruleCondition>;

export const suggestionRule = z.object({
  id: identifier,
  mode: z.enum(partnershipModes),
  when: ruleCondition,
  text: bilingual,
});
export type SuggestionRule = z.infer<typeof suggestionRule>;

export const questionnaireDefinition = z.object({
  kind: z.enum(diagnosticKinds),
  version: z.number().int().min(1),
  title: bilingual,
  intro: bilingual,
  /** An axis scoring at least this is a strength; below `weaknessBelow`, a weakness. */
  strengthAtLeast: z.number().min(0).max(100),
  weaknessBelow: z.number().min(0).max(100),
  axes: z.array(axis).min(1),
  rules: z.array(suggestionRule),
});
export type QuestionnaireDefinition = z.infer<typeof questionnaireDefinition>;

/** An answer: an option's value, or a number; null (or absent) while not answered. */
export const answerValue = z.union([z.string().max(100), z.number(), z.null()]);
export const answers = z.record(z.string().max(100), answerValue);
export type Answers = Record<string, string | number>;
