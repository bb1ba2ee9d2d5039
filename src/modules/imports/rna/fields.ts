// The RNA's field formats, one pure function each: W numbers, dates and times, commune codes, addresses, websites,
// positions. They return null for « no value », and `bad` for a malformed value that the reader rejects naming the
// column (a malformed website or postal code is merely dropped).
import type { RegisterStatus } from '../types.js';

/** W, the prefecture's department digit and character (2A, 9R…), then seven digits: W751085568, W2A1001234. */
const rnaPattern = /^W\d[0-9A-Z]\d{7}$/;

export const isRnaNumber = (value: string): boolean => rnaPattern.test(value);

/** Trimmed, inner runs of white space (spaces, tabs, newlines) made one space; '' stays ''. */
export function clean(value: string | undefined): string {
  if (!value) return '';
  const trimmed = value.trim();
  // Most values need nothing more: test before replacing (a million rows × twenty fields).
  return /\s\s|[\t\n\r\f\v\u00a0]/.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
}

export const bad = Symbol('bad');
export type Parsed<T> = T | null | typeof bad;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

const validDay = (y: number, m: number, d: number) => y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);

/**
 * YYYY-MM-DD (a time after it, as some exports write, is ignored); empty and the register's « no date » 0001-01-01
 * are null; anything else malformed is `bad`.
 */
export function parseDate(raw: string | undefined): Parsed<string> {
  const value = clean(raw);
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$/.exec(value);
  if (value === '' || m?.[1] === '0001') return null;
  if (!m || !validDay(Number(m[1]), Number(m[2]), Number(m[3]))) return bad;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** The last Sunday of a month (1-12) of a year, as a day of the month. */
const lastSunday = (year: number, month: number) => {
  const last = daysIn(year, month);
  return last - new Date(Date.UTC(year, month - 1, last)).getUTCDay();
};

/**
 * The offset of Paris time (the register's clock) at a local date and hour: summer time from the last Sunday of
 * March 2:00 to the last Sunday of October 3:00 (the EU rule since 1996, before any RNA update).
 */
const at = (month: number, day: number, hour: number) => month * 10_000 + day * 100 + hour;
const summerTimes = new Map<number, [start: number, end: number]>();

export function parisOffset(year: number, month: number, day: number, hour: number): '+01:00' | '+02:00' {
  let summer = summerTimes.get(year);
  if (!summer) {
    summer = [at(3, lastSunday(year, 3), 2), at(10, lastSunday(year, 10), 3)];
    summerTimes.set(year, summer);
  }
  const now = at(month, day, hour);
  return now >= summer[0] && now < summer[1] ? '+02:00' : '+01:00';
}

/** `YYYY-MM-DD HH:MM:SS` in Paris time → ISO 8601 with its offset; empty and year 0001 are null. */
export function parseUpdateTime(raw: string | undefined): Parsed<string> {
  const value = clean(raw);
  if (value === '' || value.startsWith('0001-01-01')) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return bad;
  const [date, hh, mm, ss] = [`${m[1]}-${m[2]}-${m[3]}`, m[4] as string, m[5] as string, m[6] ?? '00'];
  const [y, mo, d, h] = [m[1], m[2], m[3], hh].map(Number) as [number, number, number, number];
  if (!validDay(y, mo, d) || h > 23 || Number(mm) > 59 || Number(ss) > 59) return bad;
  return `${date}T${hh}:${mm}:${ss}${parisOffset(y, mo, d, h)}`;
}

/**
 * The municipal arrondissements of Paris, Marseille and Lyon (75101…, 13201…, 69381…) belong to their commune:
 * the platform's communes are the current communes only.
 */
const arrondissementCommune = (code: string): string => {
  if (/^751(0[1-9]|1\d|20)$/.test(code)) return '75056';
  if (/^132(0[1-9]|1[0-6])$/.test(code)) return '13055';
  if (/^6938[1-9]$/.test(code)) return '69123';
  return code;
};

/**
 * An INSEE commune code: five digits or 2A/2B and three digits; four digits get back the leading zero that a
 * spreadsheet removed (6029 → 06029). Empty is null; anything else is `bad`.
 */
export function parseCommuneCode(raw: string | undefined): Parsed<string> {
  const value = clean(raw).toUpperCase();
  if (value === '') return null;
  const code = /^\d{4}$/.test(value) ? `0${value}` : value;
  if (!/^(\d{5}|2[AB]\d{3})$/.test(code)) return bad;
  return arrondissementCommune(code);
}

/** A five-digit postal code, with a spreadsheet's lost leading zero put back; otherwise null (never a reason to reject). */
export function parsePostalCode(raw: string | undefined): string | null {
  const value = clean(raw);
  if (/^\d{5}$/.test(value)) return value;
  if (/^\d{4}$/.test(value)) return `0${value}`;
  return null;
}

/** Fourteen digits, or null. */
export function parseSiret(raw: string | undefined): string | null {
  const value = clean(raw).replace(/ /g, '');
  return /^\d{14}$/.test(value) ? value : null;
}

const repetitions: Record<string, string> = { B: 'bis', T: 'ter', Q: 'quater', C: 'quinquies' };

/** The waldec layout's street number, repetition (B → bis), type and name: `35 bis RUE Pascal`. */
export function waldecStreet(parts: {
  numvoie?: string;
  repetition?: string;
  typevoie?: string;
  libvoie?: string;
}): string {
  const repetition = clean(parts.repetition);
  return [
    clean(parts.numvoie),
    repetitions[repetition.toUpperCase()] ?? repetition,
    clean(parts.typevoie),
    clean(parts.libvoie),
  ]
    .filter((p) => p !== '')
    .join(' ');
}

/** The register writes `_` for an empty distribution line. */
const meaningful = (part: string) => part !== '' && part !== '_' && part !== '-';

/** Address lines joined by commas, without the blank and placeholder ones; null when nothing is left. */
export function joinAddress(lines: (string | undefined)[]): string | null {
  const kept = lines.map(clean).filter(meaningful);
  return kept.length > 0 ? kept.join(', ') : null;
}

const hostPattern = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{2,59})$/;

