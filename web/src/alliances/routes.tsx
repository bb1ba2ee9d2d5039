import type { ReactNode } from 'react';
import { Route } from 'react-router';
import { RequireRole } from '../auth/RequireRole';
import { AllianceFormPage } from './AllianceFormPage';
import { AllianceListPage } from './AllianceListPage';
import { AlliancePage } from './AlliancePage';
import { EcosystemPage } from './EcosystemPage';

/** This feature's pages, placed inside the app's <Routes>. */
export function allianceRoutes(): ReactNode {
  return (
    <>
      <Route path="/alliances" element={<AllianceListPage />} />
      <Route
        path="/alliances/nouvelle"
        element={
          <RequireRole roles={['admin', 'animator']}>
            <AllianceFormPage />
          </RequireRole>
        }
      />
      <Route path="/alliances/:id" element={<AlliancePage />} />
      <Route
        path="/alliances/:id/modifier"
        element={
          <RequireRole roles={['admin', 'animator']}>
            <AllianceFormPage />
          </RequireRole>
        }
      />
      <Route path="/ecosysteme" element={<EcosystemPage />} />
    </>
  );
}
