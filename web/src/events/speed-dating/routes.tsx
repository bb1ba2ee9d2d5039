import type { ReactNode } from 'react';

/** Speed-dating pages (printable schedules and table sheets), placed inside the app's <Routes>. */
export function speedDatingRoutes(): ReactNode {
  return null;
}
