import { describe, expect, it } from 'vitest';
import { type BalanceFigures, balanceWarnings, benefitShareThreshold, loadShareThreshold } from './balance.js';

const figures = (overrides: Partial<BalanceFigures> = {}): BalanceFigures => ({
  given: 1000,
  hours: 0,
  expected: 1000,
  realised: 0,
  contributionCount: 1,
  benefitCount: 1,
  givenShare: 0.3,
  expectedShare: 0.3,
  realisedShare: null,
  ...overrides,
});

describe('balanceWarnings (Le Rameau: the main difficulty of an alliance is the imbalance between partners)', () => {
  it('says nothing of a member giving and getting its fair part', () => {
    expect(balanceWarnings(figures(), 3)).toEqual([]);
  });

  it('warns when a member gives half or more of what is given, among three members or more', () => {
    expect(loadShareThreshold).toBe(0.5);
    expect(balanceWarnings(figures({ givenShare: 0.5 }), 3)).toEqual(['carriesLoad']);
    expect(balanceWarnings(figures({ givenShare: 0.49 }), 5)).toEqual([]);
  });

  it('does not read half as an imbalance between two members', () => {
    expect(balanceWarnings(figures({ givenShare: 0.5, expectedShare: 0.5 }), 2)).toEqual([]);
  });

  it('warns when a member gets half or more of the expected or of the realised benefits', () => {
    expect(benefitShareThreshold).toBe(0.5);
    expect(balanceWarnings(figures({ expectedShare: 0.6 }), 4)).toEqual(['capturesBenefit']);
    expect(balanceWarnings(figures({ expectedShare: 0.2, realisedShare: 0.5 }), 4)).toEqual(['capturesBenefit']);
  });

  it('warns of members who declare nothing given or nothing received, valued or not', () => {
    expect(balanceWarnings(figures({ contributionCount: 0, given: 0, givenShare: 0 }), 3)).toEqual(['givesNothing']);
    expect(balanceWarnings(figures({ benefitCount: 0, expected: 0, expectedShare: 0 }), 3)).toEqual(['getsNothing']);
    // Skills lent without a value in euros are still given.
    expect(balanceWarnings(figures({ given: 0, givenShare: 0 }), 3)).toEqual([]);
  });

  it('cumulates warnings', () => {
    expect(balanceWarnings(figures({ givenShare: 0.8, benefitCount: 0, expectedShare: null }), 3)).toEqual([
      'carriesLoad',
      'getsNothing',
    ]);
  });
});
