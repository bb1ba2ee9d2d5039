import { describe, expect, it } from 'vitest';
import { longDate } from '../web/src/i18n/dates.js';

describe('long dates', () => {
  it('writes the first of the month as « 1er » in French only', () => {
    expect(longDate('fr-FR', new Date('2018-12-01T12:00:00Z'))).toBe('1er décembre 2018');
    expect(longDate('fr-FR', new Date('2018-12-11T12:00:00Z'))).toBe('11 décembre 2018');
    expect(longDate('en-GB', new Date('2018-12-01T12:00:00Z'))).toBe('1 December 2018');
  });
});
