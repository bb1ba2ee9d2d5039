// Shared by server and web: a route is declared once (method, path, who may call it, zod schemas) and both the
// Fastify handler and the web client infer their types from it.
import { z } from 'zod';
import type { Access } from '../auth/roles.js';
import './messages.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** The methods that change something: CSRF-checked, audited, sent with the CSRF header by the web app. */
export const unsafeMethods: ReadonlySet<string> = new Set<Method>(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RouteContract<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: Method;
  path: string;
  summary: string;
  tags: string[];
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /**
   * The route answers with personal data (names, e-mails, phones of people): its reads by staff are written to the
   * audit log (modules/audit).
   */
  personalData?: true;
  /** Success status: 200 by default, 201 for creations, 202 for requests acted on later, 204 without a body. */
  status?: 200 | 201 | 202 | 204;
}

export function defineRoute<
  P extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
  R extends z.ZodType = z.ZodType,
>(contract: RouteContract<P, Q, B, R>): RouteContract<P, Q, B, R> {
  return contract;
}

export type ParamsOf<C> = C extends RouteContract<infer P, z.ZodType, z.ZodType, z.ZodType> ? z.infer<P> : never;
export type QueryOf<C> = C extends RouteContract<z.ZodType, infer Q, z.ZodType, z.ZodType> ? z.input<Q> : never;
export type BodyOf<C> = C extends RouteContract<z.ZodType, z.ZodType, infer B, z.ZodType> ? z.input<B> : never;
export type ResponseOf<C> = C extends RouteContract<z.ZodType, z.ZodType, z.ZodType, infer R> ? z.infer<R> : never;

export const idParams = z.object({ id: z.uuid() });
/** An instant with its offset (`2026-05-04T18:00:00+02:00`), as the API writes and reads them. */
export const dateTime = z.iso.datetime({ offset: true });
/** An optional reference: absent, null or an id, always read as the id or null. */
export const optionalUuid = z
  .uuid()
  .nullish()
  .transform((v) => v ?? null);
export const noContent = z.null();
/** A file answered as bytes (an export, a PDF): Uint8Array, not Buffer, as contracts also run in the browser. */
export const binaryFile = z.custom<Uint8Array>((v) => v instanceof Uint8Array);
export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
});

/** Query-string helpers: repeated keys (`?theme=a&theme=b`) or a single value both give an array. */
export const manyStrings = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/**
 * The fields of a request's input (params, query, JSON body) whose text holds a NUL character, which PostgreSQL
 * cannot store in text or JSON: one rule for every route, checked before validation (a form never sends one).
 * Files (bytes, streams) are not looked into; the parsed query and params are objects without prototype.
 */
const isFile = (value: object) =>
  value instanceof Uint8Array || typeof (value as { pipe?: unknown }).pipe === 'function';

export function nulCharacterFields(input: Record<string, unknown>): string[] {
  const found: string[] = [];
  const pending: [string, unknown][] = Object.entries(input);
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [field, value] = next;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) found.push(field);
    } else if (value && typeof value === 'object' && !isFile(value)) {
      for (const [key, inner] of Object.entries(value)) {
        if (key.includes('\u0000')) found.push(field);
        else pending.push([field ? `${field}.${key}` : key, inner]);
      }
    }
  }
  return found;
}
