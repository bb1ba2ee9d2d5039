import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  dialogueRoutes as api,
  type ChallengeDetail,
  type ChallengeInput,
} from '../../../src/modules/dialogue/contract';
import { programmeRoutes } from '../../../src/modules/programmes/contract';
import { callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { useReference } from '../reference/reference';
import { type ActorChoice, ActorPicker } from '../ui/ActorPicker';
import { CheckboxGroup } from '../ui/CheckboxGroup';
import { CommuneListField } from '../ui/CommuneListField';
import { Field } from '../ui/Field';
import { Alert, ApiErrorAlert, Loading } from '../ui/feedback';
import { TextField } from '../ui/TextField';
import { usePageTitle } from '../ui/usePageTitle';
import { type FigureRow, FigureRows } from './FigureRows';
import { FormEnd, useAction } from './parts';
import './dialogue.css';

interface Values {
  programmeId: string;
  territoryId: string;
  title: string;
  summary: string;
  context: string;
  figures: FigureRow[];
  themes: string[];
  sdgs: string[];
  communes: { code: string; name: string }[];
  contributionsCloseOn: string;
  answering: ActorChoice;
  status: 'draft' | 'open';
}

const blank: Values = {
  programmeId: '',
  territoryId: '',
  title: '',
  summary: '',
  context: '',
  figures: [],
  themes: [],
  sdgs: [],
  communes: [],
  contributionsCloseOn: '',
  answering: { id: null, text: '' },
  status: 'draft',
};

let nextKey = 0;
const withKey = (f: Omit<FigureRow, 'key'>): FigureRow => ({ ...f, key: `figure-${++nextKey}` });

function valuesOf(c: ChallengeDetail): Values {
  return {
    programmeId: c.programme.id,
    territoryId: c.territory?.id ?? '',
    title: c.title,
    summary: c.summary,
    context: c.context,
    figures: c.figures.map(withKey),
    themes: c.themes,
    sdgs: c.sdgs.map(String),
    communes: c.communes,
    contributionsCloseOn: c.contributionsCloseOn,
    answering: c.answeringActor ? { id: c.answeringActor.id, text: c.answeringActor.name } : { id: null, text: '' },
    status: c.status === 'open' ? 'open' : 'draft',
  };
}

function toInput(v: Values): ChallengeInput {
  return {
    programmeId: v.programmeId,
    territoryId: v.territoryId || null,
    title: v.title,
    summary: v.summary,
    context: v.context,
    figures: v.figures.map(({ label, value, source }) => ({ label, value, source })),
    themes: v.themes,
    sdgs: v.sdgs.map(Number),
    communeCodes: v.communes.map((c) => c.code),
    contributionsCloseOn: v.contributionsCloseOn,
    answeringActorId: v.answering.id,
    status: v.status,
  };
}

/** `/dialogue/defis/nouveau` and `/dialogue/defis/:id/modifier`. */
export function ChallengeFormPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const existing = useApiQuery(api.getChallenge, { params: { id: id ?? '' } }, { enabled: Boolean(id) });
  usePageTitle(id ? t('dialogue.form.editTitle', { title: existing.data?.title ?? '' }) : t('dialogue.form.newTitle'));
  if (!id) return <ChallengeForm initial={blank} />;
  if (existing.error) return <ApiErrorAlert error={existing.error} />;
  if (!existing.data) return <Loading />;
  if (!existing.data.canEdit) return <Alert>{t('error.forbidden')}</Alert>;
  return <ChallengeForm key={existing.data.id} id={existing.data.id} initial={valuesOf(existing.data)} />;
}

