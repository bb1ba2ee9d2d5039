import type { ReactNode } from 'react';
import { Route } from 'react-router';
import { readers } from '../../../src/auth/roles';
import { RequireRole } from '../auth/RequireRole';
import { ComparisonPage } from './ComparisonPage';
import { EvaluationPage } from './EvaluationPage';

/** This feature's pages, placed inside the app's <Routes>. */
export function evaluationRoutes(): ReactNode {
  return (
    <>
      <Route
        path="/partenariats/:id/evaluation"
        element={
          <RequireRole>
            <EvaluationPage />
          </RequireRole>
        }
      />
      <Route
        path="/evaluations"
        element={
          <RequireRole roles={readers}>
            <ComparisonPage />
          </RequireRole>
        }
      />
    </>
  );
}
