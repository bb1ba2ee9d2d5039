import { z } from 'zod';
import { defineRoute } from '../../http/contract.js';

export const health = defineRoute({
  method: 'GET',
  path: '/api/health',
  summary: 'Liveness and database kind',
  tags: ['system'],
  access: 'public',
  response: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']) }),
});

export const openApiDocument = defineRoute({
  method: 'GET',
  path: '/api/openapi.json',
  summary: 'This API’s OpenAPI 3.1 document, generated from the route contracts',
  tags: ['system'],
  access: 'public',
  response: z.record(z.string(), z.unknown()),
});
