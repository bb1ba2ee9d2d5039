import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';

/** Security headers on every answer (CSP, frame-ancestors, HSTS on HTTPS…). */
export function registerSecurityHeaders(_app: FastifyInstance, _config: Config) {
  // Filled in by the security work package.
}
