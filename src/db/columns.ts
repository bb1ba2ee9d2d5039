import { customType, timestamp } from 'drizzle-orm/pg-core';

/** PostgreSQL full-text vector; always computed by the database (generated column). */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
