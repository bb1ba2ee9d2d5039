import type { ReactNode } from 'react';
import { Route } from 'react-router';
import { RequireRole } from '../auth/RequireRole';
import { DeadLettersPage } from './DeadLettersPage';

/** The e-mails that could not be delivered (admin). */
export function mailRoutes(): ReactNode {
  return (
    <Route
      path="/admin/courriels"
      element={
        <RequireRole roles={['admin']}>
          <DeadLettersPage />
        </RequireRole>
      }
    />
  );
}
