import type { ReactNode } from 'react';
import { Route } from 'react-router';
import { RequireRole } from '../auth/RequireRole';
import { ProjectFormPage } from './ProjectFormPage';
import { ProjectPage } from './ProjectPage';
import { ProjectsPage } from './ProjectsPage';

/** Who may open the form; the server then checks that a member's organisation carries the project. */
const writers = ['admin', 'animator', 'member'] as const;

/** This feature's pages, placed inside the app's <Routes>. */
export function projectRoutes(): ReactNode {
  return (
    <>
      <Route path="/projets" element={<ProjectsPage />} />
      <Route
        path="/projets/nouveau"
        element={
          <RequireRole roles={writers}>
            <ProjectFormPage />
          </RequireRole>
        }
      />
      <Route path="/projets/:id" element={<ProjectPage />} />
      <Route
        path="/projets/:id/modifier"
        element={
          <RequireRole roles={writers}>
            <ProjectFormPage />
          </RequireRole>
        }
      />
    </>
  );
}
