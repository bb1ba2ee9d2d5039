import type { ReactNode } from 'react';

/** The e-mails that could not be delivered (admin). */
export function mailRoutes(): ReactNode {
  return null;
}
