import { Link } from 'react-router';
import { listProjects } from '../../../src/modules/projects/contract';
import type { ActorFamily } from '../../../src/modules/reference/families';
import { useApiQuery } from '../api/useApi';
import { isStaff, useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { ProjectCard } from './parts';
import '../directory/directory.css';
import './projects.css';

/** The flagship projects the actor carries (lead or co-carrier), with « Nouveau projet » for staff and its members. */
export function ActorProjects({ actorId, family }: { actorId: string; family: ActorFamily }) {
  const { t } = useI18n();
  const { user, role } = useSession();
  const list = useApiQuery(listProjects, { query: { actor: actorId, pageSize: 10 } });
  const mayCreate = isStaff(role) || (role === 'member' && user?.actorId === actorId);
  const items = list.data?.items ?? [];
  // Only associations carry projects: the empty section (to start one) is for them alone.
  const mayStart = mayCreate && list.data !== undefined && items.length === 0;
  if (items.length === 0 && !(mayStart && family === 'association')) return null;
  return (
    <section className="card project-section" aria-labelledby="actor-projects-heading">
      <div className="project-section-head">
        <h2 id="actor-projects-heading">{t('project.section.title')}</h2>
        {mayCreate ? (
          <Link className="button button-small" to={`/projets/nouveau?porteur=${actorId}`}>
            {t('project.new')}
          </Link>
        ) : null}
      </div>
      {items.length === 0 ? <p className="muted">{t('project.section.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="result-list">
          {items.map((project) => (
            <ProjectCard key={project.id} project={project} />
          ))}
        </ul>
      ) : null}
      {list.data && list.data.total > items.length ? (
        <p>
          <Link to={`/projets?actor=${actorId}`}>{t('project.section.all')}</Link>
        </p>
      ) : null}
    </section>
  );
}
