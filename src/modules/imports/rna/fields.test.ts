// The RNA's field formats, one by one, and the objet social mapping file.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bad,
  isRnaNumber,
  joinAddress,
  parisOffset,
  parseCommuneCode,
  parseDate,
  parsePosition,
  parsePostalCode,
  parseUpdateTime,
  parseWebsite,
  waldecStreet,
} from './fields.js';
import { objetSocialThemes, readObjetSocialMapping } from './themes.js';

describe('RNA fields', () => {
  it('recognises W numbers, Corsica and overseas included, and nothing else', () => {
    for (const ok of ['W751085568', 'W2A1001234', 'W9R2000123', 'W131000001']) expect(isRnaNumber(ok)).toBe(true);
    for (const no of ['751P00085568', 'W75108556', 'W7510855681', 'WEBMASTERS', 'w751085568', '']) {
      expect(isRnaNumber(no)).toBe(false);
    }
  });

  it('reads dates: 0001-01-01 and empty are no date, impossible days are bad', () => {
    expect(parseDate('2014-06-17')).toBe('2014-06-17');
    expect(parseDate(' 2024-02-29 ')).toBe('2024-02-29');
    expect(parseDate('2014-06-17 00:00:00')).toBe('2014-06-17');
    expect(parseDate('0001-01-01')).toBeNull();
    expect(parseDate('0001-01-01 00:00:00')).toBeNull();
    expect(parseDate('')).toBeNull();
    expect(parseDate(undefined)).toBeNull();
    for (const wrong of ['2023-02-29', '2015-13-01', '17/06/2014', '2014-6-17']) expect(parseDate(wrong)).toBe(bad);
  });

  it('reads update times as Paris time with its offset', () => {
    expect(parseUpdateTime('2015-02-09 12:51:34')).toBe('2015-02-09T12:51:34+01:00');
    expect(parseUpdateTime('2013-07-10 07:33:24')).toBe('2013-07-10T07:33:24+02:00');
    expect(parseUpdateTime('0001-01-01 00:00:00')).toBeNull();
    expect(parseUpdateTime('')).toBeNull();
    expect(parseUpdateTime('2015-02-30 10:00:00')).toBe(bad);
    expect(parseUpdateTime('2015-02-09 25:00:00')).toBe(bad);
    expect(new Date(parseUpdateTime('2013-07-10 07:33:24') as string).toISOString()).toBe('2013-07-10T05:33:24.000Z');
    // Summer time 2024: from Sunday 31 March 2:00 to Sunday 27 October 3:00.
    expect(parisOffset(2024, 3, 31, 1)).toBe('+01:00');
    expect(parisOffset(2024, 3, 31, 3)).toBe('+02:00');
    expect(parisOffset(2024, 10, 27, 2)).toBe('+02:00');
    expect(parisOffset(2024, 10, 27, 3)).toBe('+01:00');
    expect(parisOffset(2024, 3, 24, 12)).toBe('+01:00');
  });

  it('reads commune codes: leading zero restored, arrondissements to their commune, malformed is bad', () => {
    expect(parseCommuneCode('13001')).toBe('13001');
    expect(parseCommuneCode('2a004')).toBe('2A004');
    expect(parseCommuneCode('6029')).toBe('06029');
    expect(parseCommuneCode('75114')).toBe('75056');
    expect(parseCommuneCode('13216')).toBe('13055');
    expect(parseCommuneCode('69389')).toBe('69123');
    expect(parseCommuneCode('75121')).toBe('75121');
    expect(parseCommuneCode('97411')).toBe('97411');
    expect(parseCommuneCode('')).toBeNull();
    for (const wrong of ['13-01', '130011', 'AIX', '2C004']) expect(parseCommuneCode(wrong)).toBe(bad);
  });

  it('reads postal codes, dropping what is not one', () => {
    expect(parsePostalCode('13100')).toBe('13100');
    expect(parsePostalCode('6150')).toBe('06150');
    expect(parsePostalCode('CEDEX')).toBeNull();
  });

  it('composes addresses without placeholders', () => {
    expect(waldecStreet({ numvoie: '35', repetition: 'B', typevoie: 'RUE', libvoie: ' Pascal ' })).toBe(
      '35 bis RUE Pascal',
    );
    expect(waldecStreet({ numvoie: '', typevoie: '', libvoie: 'Le Village' })).toBe('Le Village');
    expect(joinAddress(['', '10        BD  Brune', '_'])).toBe('10 BD Brune');
    expect(joinAddress(['', '_', undefined])).toBeNull();
  });

  it('normalises websites and drops what does not look like one', () => {
    expect(parseWebsite('www.amis-theatre.fr')).toBe('https://www.amis-theatre.fr');
    expect(parseWebsite('HTTPS://WWW.Example.org/')).toBe('https://www.example.org');
    expect(parseWebsite('http://example.org/a?b=1')).toBe('http://example.org/a?b=1');
    expect(parseWebsite('example.org/page')).toBe('https://example.org/page');
    expect(parseWebsite('association-été.fr')).toBe('https://xn--association-t-mhbb.fr');
    for (const no of ['', 'contact@asso.fr', '04 42 00 00 00', 'néant', 'localhost', 'http://1.2.3.4', 'a b.fr']) {
      expect(parseWebsite(no)).toBeNull();
    }
  });

  it('reads positions: A, D, S, R, and unknown letters as active but flagged', () => {
    expect(parsePosition('A')).toEqual({ status: 'active', known: true });
    expect(parsePosition('D')).toEqual({ status: 'dissolved', known: true });
    expect(parsePosition('s')).toEqual({ status: 'deleted', known: true });
    expect(parsePosition('R')).toEqual({ status: 'active', known: true });
    expect(parsePosition('')).toEqual({ status: 'active', known: true });
    expect(parsePosition('Z')).toEqual({ status: 'active', known: false });
  });
});

describe('objet social mapping', () => {
  it('lists prefixes of the nomenclature and existing themes only', () => {
    const mapping = readObjetSocialMapping();
    const themesFile = path.resolve(import.meta.dirname, '../../../../assets/reference/themes.json');
    const themeIds = new Set((JSON.parse(fs.readFileSync(themesFile, 'utf8')) as { id: string }[]).map((t) => t.id));
    expect(Object.keys(mapping.prefixes).length).toBeGreaterThan(10);
    for (const [prefix, entry] of Object.entries(mapping.prefixes)) {
      expect(prefix).toMatch(/^\d{3}(\d{3})?$/);
      expect(entry.label).not.toBe('');
      for (const theme of entry.themes) expect(themeIds).toContain(theme);
    }
  });

  it('gives a code the themes of its longest listed prefix', () => {
    const themesOf = objetSocialThemes();
    expect(themesOf('006030')).toEqual(['culture-art']);
    expect(themesOf('006105')).toEqual(['education-culture']);
    expect(themesOf('021020')).toEqual(['health-care', 'silver-economy']);
    expect(themesOf('021010')).toEqual(['health-care']);
    expect(themesOf('030050')).toEqual([]);
    expect(themesOf('011075')).toEqual([]);
    expect(themesOf('000000')).toEqual([]);
    expect(themesOf('6030')).toEqual([]);
  });
});
