import type { ReactNode } from 'react';
import { Route } from 'react-router';
import { staff } from '../../../../src/auth/roles';
import { RequireRole } from '../../auth/RequireRole';
import { ProgrammesPage, TablesPage } from './PrintPages';

/** Speed-dating pages (printable schedules and table sheets), placed inside the app's <Routes>. */
export function speedDatingRoutes(): ReactNode {
  return (
    <>
      <Route
        path="/evenements/:id/speed-dating/programmes"
        element={
          <RequireRole>
            <ProgrammesPage />
          </RequireRole>
        }
      />
      <Route
        path="/evenements/:id/speed-dating/tables"
        element={
          <RequireRole roles={staff}>
            <TablesPage />
          </RequireRole>
        }
      />
    </>
  );
}
