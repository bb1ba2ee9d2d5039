import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { deleteProject, getProject, type ProjectDetail, projectSheet } from '../../../src/modules/projects/contract';
import { type ApiError, asApiError, buildUrl, callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { DialogueOrigin, InterestedActors } from '../dialogue/OriginSection';
import { ProjectCallsSection } from '../funding/calendar/SuitedCalls';
import { useI18n } from '../i18n';
import { useReference } from '../reference/reference';
import { SdgChip } from '../ui/chips';
import { Alert, ApiErrorAlert, Loading, useErrorText } from '../ui/feedback';
import { usePageTitle } from '../ui/usePageTitle';
import { CarriersLine, StatusBadge, usePeriod } from './parts';
import './projects.css';

/** `/projets/:id`: the one-page sheet as a web page, to print or download as PDF. */
export function ProjectPage() {
  const { id = '' } = useParams();
  const project = useApiQuery(getProject, { params: { id } });
  usePageTitle(project.data?.title);
  if (project.error) return <ApiErrorAlert error={project.error} />;
  if (!project.data) return <Loading />;
  return <ProjectSheet project={project.data} />;
}

function ProjectSheet({ project }: { project: ProjectDetail }) {
  const { t, formatEuros, formatDate } = useI18n();
  const ref = useReference();
  const period = usePeriod();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const [deleteError, setDeleteError] = useState<ApiError | null>(null);

  const remove = async () => {
    if (!window.confirm(t('project.deleteConfirm', { title: project.title }))) return;
    try {
      await callApi(deleteProject, { params: { id: project.id } });
      navigate('/projets', { replace: true });
    } catch (e) {
      setDeleteError(asApiError(e));
    }
  };

  const texts = [
    { key: 'summary', title: t('project.summary'), body: project.summary },
    { key: 'goals', title: t('project.field.goals'), body: project.goals },
    { key: 'beneficiaries', title: t('project.field.beneficiaries'), body: project.beneficiaries },
    { key: 'needs', title: t('project.field.needs'), body: project.needs },
  ].filter((x) => x.body.trim() !== '');

  return (
    <article className="project-page">
      <div className="no-print project-toolbar">
        <p className="breadcrumb">
          <Link to="/projets">
            <span aria-hidden="true">← </span>
            {t('project.back')}
          </Link>
        </p>
        <div className="project-actions">
          <a className="button" href={buildUrl(projectSheet.path, { id: project.id })} download>
            {t('project.download')}
          </a>
          <button type="button" className="button button-secondary" onClick={() => window.print()}>
            {t('project.print')}
          </button>
          {project.canEdit ? (
            <Link className="button button-secondary" to={`/suggestions?subjectKind=project&subjectId=${project.id}`}>
              {t('matching.suggestions.link')}
            </Link>
          ) : null}
          {project.canEdit ? (
            <Link className="button button-secondary" to={`/projets/${project.id}/modifier`}>
              {t('project.edit')}
            </Link>
          ) : null}
          {project.canDelete ? (
            <button type="button" className="button button-danger" onClick={remove}>
              {t('project.delete')}
            </button>
          ) : null}
        </div>
        {deleteError ? <Alert>{errorText(deleteError)}</Alert> : null}
        {project.status === 'draft' ? <Alert kind="info">{t('project.draftNotice')}</Alert> : null}
      </div>

      <div className="project-sheet">
        <header className="project-sheet-band">
          <span>{t('project.sheetLabel')}</span>
          <StatusBadge status={project.status} />
        </header>
        <h1>{project.title}</h1>
        <CarriersLine carriers={project.carriers} />
        <DialogueOrigin projectId={project.id} />
        <dl className="project-sheet-facts">
          <div>
            <dt>{t('project.territory')}</dt>
            <dd>{project.communes.map((c) => c.name).join(', ') || t('project.territoryNone')}</dd>
          </div>
          <div>
            <dt>{t('project.dates')}</dt>
            <dd>{period(project.startsOn, project.endsOn)}</dd>
          </div>
        </dl>

        <div className="project-sheet-columns">
          <div className="project-sheet-main">
            {texts.map((x) => (
              <section key={x.key} aria-labelledby={`project-${x.key}`}>
                <h2 id={`project-${x.key}`}>{x.title}</h2>
                <p className="project-text">{x.body}</p>
              </section>
            ))}
            <InterestedActors actors={project.interestedActors} />
          </div>
          <div className="project-sheet-side">
            <section aria-labelledby="project-budget">
              <h2 id="project-budget">{t('project.budget')}</h2>
              {project.budgetLines.length > 0 ? (
                <table className="project-budget">
                  <thead>
                    <tr>
                      <th scope="col">{t('project.budgetLine')}</th>
                      <th scope="col" className="amount">
                        {t('project.amount')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {project.budgetLines.map((line, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: budget lines have no identity but their place
                      <tr key={i}>
                        <td>{line.label}</td>
                        <td className="amount">{formatEuros(line.amount)}</td>
                      </tr>
                    ))}
                  </tbody>
                  {project.budgetTotal !== null ? (
                    <tfoot>
                      <tr>
                        <th scope="row">{t('project.total')}</th>
                        <td className="amount">{formatEuros(project.budgetTotal)}</td>
                      </tr>
                    </tfoot>
                  ) : null}
                </table>
              ) : project.budgetTotal !== null ? (
                <p>
                  {t('project.total')} : <strong>{formatEuros(project.budgetTotal)}</strong>
                </p>
              ) : (
                <p className="muted">{t('project.budgetUnknown')}</p>
              )}
            </section>
            {project.modes.length > 0 ? (
              <section aria-labelledby="project-modes">
                <h2 id="project-modes">{t('project.field.modes')}</h2>
                <ul className="project-list">
                  {project.modes.map((m) => (
                    <li key={m}>{t(`mode.${m}`)}</li>
                  ))}
                </ul>
              </section>
            ) : null}
            {project.themes.length > 0 ? (
              <section aria-labelledby="project-themes">
                <h2 id="project-themes">{t('project.field.themes')}</h2>
                <ul className="project-list">
                  {project.themes.map((id) => (
                    <li key={id}>{ref.themeLabel(id)}</li>
                  ))}
                </ul>
              </section>
            ) : null}
            {project.sdgs.length > 0 ? (
              <section aria-labelledby="project-sdgs">
                <h2 id="project-sdgs">{t('project.field.sdgs')}</h2>
                <ul className="chips project-sdgs">
                  {project.sdgs.map((n) => (
                    <li key={n}>
                      <SdgChip number={n} />
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </div>
        </div>

        <footer className="project-sheet-footer">
          <strong>{t('project.programme')}</strong>
          <span>
            {t('project.programmeDetail')} · {formatDate(new Date())}
          </span>
        </footer>
      </div>
      <ProjectCallsSection projectId={project.id} />
    </article>
  );
}
