import type { ReactNode } from 'react';
import { Route } from 'react-router';
import { staff } from '../../../src/auth/roles';
import { RequireRole } from '../auth/RequireRole';
import { CalendarPage } from './CalendarPage';
import { DecisionsPage } from './DecisionsPage';
import { EditPage } from './EditPage';
import { ListPage } from './ListPage';
import { PlanPage } from './PlanPage';
import { ProgrammePage } from './ProgrammePage';
import { ReplicatePage } from './ReplicatePage';

/** This feature's pages, placed inside the app's <Routes>. */
export function programmeRoutes(): ReactNode {
  return (
    <>
      <Route path="/programmes" element={<ListPage />} />
      <Route path="/programmes/:id" element={<ProgrammePage />} />
      <Route path="/programmes/:id/plan" element={<PlanPage />} />
      <Route path="/programmes/:id/calendrier" element={<CalendarPage />} />
      <Route path="/programmes/:id/decisions" element={<DecisionsPage />} />
      <Route
        path="/programmes/:id/modifier"
        element={
          <RequireRole roles={staff}>
            <EditPage />
          </RequireRole>
        }
      />
      <Route
        path="/programmes/:id/essaimer"
        element={
          <RequireRole roles={staff}>
            <ReplicatePage />
          </RequireRole>
        }
      />
    </>
  );
}
