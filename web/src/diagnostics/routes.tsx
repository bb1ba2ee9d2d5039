import type { ReactNode } from 'react';
import { Route } from 'react-router';
import { readers } from '../../../src/auth/roles';
import { RequireRole } from '../auth/RequireRole';
import { DiagnosticListPage } from './DiagnosticListPage';
import { DiagnosticPage } from './DiagnosticPage';

/** This feature's pages: an organisation's diagnostic for signed-in users (the server says whose), the list for readers. */
export function diagnosticRoutes(): ReactNode {
  return (
    <>
      <Route
        path="/acteurs/:id/diagnostic"
        element={
          <RequireRole>
            <DiagnosticPage />
          </RequireRole>
        }
      />
      <Route
        path="/diagnostics"
        element={
          <RequireRole roles={readers}>
            <DiagnosticListPage />
          </RequireRole>
        }
      />
    </>
  );
}
