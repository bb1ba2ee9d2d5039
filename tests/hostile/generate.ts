import { randomUUID } from 'node:crypto';
import {
  deeplyNested,
  hostileDates,
  hostileIds,
  hostileNumbers,
  hostileStrings,
  malformedJson,
  pick,
  prototypePollution,
} from './payloads.js';

/** The part of JSON Schema the OpenAPI document of the app uses. */
export interface Schema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minLength?: number;
  minimum?: number;
}

interface Parameter {
  name: string;
  in: 'path' | 'query';
  required?: boolean;
  schema: Schema;
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As Fastify knows it: `/api/v1/actors/:id`. */
  route: string;
  path: Parameter[];
  query: Parameter[];
  body: Schema | null;
}

export interface HostileRequest {
  method: Operation['method'];
  url: string;
  payload?: string;
  contentType?: string;
  /** What was made hostile, to name a failing request. */
  label: string;
}

/** The operations of an OpenAPI document (`app.swagger()`). */
export function operationsOf(document: { paths: Record<string, Record<string, unknown>> }): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, raw]) => {
      const op = raw as { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema: Schema }> } };
      const parameters = op.parameters ?? [];
      return {
        method: method.toUpperCase() as Operation['method'],
        route: path.replace(/\{(\w+)\}/g, ':$1'),
        path: parameters.filter((p) => p.in === 'path'),
        query: parameters.filter((p) => p.in === 'query'),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      };
    }),
  );
}

/** The schema's own type, looking through `anyOf`/`oneOf` and past `null`. */
function typeOf(s: Schema): string | undefined {
  if (s.enum) return 'enum';
  const own = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (own) return own;
  for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) {
    const t = typeOf(alt);
    if (t && t !== 'null') return t;
  }
  return undefined;
}

const formatOf = (s: Schema): string | undefined =>
  s.format ?? [...(s.anyOf ?? []), ...(s.oneOf ?? [])].map(formatOf).find(Boolean);

/** A value the schema most likely accepts (refinements aside), so that a hostile neighbour is what gets judged. */
export function plainValue(s: Schema): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  switch (typeOf(s)) {
    case 'string': {
      const format = formatOf(s);
      if (format === 'uuid') return randomUUID();
      if (format === 'date-time') return '2026-05-04T18:00:00+02:00';
      if (format === 'date') return '2026-05-04';
      if (format === 'email') return 'hostile@example.org';
      if (format === 'uri') return 'https://example.org/';
      return 'x'.repeat(Math.max(s.minLength ?? 1, 1));
    }
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object':
      return Object.fromEntries((s.required ?? []).map((k) => [k, plainValue(s.properties?.[k] ?? {})]));
    default:
      return [...(s.anyOf ?? []), ...(s.oneOf ?? [])].map(plainValue)[0] ?? null;
  }
}

/** A hostile value of the schema's kind: an injection in a string, an absurd number, a date that does not exist. */
function hostileValue(s: Schema, i: number): unknown {
  const format = formatOf(s);
  if (format === 'uuid') return pick(hostileIds, i);
  if (format === 'date' || format === 'date-time') return pick(hostileDates, i);
  switch (typeOf(s)) {
    case 'integer':
    case 'number':
      return pick(hostileNumbers, i);
    case 'boolean':
      return pick(['true', 1, 'yes', null], i);
    case 'array':
      return pick([Array.from({ length: 20_000 }, () => 'x'), [pick(hostileStrings, i)], 'not-a-list'], i);
    case 'object':
      return pick([{ [pick(hostileStrings, i)]: pick(hostileStrings, i + 1) }, 'not-an-object'], i);
    default:
      return pick(hostileStrings, i);
  }
}

/** A value of a type the schema cannot accept, or undefined when the schema's type is unknown. */
function wrongTypeValue(s: Schema): unknown {
  switch (typeOf(s)) {
    case 'string':
    case 'enum':
    case 'integer':
    case 'number':
    case 'boolean':
      return [[1]];
    case 'array':
    case 'object':
      return 42;
    default:
      return undefined;
  }
}

const isUuid = (p: Parameter) => formatOf(p.schema) === 'uuid';
const plainParam = (p: Parameter) => String(plainValue(p.schema) ?? 'x');

