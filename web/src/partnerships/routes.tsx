import type { ReactNode } from 'react';
import { Route } from 'react-router';
import { RequireRole } from '../auth/RequireRole';
import { BoardPage } from './BoardPage';
import { EditPartnershipPage } from './EditPartnershipPage';
import { ListPage } from './ListPage';
import { NewPartnershipPage } from './NewPartnershipPage';
import { PartnershipPage } from './PartnershipPage';
import { ShowcasePage } from './ShowcasePage';

/** This feature's pages, placed inside the app's <Routes>. */
export function partnershipRoutes(): ReactNode {
  return (
    <>
      <Route
        path="/partenariats"
        element={
          <RequireRole>
            <ListPage />
          </RequireRole>
        }
      />
      <Route
        path="/partenariats/tableau"
        element={
          <RequireRole>
            <BoardPage />
          </RequireRole>
        }
      />
      <Route
        path="/partenariats/nouveau"
        element={
          <RequireRole roles={['admin', 'animator', 'member']}>
            <NewPartnershipPage />
          </RequireRole>
        }
      />
      <Route path="/partenariats/:id" element={<PartnershipPage />} />
      <Route
        path="/partenariats/:id/modifier"
        element={
          <RequireRole roles={['admin', 'animator', 'member']}>
            <EditPartnershipPage />
          </RequireRole>
        }
      />
      <Route path="/vitrine" element={<ShowcasePage />} />
    </>
  );
}
