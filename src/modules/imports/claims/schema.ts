// Claims of imported actors by an e-mail at their website's domain (issue 6, item 6). An animator's invitation claims
// too, but needs no table of its own: the invitation is the proof.
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { outbox, users } from '../../accounts/schema.js';
import { actors } from '../../actors/schema.js';

/**
 * One request to claim an actor. Every accepted request is a row, also those for an address that already has an
 * account (no link is sent then, so `token_hash` is null): the rate limits count them all. The link's token is kept
 * hashed; the requester's address only as a keyed hash, enough to count requests per client, and cleared once the
 * hour those counts look at is over. Unused requests are deleted, with their e-mail, once expired (service.ts).
 */
export const actorClaims = pgTable(
  'actor_claims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    tokenHash: text('token_hash'),
    ipHash: text('ip_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    /** The account the link created. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The e-mail sent (it holds the link), deleted with the request once expired. */
    mailId: uuid('mail_id').references(() => outbox.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('actor_claims_token_idx').on(t.tokenHash),
    index('actor_claims_actor_idx').on(t.actorId, t.createdAt),
    index('actor_claims_ip_idx').on(t.ipHash, t.createdAt),
    index('actor_claims_expiry_idx').on(t.expiresAt),
  ],
);
