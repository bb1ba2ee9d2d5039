import type { ReactNode } from 'react';

/** Personal data: erasure requests and the retention review (staff). */
export function privacyRoutes(): ReactNode {
  return null;
}
