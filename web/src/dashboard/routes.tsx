import { lazy, type ReactNode, Suspense } from 'react';
import { Route } from 'react-router';
import { readers } from '../../../src/auth/roles';
import { RequireRole } from '../auth/RequireRole';
import { Loading } from '../ui/feedback';

// Lazy: the chart library and the map load with these pages only, not with the app.
const DashboardPage = lazy(() => import('./DashboardPage').then((m) => ({ default: m.DashboardPage })));

/** This feature's pages, placed inside the app's <Routes>. */
export function dashboardRoutes(): ReactNode {
  return (
    <>
      <Route
        path="/tableau-de-bord"
        element={
          <RequireRole roles={readers}>
            <Suspense fallback={<Loading />}>
              <DashboardPage audience="readers" />
            </Suspense>
          </RequireRole>
        }
      />
      <Route
        path="/tableau-de-bord/public"
        element={
          <Suspense fallback={<Loading />}>
            <DashboardPage audience="public" />
          </Suspense>
        }
      />
    </>
  );
}
