import type { ReactNode } from 'react';
import { Route } from 'react-router';
import { RequireRole } from '../auth/RequireRole';
import { AuditLogPage } from './AuditLogPage';

/** The audit log (admin). */
export function auditRoutes(): ReactNode {
  return (
    <Route
      path="/admin/journal"
      element={
        <RequireRole roles={['admin']}>
          <AuditLogPage />
        </RequireRole>
      }
    />
  );
}
