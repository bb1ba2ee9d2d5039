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
