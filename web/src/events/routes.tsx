import type { ReactNode } from 'react';
import { Route } from 'react-router';
import { staff } from '../../../src/auth/roles';
import { RequireRole } from '../auth/RequireRole';
import { EventFormPage } from './EventFormPage';
import { EventPage } from './EventPage';
import { ListPage } from './ListPage';
import { speedDatingRoutes } from './speed-dating/routes';

/** This feature's pages, placed inside the app's <Routes>. */
export function eventRoutes(): ReactNode {
  return (
    <>
      <Route path="/evenements" element={<ListPage />} />
      <Route
        path="/evenements/nouveau"
        element={
          <RequireRole roles={staff}>
            <EventFormPage />
          </RequireRole>
        }
      />
      <Route path="/evenements/:id" element={<EventPage />} />
      <Route
        path="/evenements/:id/modifier"
        element={
          <RequireRole roles={staff}>
            <EventFormPage />
          </RequireRole>
        }
      />
      {speedDatingRoutes()}
    </>
  );
}
