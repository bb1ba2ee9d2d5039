import type { ReactNode } from 'react';
import { Route } from 'react-router';
import { ClaimConfirmPage } from './ClaimConfirmPage';
import { ClaimPage } from './ClaimPage';

/** This feature's pages, placed inside the app's <Routes>. */
export function claimRoutes(): ReactNode {
  return (
    <>
      <Route path="/acteurs/:id/revendiquer" element={<ClaimPage />} />
      <Route path="/revendiquer/:token" element={<ClaimConfirmPage />} />
    </>
  );
}
