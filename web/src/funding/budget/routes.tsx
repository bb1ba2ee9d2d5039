import type { ReactNode } from 'react';
import { Route } from 'react-router';
import { readers } from '../../../../src/auth/roles';
import { RequireRole } from '../../auth/RequireRole';
import { BudgetPage } from './BudgetPage';

/** This feature's pages, placed inside the app's <Routes>. */
export function fundingBudgetRoutes(): ReactNode {
  return (
    <Route
      path="/financements/budget"
      element={
        <RequireRole roles={readers}>
          <BudgetPage />
        </RequireRole>
      }
    />
  );
}
