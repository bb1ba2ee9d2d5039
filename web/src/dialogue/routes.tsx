import type { ReactNode } from 'react';
import { Route } from 'react-router';
import { RequireRole } from '../auth/RequireRole';
import { ChallengeFormPage } from './ChallengeFormPage';
import { ChallengeListPage, posterRoles } from './ChallengeListPage';
import { ChallengePage } from './ChallengePage';
import { ProposalPage } from './ProposalPage';

/** The territorial dialogue: public challenges and proposals; the form for those who may post (the server decides). */
export function dialogueRoutes(): ReactNode {
  return (
    <>
      <Route path="/dialogue" element={<ChallengeListPage />} />
      <Route
        path="/dialogue/defis/nouveau"
        element={
          <RequireRole roles={posterRoles}>
            <ChallengeFormPage />
          </RequireRole>
        }
      />
      <Route path="/dialogue/defis/:id" element={<ChallengePage />} />
      <Route
        path="/dialogue/defis/:id/modifier"
        element={
          <RequireRole roles={posterRoles}>
            <ChallengeFormPage />
          </RequireRole>
        }
      />
      <Route path="/dialogue/propositions/:id" element={<ProposalPage />} />
    </>
  );
}
