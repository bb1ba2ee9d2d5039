import type { ReactNode } from 'react';
import { Route } from 'react-router';
import { RequireRole } from '../auth/RequireRole';
import { NotificationsPage } from './NotificationsPage';

/** This feature's pages, placed inside the app's <Routes>. */
export function notificationCentreRoutes(): ReactNode {
  return (
    <Route
      path="/notifications"
      element={
        <RequireRole>
          <NotificationsPage />
        </RequireRole>
      }
    />
  );
}
