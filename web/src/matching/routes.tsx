import type { ReactNode } from 'react';
import { Route } from 'react-router';
import { RequireRole } from '../auth/RequireRole';
import { RequestsPage } from './RequestsPage';
import { SuggestionsPage } from './SuggestionsPage';

/** This feature's pages, placed inside the app's <Routes>: the server then says whose suggestions one may read. */
export function matchmakingRoutes(): ReactNode {
  return (
    <>
      <Route
        path="/suggestions"
        element={
          <RequireRole>
            <SuggestionsPage />
          </RequireRole>
        }
      />
      <Route
        path="/mises-en-relation"
        element={
          <RequireRole>
            <RequestsPage />
          </RequireRole>
        }
      />
    </>
  );
}