function urlOf(op: Operation, pathValues: Record<string, string>, query: [string, unknown][]): string {
  const path = op.route.replace(/:(\w+)/g, (_m, name: string) =>
    encodeURIComponent(pathValues[name] ?? plainParam(op.path.find((p) => p.name === name) as Parameter)),
  );
  const search = new URLSearchParams();
  for (const [k, v] of query) {
    for (const one of Array.isArray(v) ? v : [v]) search.append(k, typeof one === 'string' ? one : JSON.stringify(one));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * A change that makes the request surely invalid (or aimed at a record that does not exist), so that a write is
 * refused before it writes: a non-uuid id, a required field of the wrong type, a required query parameter missing.
 * Null when the operation has none.
 */
interface Break {
  pathValues?: Record<string, string>;
  /** Merged into the body. */
  body?: Record<string, unknown>;
  dropQuery?: string;
  label: string;
}

function breaksOf(op: Operation, i: number, keep?: string): Break[] {
  const breaks: Break[] = [];
  for (const p of op.path.filter(isUuid)) {
    breaks.push({ pathValues: { [p.name]: randomUUID() }, label: `unknown ${p.name}` });
  }
  for (const k of op.body?.required ?? []) {
    const wrong = wrongTypeValue(op.body?.properties?.[k] ?? {});
    if (k !== keep && wrong !== undefined) breaks.push({ body: { [k]: wrong }, label: `${k} of the wrong type` });
  }
  for (const q of op.query.filter((q) => q.required && q.name !== keep)) {
    breaks.push({ dropQuery: q.name, label: `${q.name} missing` });
  }
  return breaks.length ? [pick(breaks, i)] : [];
}

const isWrite = (op: Operation) => op.method !== 'GET';

/**
 * Hostile requests for one operation. Reads get hostile values as they are; every write carries a break too, so
 * that its hostile values are judged by validation or by a lookup that finds nothing, and the data cannot change.
 */
export function hostileRequestsFor(op: Operation, seed: number): HostileRequest[] {
  const out: HostileRequest[] = [];
  const plainQuery = (): [string, unknown][] =>
    op.query.filter((q) => q.required).map((q) => [q.name, plainValue(q.schema)]);
  const plainBody = () => (op.body ? (plainValue(op.body) as Record<string, unknown>) : undefined);
  const json = (v: unknown) => (v === undefined ? undefined : JSON.stringify(v));

  /** A request with hostile parts; a write without any break available is not sent. */
  const add = (
    label: string,
    parts: { path?: Record<string, string>; query?: [string, unknown][]; body?: unknown },
    surelyInvalid = false,
    keep?: string,
  ) => {
    let { path = {}, query = plainQuery(), body = plainBody() } = parts;
    if (isWrite(op) && !surelyInvalid) {
      const [b] = breaksOf(op, seed + out.length, keep);
      if (!b) return;
      path = { ...b.pathValues, ...path };
      if (b.body && body && typeof body === 'object') body = { ...body, ...b.body };
      if (b.dropQuery) query = query.filter(([k]) => k !== b.dropQuery);
      label = `${label} + ${b.label}`;
    }
    const payload = json(body);
    out.push({
      method: op.method,
      url: urlOf(op, path, query),
      ...(payload === undefined ? {} : { payload, contentType: 'application/json' }),
      label,
    });
  };
  const raw = (label: string, payload: string, contentType = 'application/json') =>
    out.push({ method: op.method, url: urlOf(op, {}, plainQuery()), payload, contentType, label });

  // Ids that are not ids, in every path parameter (a different half of the list on each operation).
  for (const p of op.path) {
    for (let k = 0; k < (isUuid(p) ? 6 : 4); k++) {
      const id = pick(hostileIds, seed + k);
      add(`${p.name}=${id.slice(0, 20)}`, { path: { [p.name]: id } }, isUuid(p), p.name);
    }
  }
  // Hostile values in every query parameter, one at a time, then all at once, then keys that are not parameters.
  // A file (an export, a PDF) is built in full for each request: one hostile value per parameter there.
  const rounds = /\.\w+$/.test(op.route) ? [0] : [0, 7, 13];
  for (const [n, q] of op.query.entries()) {
    for (const k of rounds) {
      const v = hostileValue(q.schema, seed + n + k);
      add(
        `?${q.name} hostile`,
        { query: [...plainQuery().filter(([name]) => name !== q.name), [q.name, v]] },
        false,
        q.name,
      );
    }
  }
  add('every query parameter hostile', { query: op.query.map((q, n) => [q.name, hostileValue(q.schema, seed + n)]) });
  add('unknown and prototype query keys', {
    query: [
      ...plainQuery(),
      ['__proto__[role]', 'admin'],
      ['constructor[prototype][role]', 'admin'],
      ['a[b][c][d][e][f]', '1'],
      [pick(hostileStrings, seed), '1'],
    ],
  });
  if (!op.body) {
    // No body expected: one all the same, malformed (the JSON parser runs before the route's own checks).
    // A route that reads its body as a file takes any bytes: it gets the path's or query's break too, when it has one.
    if (op.method !== 'GET' && op.method !== 'DELETE') {
      const [b] = breaksOf(op, seed);
      const query = plainQuery().filter(([k]) => k !== b?.dropQuery);
      out.push({
        method: op.method,
        url: urlOf(op, b?.pathValues ?? {}, query),
        payload: pick(malformedJson, seed),
        contentType: 'application/json',
        label: `unexpected malformed body${b ? ` + ${b.label}` : ''}`,
      });
    }
    return out;
  }
  // Bodies that are not the expected object, or not JSON, or too big, or of another type.
  for (const v of ['[]', '"x"', '42', 'true', 'null']) raw(`body ${v}`, v);
  for (const v of malformedJson) raw('malformed JSON', v);
  for (const v of prototypePollution) raw('prototype pollution', v);
  raw('deep nesting', deeplyNested(10_000));
  raw('body over the limit', JSON.stringify({ text: 'x'.repeat(1_100_000) }));
  raw('form instead of JSON', 'a=1&b=2', 'application/x-www-form-urlencoded');
  raw(
    'XML instead of JSON',
    '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>',
    'application/xml',
  );
  raw('text instead of JSON', '{"a":1}', 'text/plain');
  if (op.body.required?.length) raw('empty object', '{}');
  // Each field hostile in turn, then of the wrong type; extra fields that try to set what the server sets.
  for (const [n, [name, s]] of Object.entries(op.body.properties ?? {}).entries()) {
    for (const k of [0, 11])
      add(`${name} hostile`, { body: { ...plainBody(), [name]: hostileValue(s, seed + n + k) } }, false, name);
    const wrong = wrongTypeValue(s);
    if (wrong !== undefined) add(`${name} of the wrong type`, { body: { ...plainBody(), [name]: wrong } }, false, name);
  }
  add('extra fields', {
    body: {
      ...plainBody(),
      id: randomUUID(),
      role: 'admin',
      isAdmin: true,
      createdAt: '1970-01-01T00:00:00Z',
      ownerId: randomUUID(),
    },
  });
  return out;
}
