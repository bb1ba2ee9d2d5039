import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  type ApplicationDetail,
  type ApplicationInput,
  applicationRoutes,
} from '../../../../src/modules/funding/applications/contract';
import { callRoutes } from '../../../../src/modules/funding/calls/contract';
import type { ApplicationTarget } from '../../../../src/modules/funding/vocabulary';
import { applicationTargets } from '../../../../src/modules/funding/vocabulary';
import { listPartnerships } from '../../../../src/modules/partnerships/contract';
import { programmeRoutes } from '../../../../src/modules/programmes/contract';
import { listProjects } from '../../../../src/modules/projects/contract';
import { callApi } from '../../api/client';
import { useApiQuery } from '../../api/useApi';
import { useI18n } from '../../i18n';
import { FormStatus, useSaveForm } from '../../programmes/parts';
import { type ActorChoice, ActorPicker } from '../../ui/ActorPicker';
import { amountText, parseAmount } from '../../ui/amounts';
import { Field, FieldError } from '../../ui/Field';
import { TextField } from '../../ui/TextField';
import { FormPageShell } from '../calls/FormPageShell';
import { CoFundingFieldset, type Line, lineOf } from './CoFundingFieldset';

interface Values {
  title: string;
  callId: string;
  funder: ActorChoice;
  target: ApplicationTarget;
  programmeId: string;
  territoryId: string;
  projectId: string;
  partnershipId: string;
  year: string;
  amountRequested: string;
  coFunding: Line[];
  notes: string;
}

function valuesOf(a: ApplicationDetail | undefined, callId: string, locale: 'fr' | 'en'): Values {
  return {
    title: a?.title ?? '',
    callId: a?.call?.id ?? callId,
    funder: a ? { id: a.funder.id, text: a.funder.name } : { id: null, text: '' },
    target: a?.project ? 'project' : a?.partnership ? 'partnership' : 'programme',
    programmeId: a?.programme?.id ?? '',
    territoryId: a?.territory?.id ?? '',
    projectId: a?.project?.id ?? '',
    partnershipId: a?.partnership?.id ?? '',
    year: String(a?.year ?? new Date().getFullYear()),
    amountRequested: amountText(a?.amountRequested ?? null, locale),
    coFunding: (a?.coFunding ?? []).map((l) => lineOf(l, locale)),
    notes: a?.notes ?? '',
  };
}

/** A new application (`/financements/dossiers/nouveau`, `?appel=` prefills the call) or an edit. Staff only. */
export function ApplicationFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const { t, locale } = useI18n();
  const existing = useApiQuery(applicationRoutes.get, { params: { id: id ?? '' } }, { enabled: Boolean(id) });
  return (
    <FormPageShell
      title={id ? t('funding.app.form.editTitle') : t('funding.app.form.newTitle')}
      editing={Boolean(id)}
      existing={existing}
    >
      {(application) => <ApplicationForm id={id} initial={valuesOf(application, params.get('appel') ?? '', locale)} />}
    </FormPageShell>
  );
}

