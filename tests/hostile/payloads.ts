/**
 * Hostile values sent by the generated tests: injections, oddities and out-of-range values. None of them may give a
 * 5xx, leak an internal message or change data.
 */

/** Strings that try to break out of SQL, HTML, paths, templates or encodings. */
export const hostileStrings = [
  "' OR '1'='1",
  "'; DROP TABLE actors; --",
  '1; SELECT pg_sleep(5); --',
  '$$',
  '$1',
  '\\',
  "\\'; --",
  '%',
  '_%_',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '../../../../etc/passwd',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  'C:\\Windows\\win.ini',
  'a\u0000b',
  '\u0000',
  '%00',
  '\uFEFF\u200B\u202E\u2066',
  'Z\u0351\u0358\u0363a\u0308\u0301l\u0328g\u0310o',
  '🧨👩‍👩‍👧‍👦𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  '\uD800',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection attempt, on purpose.
  '${7*7}{{7*7}}#{7*7}',
  '%s%s%s%n',
  '__proto__',
  'constructor',
  'null',
  'NaN',
  '-1',
  '1e309',
  ' ',
  '',
  '\r\nSet-Cookie: x=1',
  '&(|(uid=*))',
  '*',
  '?',
  'x'.repeat(100_000),
];

/** Numbers (and look-alikes) out of every sensible range. JSON has no NaN: it travels as a string. */
export const hostileNumbers: unknown[] = [
  -1,
  0,
  -0.5,
  1.5,
  1e308,
  -1e308,
  2 ** 53 + 1,
  2 ** 31,
  'NaN',
  '12abc',
  '1e999',
  '',
];

/** Dates and instants that do not exist or sit at the edges of what PostgreSQL stores. */
export const hostileDates = [
  '2026-13-45',
  '2026-02-30',
  '0000-00-00',
  '9999-12-31T23:59:59Z',
  '-infinity',
  'infinity',
  'epoch',
  '294277-01-01',
  '2026-05-04T25:61:00+02:00',
  'yesterday',
];

/** Path ids that are not ids (the nil uuid is one, but of nothing). */
export const hostileIds = [
  'not-a-uuid',
  "1' OR '1'='1",
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  '00000000-0000-0000-0000-000000000000',
  '-1',
  '1e9999',
  'x'.repeat(99),
  '%F0%9F%A7%A8',
  '__proto__',
];

/** Whole bodies that are not the JSON object a route expects, or not JSON at all. */
export const malformedJson = ['{', '{"a":}', '{"a":1,}', "{'a':1}", 'null null', '\u0000', '[[[[', '{"a":"\\u00"}'];

/** JSON nested deeper than any form: arrays of arrays. */
export const deeplyNested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** Prototype pollution attempts, as raw JSON (a JS object literal would not keep `__proto__` as a key). */
export const prototypePollution = [
  '{"__proto__":{"role":"admin","isAdmin":true}}',
  '{"constructor":{"prototype":{"role":"admin"}}}',
];

/** Deterministic pick: the i-th value of a list, going round. */
export const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
