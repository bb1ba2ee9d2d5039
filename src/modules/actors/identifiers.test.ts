import { describe, expect, it } from 'vitest';
import { isValidSiren, isValidSiret, rnaPattern } from './identifiers.js';

describe('register identifiers', () => {
  it('checks RNA numbers', () => {
    expect(rnaPattern.test('W133000123')).toBe(true);
    expect(rnaPattern.test('W13300012')).toBe(false);
    expect(rnaPattern.test('X133000123')).toBe(false);
  });

  it('checks SIREN with the Luhn key', () => {
    expect(isValidSiren('732829320')).toBe(true);
    expect(isValidSiren('123456789')).toBe(false);
    expect(isValidSiren('73282932')).toBe(false);
  });

  it('checks SIRET with the Luhn key and the La Poste exception', () => {
    expect(isValidSiret('73282932000074')).toBe(true);
    expect(isValidSiret('73282932000075')).toBe(false);
    expect(isValidSiret('35600000049837')).toBe(true);
    expect(isValidSiret('35600000049838')).toBe(false);
    expect(isValidSiret('123456789')).toBe(false);
  });
});