function ApplicationForm({ id, initial }: { id: string | undefined; initial: Values }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const form = useSaveForm();
  const [values, setValues] = useState(initial);
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));

  const calls = useApiQuery(callRoutes.list, { query: { pageSize: 100 } });
  const programmes = useApiQuery(programmeRoutes.list, {});
  const projects = useApiQuery(listProjects, { query: { pageSize: 100 } }, { enabled: values.target === 'project' });
  const partnerships = useApiQuery(
    listPartnerships,
    { query: { pageSize: 100 } },
    { enabled: values.target === 'partnership' },
  );
  const call = calls.data?.items.find((c) => c.id === values.callId);
  const programme = programmes.data?.items.find((p) => p.id === values.programmeId);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    const required = t('funding.app.form.required');
    if (!values.title.trim()) found.title = required;
    if (!values.callId && !values.funder.id) found.funderActorId = required;
    const targetField = { programme: 'programmeId', project: 'projectId', partnership: 'partnershipId' }[values.target];
    if (!values[targetField as 'programmeId']) found[targetField] = required;
    const amountRequested = parseAmount(values.amountRequested);
    if (amountRequested === null) found.amountRequested = required;
    else if (Number.isNaN(amountRequested)) found.amountRequested = t('funding.app.form.amountInvalid');
    const lines = values.coFunding.map((l, i) => {
      const amount = parseAmount(l.amount);
      if (amount === null || Number.isNaN(amount)) found[`coFunding.${i}.amount`] = t('funding.app.form.amountInvalid');
      return { actorId: l.actor.id, label: l.actor.id ? '' : l.label, amount: amount ?? 0, secured: l.secured };
    });
    if (form.refuse(found)) return;
    const body: ApplicationInput = {
      title: values.title,
      callId: values.callId || null,
      funderActorId: values.callId ? null : values.funder.id,
      programmeId: values.target === 'programme' ? values.programmeId : null,
      territoryId: values.target === 'programme' && values.territoryId ? values.territoryId : null,
      projectId: values.target === 'project' ? values.projectId : null,
      partnershipId: values.target === 'partnership' ? values.partnershipId : null,
      year: Number(values.year),
      amountRequested: amountRequested ?? 0,
      coFunding: lines,
      notes: values.notes,
    };
    void form.run(
      () =>
        id ? callApi(applicationRoutes.update, { params: { id }, body }) : callApi(applicationRoutes.create, { body }),
      (saved) => navigate(`/financements/dossiers/${saved.id}`),
    );
  };

  const select = (
    field: 'programmeId' | 'projectId' | 'partnershipId' | 'territoryId' | 'callId',
    label: string,
    options: { id: string; name: string }[],
    empty: string,
  ) => (
    <Field
      id={`app-${field}`}
      label={label}
      error={form.err(field)}
      required={field !== 'territoryId' && field !== 'callId'}
    >
      {(control) => (
        <select {...control} value={values[field]} onChange={(e) => set({ [field]: e.target.value })}>
          <option value="">{empty}</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="card">
      <FormStatus form={form} shown={(f) => f !== 'body'} />
      <TextField
        id="app-title"
        label={t('funding.app.form.title')}
        required
        maxLength={300}
        value={values.title}
        onChange={(v) => set({ title: v })}
        error={form.err('title')}
      />
      {select(
        'callId',
        t('funding.app.form.call'),
        (calls.data?.items ?? []).map((c) => ({ id: c.id, name: `${c.title} — ${c.funder.name}` })),
        t('funding.app.form.noCall'),
      )}
      {call ? (
        <p className="hint">{t('funding.app.form.funderFromCall', { name: call.funder.name })}</p>
      ) : values.callId ? null : (
        <ActorPicker
          id="app-funder"
          label={t('funding.app.form.funder')}
          required
          value={values.funder}
          onChange={(funder) => set({ funder })}
          error={form.err('funderActorId')}
        />
      )}
      <fieldset
        className="funding-fieldset funding-target"
        aria-describedby={form.err('target') ? 'app-target-error' : undefined}
      >
        <legend>{t('funding.app.form.target')}</legend>
        <div className="radio-row">
          {applicationTargets.map((target) => (
            <label key={target}>
              <input
                type="radio"
                name="app-target"
                value={target}
                checked={values.target === target}
                onChange={() => set({ target })}
              />{' '}
              {t(`funding.app.form.choice.${target}`)}
            </label>
          ))}
        </div>
        {form.err('target') ? <FieldError id="app-target-error">{form.err('target')}</FieldError> : null}
        {values.target === 'programme' ? (
          <div className="grid-2">
            {select(
              'programmeId',
              t('funding.app.form.programme'),
              (programmes.data?.items ?? []).map((p) => ({ id: p.id, name: p.name })),
              t('funding.app.form.choose'),
            )}
            {select(
              'territoryId',
              t('funding.app.form.territory'),
              programme?.territories ?? [],
              t('funding.app.form.wholeProgramme'),
            )}
          </div>
        ) : values.target === 'project' ? (
          select(
            'projectId',
            t('funding.app.form.project'),
            (projects.data?.items ?? []).map((p) => ({ id: p.id, name: p.title })),
            t('funding.app.form.choose'),
          )
        ) : (
          select(
            'partnershipId',
            t('funding.app.form.partnership'),
            (partnerships.data?.items ?? []).map((p) => ({ id: p.id, name: p.title })),
            t('funding.app.form.choose'),
          )
        )}
      </fieldset>
      <div className="grid-2">
        <TextField
          id="app-year"
          label={t('funding.app.form.year')}
          required
          inputMode="decimal"
          value={values.year}
          onChange={(year) => set({ year })}
          error={form.err('year')}
        />
        <TextField
          id="app-amount"
          label={t('funding.app.form.amountRequested')}
          required
          inputMode="decimal"
          value={values.amountRequested}
          onChange={(amountRequested) => set({ amountRequested })}
          error={form.err('amountRequested')}
        />
      </div>
      <CoFundingFieldset
        lines={values.coFunding}
        onChange={(coFunding) => set({ coFunding })}
        errorOf={(i, field) => form.err(`coFunding.${i}.${field}`)}
      />
      <TextField
        id="app-notes"
        kind="textarea"
        rows={3}
        label={t('funding.app.form.notes')}
        value={values.notes}
        onChange={(notes) => set({ notes })}
        error={form.err('notes')}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={form.saving}>
          {form.saving ? t('funding.app.form.saving') : id ? t('funding.app.form.save') : t('funding.app.form.create')}
        </button>
        <Link to={id ? `/financements/dossiers/${id}` : '/financements/dossiers'}>{t('funding.app.form.cancel')}</Link>
      </div>
    </form>
  );
}
