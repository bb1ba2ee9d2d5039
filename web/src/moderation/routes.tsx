import type { ReactNode } from 'react';
import { Route } from 'react-router';
import { staff } from '../../../src/auth/roles';
import { RequireRole } from '../auth/RequireRole';
import { CodeOfConductPage } from './CodeOfConductPage';
import { HistoryPage } from './HistoryPage';
import { QueuePage } from './QueuePage';
import { SignupPage } from './SignupPage';

/** The moderation queue and history (staff), the code of conduct and the citizens' sign-up (public). */
export function moderationRoutes(): ReactNode {
  return (
    <>
      <Route
        path="/moderation"
        element={
          <RequireRole roles={staff}>
            <QueuePage />
          </RequireRole>
        }
      />
      <Route
        path="/moderation/historique"
        element={
          <RequireRole roles={staff}>
            <HistoryPage />
          </RequireRole>
        }
      />
      <Route path="/charte" element={<CodeOfConductPage />} />
      <Route path="/inscription" element={<SignupPage />} />
    </>
  );
}
