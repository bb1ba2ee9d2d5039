import type { ReactNode } from 'react';

/** The audit log (admin). */
export function auditRoutes(): ReactNode {
  return null;
}
