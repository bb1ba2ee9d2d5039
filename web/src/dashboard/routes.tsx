import type { ReactNode } from 'react';

/** This feature's pages, placed inside the app's <Routes>. */
export function dashboardRoutes(): ReactNode {
  return null;
}
