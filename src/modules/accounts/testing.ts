// Helpers for the accounts tests (not imported by the application).
import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { csrfHeader, sessionCookie } from '../../auth/session.js';
import type { Db } from '../../db/client.js';
import { actors } from '../actors/schema.js';
import { outbox } from './schema.js';

export async function insertActor(db: Db, name = 'Les Amis du Cours'): Promise<string> {
  const [row] = await db.insert(actors).values({ family: 'association', name }).returning({ id: actors.id });
  if (!row) throw new Error('actor not inserted');
  return row.id;
}

export function login(app: FastifyInstance, email: string, password: string, ip = '198.51.100.7') {
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    remoteAddress: ip,
  });
}

/** The session cookie a response set and the CSRF token it returned, as headers for the next requests. */
export function sessionHeaders(res: LightMyRequestResponse): Record<string, string> {
  const cookie = res.cookies.find((c) => c.name === sessionCookie);
  if (!cookie) throw new Error(`no session cookie in the response (${res.statusCode} ${res.body})`);
  return { cookie: `${sessionCookie}=${cookie.value}`, [csrfHeader]: res.json().csrfToken };
}

/** The newest mail sent to an address. */
export async function lastMailTo(db: Db, recipient: string) {
  const [row] = await db
    .select()
    .from(outbox)
    .where(eq(outbox.recipient, recipient))
    .orderBy(desc(outbox.createdAt))
    .limit(1);
  return row;
}

/** The token at the end of a link `/<path>/<token>` in the newest mail sent to an address. */
export async function tokenFromMail(db: Db, recipient: string, path: 'invitation' | 'reinitialiser') {
  const mail = await lastMailTo(db, recipient);
  const token = mail?.body.match(new RegExp(`/${path}/([A-Za-z0-9_-]+)`))?.[1];
  if (!token) throw new Error(`no /${path}/ link mailed to ${recipient}`);
  return token;
}