function ChallengeForm({ id, initial }: { id?: string; initial: Values }) {
  const { t } = useI18n();
  const ref = useReference();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const action = useAction(formRef);
  const programmes = useApiQuery(programmeRoutes.list, {});
  const [values, setValues] = useState(initial);
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));
  const territories = programmes.data?.items.find((p) => p.id === values.programmeId)?.territories ?? [];
  const err = action.fieldError;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    let savedId = id;
    const ok = await action.run(async () => {
      const body = toInput(values);
      savedId = id
        ? (await callApi(api.updateChallenge, { params: { id }, body })).id
        : (await callApi(api.createChallenge, { body })).id;
    }, '');
    if (ok && savedId) navigate(`/dialogue/defis/${savedId}`);
  };

  return (
    <div className="narrow dialogue-form-page">
      <h1>{id ? t('dialogue.form.editTitle', { title: initial.title }) : t('dialogue.form.newTitle')}</h1>
      <form ref={formRef} onSubmit={submit} noValidate className="dialogue-form">
        <Field id="programmeId" label={t('dialogue.form.programme')} error={err('programmeId')} required>
          {(control) => (
            <select
              {...control}
              value={values.programmeId}
              onChange={(e) => set({ programmeId: e.target.value, territoryId: '' })}
            >
              <option value="">{t('dialogue.form.choose')}</option>
              {(programmes.data?.items ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="territoryId" label={t('dialogue.form.territory')} error={err('territoryId')}>
          {(control) => (
            <select {...control} value={values.territoryId} onChange={(e) => set({ territoryId: e.target.value })}>
              <option value="">{t('dialogue.form.territoryAll')}</option>
              {territories.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          id="title"
          label={t('dialogue.form.title')}
          value={values.title}
          onChange={(title) => set({ title })}
          error={err('title')}
          required
          maxLength={200}
        />
        <TextField
          id="summary"
          label={t('dialogue.form.summary')}
          hint={t('dialogue.form.summaryHint')}
          kind="textarea"
          value={values.summary}
          onChange={(summary) => set({ summary })}
          error={err('summary')}
          maxLength={500}
        />
        <TextField
          id="context"
          label={t('dialogue.form.context')}
          kind="textarea"
          rows={8}
          value={values.context}
          onChange={(context) => set({ context })}
          error={err('context')}
          maxLength={6000}
        />
        <FigureRows
          rows={values.figures}
          onChange={(figures) => set({ figures })}
          errorOf={err}
          newRow={() => withKey({ label: '', value: '', source: '' })}
        />
        <CheckboxGroup
          id="themes"
          legend={t('dialogue.form.themes')}
          options={(ref.data?.themes ?? []).map((x) => ({ value: x.id, label: ref.themeLabel(x.id) }))}
          selected={values.themes}
          onChange={(themes) => set({ themes })}
          error={err('themes')}
        />
        <CheckboxGroup
          id="sdgs"
          legend={t('dialogue.form.sdgs')}
          options={(ref.data?.sdgs ?? []).map((s) => ({
            value: String(s.number),
            label: ref.sdgLabel(s.number),
            swatch: { colour: s.color, text: String(s.number) },
          }))}
          selected={values.sdgs}
          onChange={(sdgs) => set({ sdgs })}
          error={err('sdgs')}
        />
        <CommuneListField
          id="communeCodes"
          inputId="challenge-commune"
          legend={t('dialogue.form.communes')}
          hint={t('dialogue.form.communesHint')}
          communes={values.communes}
          onChange={(communes) => set({ communes })}
          error={err('communeCodes')}
          removeLabel={(name) => t('dialogue.form.removeCommune', { name })}
          classes={{ fieldset: 'form-section', list: 'chips' }}
        />
        <TextField
          id="contributionsCloseOn"
          kind="date"
          label={t('dialogue.form.deadline')}
          value={values.contributionsCloseOn}
          onChange={(contributionsCloseOn) => set({ contributionsCloseOn })}
          error={err('contributionsCloseOn')}
          required
        />
        <ActorPicker
          id="answeringActorId"
          label={t('dialogue.form.answering')}
          hint={t('dialogue.form.answeringHint')}
          families={['publicAuthority']}
          value={values.answering}
          onChange={(answering) => set({ answering })}
          error={err('answeringActorId')}
        />
        <fieldset className="dialogue-radios" id="status">
          <legend>{t('dialogue.form.status')}</legend>
          {(['draft', 'open'] as const).map((s) => (
            <label key={s}>
              <input type="radio" name="status" checked={values.status === s} onChange={() => set({ status: s })} />{' '}
              {t(`dialogue.form.status.${s}`)}
            </label>
          ))}
        </fieldset>
        <FormEnd
          action={action}
          label={t('dialogue.form.save')}
          failure={action.error?.status === 403 ? t('dialogue.form.forbidden') : null}
        />
        <p>
          <Link to={id ? `/dialogue/defis/${id}` : '/dialogue'}>{t('dialogue.form.cancel')}</Link>
        </p>
      </form>
    </div>
  );
}
