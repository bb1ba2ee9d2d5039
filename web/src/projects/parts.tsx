import { Link } from 'react-router';
import type { ProjectCarrier, ProjectSummary } from '../../../src/modules/projects/contract';
import type { ProjectStatus } from '../../../src/modules/projects/vocabulary';
import { useI18n } from '../i18n';
import { useReference } from '../reference/reference';
import { Chip, SdgChip } from '../ui/chips';

/** `du 1 mars 2018 au 30 juin 2019`, or what is known of it. Dates are calendar days: read at noon, never shifted. */
export function usePeriod() {
  const { t, formatDate, locale } = useI18n();
  // « le 1er mars » in French.
  const day = (iso: string) => {
    const text = formatDate(`${iso}T12:00:00`);
    return locale === 'fr' ? text.replace(/^1 /, '1er ') : text;
  };
  return (startsOn: string | null, endsOn: string | null) => {
    if (startsOn && endsOn) return t('project.period.both', { start: day(startsOn), end: day(endsOn) });
    if (startsOn) return t('project.period.from', { start: day(startsOn) });
    if (endsOn) return t('project.period.until', { end: day(endsOn) });
    return t('project.period.none');
  };
}

export function StatusBadge({ status }: { status: ProjectStatus }) {
  const { t } = useI18n();
  return <span className={`badge project-status project-status-${status}`}>{t(`project.status.${status}`)}</span>;
}

/** « Porté par A » or « Projet collectif porté par A (chef de file), B, C », each a link to the actor. */
export function CarriersLine({ carriers }: { carriers: ProjectCarrier[] }) {
  const { t } = useI18n();
  const collective = carriers.length > 1;
  return (
    <p className="project-carriers">
      {collective ? t('project.collectiveCarriedBy') : t('project.carriedBy')}{' '}
      {carriers.map((c, i) => (
        <span key={c.actorId}>
          {i > 0 ? ', ' : null}
          <Link to={`/acteurs/${c.actorId}`}>{c.name}</Link>
          {collective && c.role === 'lead' ? ` (${t('project.role.lead').toLowerCase()})` : null}
        </span>
      ))}
    </p>
  );
}

/** A project in a list: title, carriers, excerpt, status, budget, dates, modes and themes. */
export function ProjectCard({ project, headingLevel = 3 }: { project: ProjectSummary; headingLevel?: 2 | 3 }) {
  const { t, formatEuros } = useI18n();
  const ref = useReference();
  const period = usePeriod();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li className="result project-card">
      <div className="project-card-head">
        <Heading>
          <Link to={`/projets/${project.id}`}>{project.title}</Link>
        </Heading>
        <StatusBadge status={project.status} />
      </div>
      <CarriersLine carriers={project.carriers} />
      {project.excerpt ? <p className="result-excerpt">{project.excerpt}</p> : null}
      <p className="result-meta">
        {[
          project.budgetTotal !== null ? `${t('project.budget')} : ${formatEuros(project.budgetTotal)}` : null,
          period(project.startsOn, project.endsOn),
          project.communes.map((c) => c.name).join(', ') || null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <ul className="chips" aria-label={`${t('project.field.modes')}, ${t('project.field.themes')}`}>
        {project.modes.map((m) => (
          <li key={m}>
            <span className="chip chip-mode">{t(`mode.${m}`)}</span>
          </li>
        ))}
        {project.themes.map((id) => (
          <li key={id}>
            <Chip>{ref.themeLabel(id)}</Chip>
          </li>
        ))}
        {project.sdgs.map((n) => (
          <li key={n}>
            <SdgChip number={n} compact />
          </li>
        ))}
      </ul>
    </li>
  );
}