/**
 * A website when the value looks like a domain (`www.example.org`, `example.org/page`, `http://…`): a missing scheme
 * becomes https://, an explicit http:// is kept (the site may not answer https). E-mail addresses, phone numbers
 * and free text give null.
 */
export function parseWebsite(raw: string | undefined): string | null {
  const value = clean(raw);
  if (value === '' || value.includes('@') || value.includes(' ')) return null;
  const scheme = /^(https?):\/\//i.exec(value);
  const rest = scheme ? value.slice(scheme[0].length) : value.replace(/^\/\//, '');
  let url: URL;
  try {
    url = new URL(`${scheme ? (scheme[1] as string).toLowerCase() : 'https'}://${rest}`);
  } catch {
    return null;
  }
  if (url.username || url.password || url.port || !hostPattern.test(url.hostname)) return null;
  const path = url.pathname === '/' ? '' : url.pathname;
  return `${url.protocol}//${url.hostname}${path}${url.search}${url.hash}`;
}

/**
 * The register's position: A active, D dissolved, S deleted; R (rna_import: « reprise », the record carried over
 * into the RNA under its W number) is an existing association, so active. Unknown letters are active and flagged.
 */
export function parsePosition(raw: string | undefined): { status: RegisterStatus; known: boolean } {
  const value = clean(raw).toUpperCase();
  switch (value) {
    case 'D':
      return { status: 'dissolved', known: true };
    case 'S':
      return { status: 'deleted', known: true };
    case 'A':
    case 'R':
    case '':
      return { status: 'active', known: true };
    default:
      return { status: 'active', known: false };
  }
}
