import { customType, numeric, timestamp } from 'drizzle-orm/pg-core';

/** PostgreSQL full-text vector; always computed by the database (generated column). */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** Raw bytes (attached documents), read and written as Node buffers. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** An amount in euros, to the cent. */
export const euros = (name: string) => numeric(name, { precision: 12, scale: 2, mode: 'number' });
