import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type DomainError, parseInput } from './errors.js';
import './http/messages.js';

describe('parseInput', () => {
  it('names the field, our code and the bound of the rule', () => {
    const schema = z.object({ name: z.string().min(3).max(5), seats: z.number().int().max(10) });
    const issues = (() => {
      try {
        parseInput(schema, { name: 'ab', seats: 11 });
      } catch (e) {
        return (e as DomainError).issues;
      }
      return [];
    })();
    expect(issues).toEqual([
      { field: 'name', code: 'tooShort', params: { min: 3 } },
      { field: 'seats', code: 'tooBig', params: { max: 10 } },
    ]);
  });
});
