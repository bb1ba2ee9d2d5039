import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { programmeRoutes } from '../../../src/modules/programmes/contract';
import { callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { ApiErrorAlert, Loading } from '../ui/feedback';
import { usePageTitle } from '../ui/usePageTitle';
import { TerritoryFields, type TerritoryValues, territoryBody } from './edit/TerritoryFields';
import { ProgrammeFields } from './ProgrammeForm';
import { FormStatus, nextKey, useSaveForm } from './parts';

/** Staff: essaimage — a new programme with this one's method, on a new territory; then its page. */
export function ReplicatePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const programme = useApiQuery(programmeRoutes.get, { params: { id } });
  const name = programme.data?.name ?? '';
  usePageTitle(name ? t('programme.replicate.title', { name }) : t('programme.replicate'));
  if (programme.error) {
    return (
      <div className="narrow">
        <h1>{t('programme.replicate')}</h1>
        <ApiErrorAlert error={programme.error} />
      </div>
    );
  }
  if (!programme.data) return <Loading />;
  return <ReplicateForm id={programme.data.id} name={programme.data.name} />;
}

function ReplicateForm({ id, name }: { id: string; name: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const form = useSaveForm();
  const [values, setValues] = useState({ name: '', description: '', startsOn: '' });
  const [territory, setTerritory] = useState<TerritoryValues>({
    key: nextKey(),
    name: '',
    themeId: '',
    themeLabel: '',
    communes: [],
  });
  const set = (patch: Partial<typeof values>) => setValues((v) => ({ ...v, ...patch }));
  const list = (key: string) => t(key).split('|');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!values.name.trim()) found.name = t('programme.form.required');
    if (!values.startsOn) found.startsOn = t('programme.form.required');
    if (!territory.name.trim()) found['territory.name'] = t('programme.form.required');
    if (territory.communes.length === 0) found['territory.communeCodes'] = t('programme.form.required');
    if (form.refuse(found)) return;
    const { id: _id, ...body } = territoryBody(territory);
    void form.run(
      () => callApi(programmeRoutes.replicate, { params: { id }, body: { ...values, territory: body } }),
      (created) => navigate(`/programmes/${created.id}`),
    );
  };

  return (
    <div className="narrow programme-replicate-page">
      <p className="breadcrumb">
        <Link to={`/programmes/${id}`}>
          <span aria-hidden="true">← </span>
          {name}
        </Link>
      </p>
      <h1>{t('programme.replicate.title', { name })}</h1>
      <p className="tagline">{t('programme.replicate.intro')}</p>
      <div className="grid-2 programme-replicate-what">
        <section aria-labelledby="replicate-copied" className="card">
          <h2 id="replicate-copied">{t('programme.replicate.copied')}</h2>
          <ul>
            {list('programme.replicate.copiedList').map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="replicate-not-copied" className="card">
          <h2 id="replicate-not-copied">{t('programme.replicate.notCopied')}</h2>
          <ul>
            {list('programme.replicate.notCopiedList').map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </section>
      </div>
      <form ref={form.formRef} className="card" onSubmit={submit} noValidate>
        <FormStatus
          form={{ ...form, saved: false }}
          shown={(f) =>
            ['name', 'description', 'startsOn'].includes(f) ||
            /^territory\.(name|themeId|themeLabel|communeCodes)/.test(f)
          }
        />
        <ProgrammeFields idPrefix="replicate" values={values} set={set} err={form.err} />
        <fieldset className="programme-replicate-territory">
          <legend>{t('programme.replicate.territory')}</legend>
          <TerritoryFields
            idPrefix="replicate-territory"
            value={territory}
            onChange={(patch) => setTerritory((v) => ({ ...v, ...patch }))}
            err={form.err}
            path="territory."
          />
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.saving}>
            {form.saving ? t('programme.form.saving') : t('programme.replicate.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
