import type { ReactNode } from 'react';
import { Route } from 'react-router';
import { staff } from '../../../../src/auth/roles';
import { RequireRole } from '../../auth/RequireRole';
import { ApplicationFormPage } from './ApplicationFormPage';
import { ApplicationListPage } from './ApplicationListPage';
import { ApplicationPage } from './ApplicationPage';

/**
 * This feature's pages, placed inside the app's <Routes>: staff and the steering committee read, staff write; a member
 * reads its organisation's projects' and partnerships' applications (the server filters them).
 */
export function fundingApplicationRoutes(): ReactNode {
  const only = (roles: typeof staff | undefined, page: ReactNode) => <RequireRole roles={roles}>{page}</RequireRole>;
  return (
    <>
      <Route path="/financements/dossiers" element={only(undefined, <ApplicationListPage />)} />
      <Route path="/financements/dossiers/nouveau" element={only(staff, <ApplicationFormPage />)} />
      <Route path="/financements/dossiers/:id" element={only(undefined, <ApplicationPage />)} />
      <Route path="/financements/dossiers/:id/modifier" element={only(staff, <ApplicationFormPage key="edit" />)} />
    </>
  );
}
