import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.js';

/** Writes an audit entry for every write through the API and every read of personal data by staff. */
export function registerAuditHook(_app: FastifyInstance, _db: Db) {
  // Filled in by the audit work package.
}
