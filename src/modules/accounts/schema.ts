import { sql } from 'drizzle-orm';
import { bigserial, index, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { userRoles } from '../../auth/roles.js';
import { createdAt } from '../../db/columns.js';
import { actors } from '../actors/schema.js';

export const userRoleEnum = pgEnum('user_role', userRoles);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash'),
    role: userRoleEnum('role').notNull(),
    /** The organisation a member belongs to (role member only). */
    actorId: uuid('actor_id').references(() => actors.id, { onDelete: 'set null' }),
    locale: text('locale').notNull().default('fr'),
    /** A citizen's commune (optional), for the dialogue's participation figures by commune. */
    communeCode: text('commune_code'),
    /** When a self-signed-up citizen accepted the dialogue's code of conduct (charte de participation). */
    codeOfConductAcceptedAt: timestamp('code_of_conduct_accepted_at', { withTimezone: true }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    /** Set when the person's data was erased (RGPD): the row stays, anonymised, so history keeps its references. */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_idx').on(sql`lower(${t.email})`)],
);

/** A session cookie holds a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const invitations = pgTable('invitations', {
  id: uuid('id').primaryKey().defaultRandom(),
  tokenHash: text('token_hash').notNull().unique(),
  email: text('email').notNull(),
  role: userRoleEnum('role').notNull(),
  actorId: uuid('actor_id').references(() => actors.id, { onDelete: 'cascade' }),
  invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  /**
   * A citizen's self sign-up: the name and language given (to pre-fill the acceptance), the commune and when the code
   * of conduct was accepted (both kept on the account).
   */
  displayName: text('display_name'),
  locale: text('locale'),
  communeCode: text('commune_code'),
  codeOfConductAcceptedAt: timestamp('code_of_conduct_accepted_at', { withTimezone: true }),
});

/**
 * Citizen self sign-up requests, counted per e-mail and per client address for rate limiting (keyed hashes, no
 * address in clear); rows older than the window are deleted at each request.
 */
export const signupRequests = pgTable(
  'signup_requests',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    emailKey: text('email_key').notNull(),
    ipHash: text('ip_hash').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('signup_requests_email_idx').on(t.emailKey, t.at), index('signup_requests_ip_idx').on(t.ipHash, t.at)],
);

export const passwordResets = pgTable('password_resets', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/** Personal API tokens for scripts; they carry their owner's role. Only the SHA-256 is stored. */
export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: createdAt(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

/** Failed logins, counted per e-mail and per client address for rate limiting. */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    emailKey: text('email_key').notNull(),
    ip: text('ip').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_failures_email_idx').on(t.emailKey, t.at), index('login_failures_ip_idx').on(t.ip, t.at)],
);

/** Outgoing e-mails: written here (and to the log in development), sent by SMTP when configured. */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    error: text('error'),
    /** Delivery attempts so far; each failure pushes `next_attempt_at` back (exponential back-off). */
    attempts: smallint('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when the attempts ran out: the mail is in the dead-letter list the admin sees, until retried. */
    deadAt: timestamp('dead_at', { withTimezone: true }),
  },
  (t) => [index('outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.sentAt} is null and ${t.deadAt} is null`)],
);
