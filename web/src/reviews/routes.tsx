import type { ReactNode } from 'react';
import { Route } from 'react-router';
import { readers } from '../../../src/auth/roles';
import { RequireRole } from '../auth/RequireRole';
import { PublicReviewPage } from './PublicReviewPage';
import { ReviewPage } from './ReviewPage';

/** This feature's pages, placed inside the app's <Routes>. */
export function reviewRoutes(): ReactNode {
  return (
    <>
      <Route
        path="/programmes/:id/bilans/:year"
        element={
          <RequireRole roles={readers}>
            <ReviewPage />
          </RequireRole>
        }
      />
      <Route path="/bilans/:slug/:year" element={<PublicReviewPage />} />
    </>
  );
}
