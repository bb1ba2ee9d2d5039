import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { type ProgrammeDetail, programmeRoutes } from '../../../src/modules/programmes/contract';
import { callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { ApiErrorAlert, Loading } from '../ui/feedback';
import { usePageTitle } from '../ui/usePageTitle';
import { ObjectivesEditor } from './edit/ObjectivesEditor';
import { ParticipantsEditor } from './edit/ParticipantsEditor';
import { PhasesEditor } from './edit/PhasesEditor';
import { SteeringEditor } from './edit/SteeringEditor';
import { TerritoriesEditor } from './edit/TerritoriesEditor';
import { ProgrammeForm } from './ProgrammeForm';

/** Staff: a programme's parts, each saved on its own (fields, territories, phases, steering, objectives, participants). */
export function EditPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const programme = useApiQuery(programmeRoutes.get, { params: { id } });
  const name = programme.data?.name ?? '';
  usePageTitle(name ? t('programme.edit.title', { name }) : t('programme.edit'));
  if (programme.error) {
    return (
      <div className="narrow">
        <h1>{t('programme.edit')}</h1>
        <ApiErrorAlert error={programme.error} />
      </div>
    );
  }
  if (!programme.data) return <Loading />;
  const p = programme.data;
  const update = (saved: ProgrammeDetail) => programme.setData(saved);
  const sections: [string, string, ReactNode][] = [
    [
      'fields',
      t('programme.edit.fields'),
      <ProgrammeForm
        key="fields"
        initial={{ name: p.name, description: p.description, startsOn: p.startsOn, endsOn: p.endsOn }}
        submitLabel={t('programme.form.save')}
        save={(body) => callApi(programmeRoutes.update, { params: { id: p.id }, body })}
        onSaved={update}
      />,
    ],
    ['territoires', t('programme.edit.territories'), <TerritoriesEditor key="t" p={p} onSaved={update} />],
    ['phases', t('programme.edit.phases'), <PhasesEditor key="ph" p={p} onSaved={update} />],
    ['participants', t('programme.edit.participants'), <ParticipantsEditor key="pa" p={p} onSaved={update} />],
    ['pilotage', t('programme.edit.steering'), <SteeringEditor key="s" p={p} onSaved={update} />],
    ['objectifs', t('programme.edit.objectives'), <ObjectivesEditor key="o" p={p} onSaved={update} />],
  ];
  return (
    <div className="programme-edit-page">
      <p className="breadcrumb">
        <Link to={`/programmes/${p.id}`}>
          <span aria-hidden="true">← </span>
          {p.name}
        </Link>
      </p>
      <h1>{t('programme.edit.title', { name: p.name })}</h1>
      <nav aria-label={t('programme.edit.sections')} className="programme-edit-nav">
        <ul>
          {sections.map(([anchor, title]) => (
            <li key={anchor}>
              <a href={`#${anchor}`}>{title}</a>
            </li>
          ))}
        </ul>
      </nav>
      {sections.map(([anchor, title, body]) => (
        <section key={anchor} id={anchor} className="card" aria-labelledby={`${anchor}-title`}>
          <h2 id={`${anchor}-title`}>{title}</h2>
          {body}
        </section>
      ))}
    </div>
  );
}
