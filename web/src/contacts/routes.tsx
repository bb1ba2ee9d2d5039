import type { ReactNode } from 'react';
import { Route } from 'react-router';
import { RequireRole } from '../auth/RequireRole';
import { FollowUpsPage } from './FollowUpsPage';

/** This feature's pages, placed inside the app's <Routes>. */
export function contactRoutes(): ReactNode {
  return (
    <Route
      path="/suivis"
      element={
        <RequireRole>
          <FollowUpsPage />
        </RequireRole>
      }
    />
  );
}
