import type { ReactNode } from 'react';
import { Route } from 'react-router';
import { RequireRole } from '../auth/RequireRole';
import { NeedOfferDetailPage } from './DetailPage';
import { NeedOfferFormPage } from './FormPage';
import { NeedOfferListPage } from './ListPage';

const writers = ['admin', 'animator', 'member'] as const;

/** This feature's pages, placed inside the app's <Routes>. */
export function needOfferRoutes(): ReactNode {
  return (
    <>
      <Route path="/besoins-offres" element={<NeedOfferListPage />} />
      <Route
        path="/besoins-offres/nouveau"
        element={
          <RequireRole roles={writers}>
            <NeedOfferFormPage />
          </RequireRole>
        }
      />
      <Route path="/besoins-offres/:id" element={<NeedOfferDetailPage />} />
      <Route
        path="/besoins-offres/:id/modifier"
        element={
          <RequireRole roles={writers}>
            <NeedOfferFormPage />
          </RequireRole>
        }
      />
    </>
  );
}
