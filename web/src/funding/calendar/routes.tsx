import type { ReactNode } from 'react';
import { Route } from 'react-router';
import { readers } from '../../../../src/auth/roles';
import { RequireRole } from '../../auth/RequireRole';
import { DeadlinesPage } from './DeadlinesPage';

/** This feature's pages, placed inside the app's <Routes>. */
export function fundingCalendarRoutes(): ReactNode {
  return (
    <Route
      path="/financements/echeances"
      element={
        <RequireRole roles={readers}>
          <DeadlinesPage />
        </RequireRole>
      }
    />
  );
}
