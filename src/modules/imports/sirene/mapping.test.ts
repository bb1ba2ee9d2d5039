import { describe, expect, it } from 'vitest';
import { addressOf, companySizeOf, dayOf, isAssociationCategory, timestampOf } from './mapping.js';
import { activityLabel } from './naf.js';

describe('Sirene mapping', () => {
  it.each([
    // category, staff band, size
    ['PME', '12', 'PME'],
    ['PME', '00', 'TPE'],
    ['PME', '01', 'TPE'],
    ['PME', '02', 'TPE'],
    ['PME', '03', 'TPE'],
    ['PME', '11', 'PME'],
    ['PME', 'NN', 'PME'],
    ['PME', '', 'PME'],
    ['ETI', '03', 'ETI'],
    ['ETI', '41', 'ETI'],
    ['GE', '01', 'large'],
    ['GE', '53', 'large'],
    ['', '02', 'TPE'],
    ['', '11', 'PME'],
    ['', '31', 'PME'],
    ['', '32', 'ETI'],
    ['', '51', 'ETI'],
    ['', '52', 'large'],
    ['', 'NN', null],
    ['', '', null],
  ])('sizes category %j with band %j as %j', (category, band, size) => {
    expect(companySizeOf(category, band)).toBe(size);
  });

  it('reads legal categories 92xx as associations', () => {
    expect(isAssociationCategory('9220')).toBe(true);
    expect(isAssociationCategory('9260')).toBe(true);
    expect(isAssociationCategory('5710')).toBe(false);
    expect(isAssociationCategory('1000')).toBe(false);
  });

  it('labels NAF rév. 2 codes by section, or by division for the associative ones', () => {
    expect(activityLabel('56.10A', 'NAFv2')).toBe('Hébergement et restauration (NAF 56.10A)');
    expect(activityLabel('01.11Z', '')).toBe('Agriculture, sylviculture et pêche (NAF 01.11Z)');
    expect(activityLabel('33.12Z', 'NAFv2')).toBe('Industrie manufacturière (NAF 33.12Z)');
    expect(activityLabel('35.11Z', 'NAFv2')).toBe(
      'Production et distribution d’électricité, de gaz et de vapeur (NAF 35.11Z)',
    );
    expect(activityLabel('94.99Z', 'NAFv2')).toBe('Activités des organisations associatives (NAF 94.99Z)');
    expect(activityLabel('96.02A', 'NAFv2')).toBe('Autres activités de services (NAF 96.02A)');
    expect(activityLabel('99.00Z', 'NAFv2')).toBe('Activités extra-territoriales (NAF 99.00Z)');
    // Older nomenclatures' divisions mean other things: the code alone.
    expect(activityLabel('52.1D', 'NAFRev1')).toBe('52.1D');
    expect(activityLabel('55.1A', 'NAF1993')).toBe('55.1A');
    expect(activityLabel('00.00Z', 'NAFv2')).toBe('00.00Z');
    expect(activityLabel('', '')).toBe('');
  });

  it('writes an address in full words', () => {
    expect(
      addressOf({ number: '12', repetition: 'B', type: 'AV', street: 'DE LA REPUBLIQUE', complement: 'BATIMENT A' }),
    ).toBe('12 BIS AVENUE DE LA REPUBLIQUE, BATIMENT A');
    expect(addressOf({ number: '', repetition: '', type: 'LD', street: 'LES MILLES', complement: '' })).toBe(
      'LIEU-DIT LES MILLES',
    );
    expect(addressOf({ number: '3', repetition: '', type: 'XYZ', street: 'DU PORT', complement: '' })).toBe(
      '3 XYZ DU PORT',
    );
    expect(addressOf({ number: '', repetition: '', type: '', street: '', complement: '' })).toBeNull();
  });

  it('reads dates and processing times', () => {
    expect(dayOf('2012-09-15')).toBe('2012-09-15');
    expect(dayOf('')).toBeNull();
    expect(dayOf('15/09/2012')).toBeNull();
    expect(timestampOf('2024-02-20T08:30:00.000')).toBe('2024-02-20T08:30:00');
    expect(timestampOf('2024-02-20 08:30:00')).toBe('2024-02-20T08:30:00');
    expect(timestampOf('2024-02-20')).toBe('2024-02-20T00:00:00');
    expect(timestampOf('')).toBeNull();
  });
});
