// What a flagship project or an alliance owes to the territorial dialogue: the proposal it came from, and for a
// project the organisations that supported it (its interested actors). Shown on the project and alliance pages.
import { Link } from 'react-router';
import { dialogueRoutes as api } from '../../../src/modules/dialogue/contract';
import type { ProjectInterestedActor } from '../../../src/modules/projects/contract';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';

/** « Issu du dialogue territorial : proposition « … » (défi « … ») », when the project or alliance came from one. */
export function DialogueOrigin({ projectId, allianceId }: { projectId?: string; allianceId?: string }) {
  const { t } = useI18n();
  const origin = useApiQuery(api.listProposals, { query: { projectId, allianceId, pageSize: 5 } });
  const items = origin.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <>
      {items.map((p) => (
        <p key={p.id} className="dialogue-origin">
          {t('dialogue.origin.lead')}{' '}
          <Link to={`/dialogue/propositions/${p.id}`}>
            «{'\u00a0'}
            {p.title}
            {'\u00a0'}»
          </Link>{' '}
          {t('dialogue.origin.challenge', { title: p.challenge.title })}
        </p>
      ))}
    </>
  );
}

/** « Acteurs intéressés »: the organisations that supported the proposal the project came from. */
export function InterestedActors({ actors }: { actors: readonly ProjectInterestedActor[] | undefined }) {
  const { t } = useI18n();
  if (!actors || actors.length === 0) return null;
  return (
    <section aria-labelledby="project-interested" className="dialogue-interested">
      <h2 id="project-interested">{t('dialogue.interested.title')}</h2>
      <p className="small muted">{t('dialogue.interested.intro')}</p>
      <ul>
        {actors.map((a) => (
          <li key={a.actorId}>
            <Link to={`/acteurs/${a.actorId}`}>{a.name}</Link>{' '}
            <span className="small muted">· {t(`family.${a.family}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
