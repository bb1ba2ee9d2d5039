import type { ReactNode } from 'react';
import { Route } from 'react-router';
import { staff } from '../../../src/auth/roles';
import { RequireRole } from '../auth/RequireRole';
import { AdminPrivacyPage } from './AdminPrivacyPage';

/** Personal data: erasure requests and the retention review (staff). */
export function privacyRoutes(): ReactNode {
  return (
    <Route
      path="/admin/donnees-personnelles"
      element={
        <RequireRole roles={staff}>
          <AdminPrivacyPage />
        </RequireRole>
      }
    />
  );
}
