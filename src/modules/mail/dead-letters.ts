import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { outbox } from '../accounts/schema.js';
import type { DeadLettersPage } from './contract.js';
import { maskEmail } from './service.js';

const isDead = and(isNotNull(outbox.deadAt), isNull(outbox.sentAt));

export async function listDeadLetters(db: Db, query: { page: number; pageSize: number }): Promise<DeadLettersPage> {
  const rows = await db
    .select({
      id: outbox.id,
      recipient: outbox.recipient,
      subject: outbox.subject,
      attempts: outbox.attempts,
      error: outbox.error,
      createdAt: outbox.createdAt,
      deadAt: outbox.deadAt,
    })
    .from(outbox)
    .where(isDead)
    .orderBy(desc(outbox.deadAt), desc(outbox.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(isDead);
  return {
    items: rows.map((row) => ({
      id: row.id,
      recipient: maskEmail(row.recipient),
      subject: row.subject,
      attempts: row.attempts,
      lastError: row.error,
      createdAt: row.createdAt.toISOString(),
      deadAt: (row.deadAt ?? row.createdAt).toISOString(),
    })),
    total: count?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Puts a dead letter back in the outbox, due now, its attempts counted afresh; anything else is « not found ». */
export async function retryDeadLetter(db: Db, id: string): Promise<void> {
  const done = await db
    .update(outbox)
    .set({ deadAt: null, attempts: 0, nextAttemptAt: new Date() })
    .where(and(eq(outbox.id, id), isDead))
    .returning({ id: outbox.id });
  if (!done.length) throw notFound('Courriel non distribué');
}
