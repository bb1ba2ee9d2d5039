import { describe, expect, it } from 'vitest';
import { amountText, parseAmount } from '../web/src/ui/amounts.js';

// The forms of projects, partnerships and alliances read amounts with this one function. The alliance form used to
// read « 1 200,50 » as NaN (spaces were not removed).
describe('amounts typed in forms', () => {
  it('reads French and English writings, with grouping spaces and the euro sign', () => {
    expect(parseAmount('1 200,50')).toBe(1200.5);
    expect(parseAmount('1\u202f200,50 €')).toBe(1200.5);
    expect(parseAmount('1200.5')).toBe(1200.5);
    expect(parseAmount('  ')).toBeNull();
    expect(parseAmount('douze')).toBeNaN();
  });

  it('shows a stored amount back as the field expects it', () => {
    expect(amountText(1200.5, 'fr')).toBe('1200,5');
    expect(amountText(1200.5, 'en')).toBe('1200.5');
    expect(amountText(null, 'fr')).toBe('');
  });
});
