import type { ReactNode } from 'react';
import { Route } from 'react-router';
import { staff } from '../../../../src/auth/roles';
import { RequireRole } from '../../auth/RequireRole';
import { CallFormPage } from './CallFormPage';
import { CallListPage } from './CallListPage';
import { CallPage } from './CallPage';

/** This feature's pages, placed inside the app's <Routes>. */
export function fundingCallRoutes(): ReactNode {
  return (
    <>
      <Route path="/financements/appels" element={<CallListPage />} />
      <Route
        path="/financements/appels/nouveau"
        element={
          <RequireRole roles={staff}>
            <CallFormPage />
          </RequireRole>
        }
      />
      <Route path="/financements/appels/:id" element={<CallPage />} />
      <Route
        path="/financements/appels/:id/modifier"
        element={
          <RequireRole roles={staff}>
            <CallFormPage key="edit" />
          </RequireRole>
        }
      />
    </>
  );
}
