import type { ReactNode } from 'react';
import { Route } from 'react-router';
import { readers } from '../../../../src/auth/roles';
import { RequireRole } from '../../auth/RequireRole';
import { GrantsPage } from './GrantsPage';
import { ImportReportPage } from './ImportReportPage';

/** This feature's pages, placed inside the app's <Routes>: staff and the steering committee read; staff import. */
export function fundingGrantRoutes(): ReactNode {
  const readersOnly = (page: ReactNode) => <RequireRole roles={readers}>{page}</RequireRole>;
  return (
    <>
      <Route path="/financements/subventions" element={readersOnly(<GrantsPage />)} />
      <Route path="/financements/subventions/imports/:id" element={readersOnly(<ImportReportPage />)} />
    </>
  );
}
