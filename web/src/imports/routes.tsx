import type { ReactNode } from 'react';
import { Route } from 'react-router';
import { staff } from '../../../src/auth/roles';
import { RequireRole } from '../auth/RequireRole';
import { ReviewsPage } from './ReviewsPage';
import { RunPage } from './RunPage';
import { RunsPage } from './RunsPage';

const staffOnly = (page: ReactNode) => <RequireRole roles={staff}>{page}</RequireRole>;

/** This feature's pages, placed inside the app's <Routes>. */
export function importRoutes(): ReactNode {
  return (
    <>
      <Route path="/admin/imports" element={staffOnly(<RunsPage />)} />
      <Route path="/admin/imports/rapprochements" element={staffOnly(<ReviewsPage />)} />
      <Route path="/admin/imports/:id" element={staffOnly(<RunPage />)} />
    </>
  );
}
