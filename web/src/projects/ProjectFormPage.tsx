import { useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { fieldMessage } from '../../../src/http/messages';
import { getActor } from '../../../src/modules/actors/contract';
import { partnershipModes } from '../../../src/modules/partnerships/vocabulary';
import { createProject, getProject, updateProject } from '../../../src/modules/projects/contract';
import { carrierRoles, projectStatuses } from '../../../src/modules/projects/vocabulary';
import { type ApiError, asApiError, callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { useReference } from '../reference/reference';
import { ActorPicker } from '../ui/ActorPicker';
import { CommuneListField } from '../ui/CommuneListField';
import { Field } from '../ui/Field';
import {
  Alert,
  ApiErrorAlert,
  issuesByField,
  Loading,
  type ServerIssue,
  serverIssueText,
  useErrorText,
} from '../ui/feedback';
import { useFocusFirstInvalid } from '../ui/useFocusFirstInvalid';
import { usePageTitle } from '../ui/usePageTitle';
import {
  controlId,
  emptyProjectForm,
  type FieldIssue,
  formToInput,
  newKey,
  type ProjectFormValues,
  projectToForm,
  runningTotal,
  validateProject,
} from './projectForm';
import '../directory/directory.css';
import './projects.css';

/** `/projets/nouveau` and `/projets/:id/modifier`. */
export function ProjectFormPage() {
  const { id } = useParams();
  const { t, locale } = useI18n();
  const existing = useApiQuery(getProject, { params: { id: id ?? '' } }, { enabled: Boolean(id) });
  usePageTitle(id ? t('project.form.editTitle', { title: existing.data?.title ?? '' }) : t('project.form.newTitle'));
  if (id) {
    if (existing.error) return <ApiErrorAlert error={existing.error} />;
    if (!existing.data) return <Loading />;
    if (!existing.data.canEdit) return <Alert>{t('project.form.notCarrier')}</Alert>;
    return (
      <ProjectForm
        key={existing.data.id}
        projectId={existing.data.id}
        initialTitle={existing.data.title}
        initial={projectToForm(existing.data, locale)}
      />
    );
  }
  return <NewProjectForm />;
}

/** A new project: the member's own association as lead, or the one it was started from (`?porteur=<id>`). */
function NewProjectForm() {
  const { user } = useSession();
  const [params] = useSearchParams();
  const from = params.get('porteur');
  const own = user?.role === 'member' && user.actorId ? { id: user.actorId, name: user.actorName ?? '' } : null;
  const started = useApiQuery(getActor, { params: { id: from ?? '' } }, { enabled: Boolean(from) && own === null });
  if (from && own === null && started.loading) return <Loading />;
  const lead =
    own ?? (started.data?.family === 'association' ? { id: started.data.id, name: started.data.name } : null);
  return <ProjectForm initial={emptyProjectForm(lead)} />;
}

function ProjectForm({
  projectId,
  initialTitle,
  initial,
}: {
  projectId?: string;
  initialTitle?: string;
  initial: ProjectFormValues;
}) {
  const { t, tn, locale, formatEuros } = useI18n();
  const ref = useReference();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(initial);
  const [clientErrors, setClientErrors] = useState<Record<string, FieldIssue>>({});
  const [serverErrors, setServerErrors] = useState<Record<string, ServerIssue>>({});
  const [generalError, setGeneralError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  const focusFirstInvalid = useFocusFirstInvalid(formRef, 'project-form-errors');

  const messageOf = (path: string): string | undefined => {
    const client = clientErrors[path];
    if (client) return fieldMessage(client.code, locale, client.vars);
    const server = serverErrors[path];
    if (!server) return undefined;
    return serverIssueText(server, locale);
  };

  /** Updates values; errors shown go away as soon as the value is valid again. */
  const set = (patch: Partial<ProjectFormValues>) => {
    const next = { ...values, ...patch };
    setValues(next);
    if (Object.keys(clientErrors).length) {
      const all = validateProject(next);
      setClientErrors((previous) => {
        const kept: Record<string, FieldIssue> = {};
        for (const key of Object.keys(previous)) {
          const issue = all[key];
          if (issue) kept[key] = issue;
        }
        return kept;
      });
    }
    setServerErrors((previous) => {
      const touched = Object.keys(patch);
      const kept = Object.fromEntries(
        Object.entries(previous).filter(([path]) => !touched.includes(path.split('.')[0] ?? path)),
      );
      return Object.keys(kept).length === Object.keys(previous).length ? previous : kept;
    });
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setGeneralError(null);
    const issues = validateProject(values);
    setClientErrors(issues);
    setServerErrors({});
    if (Object.keys(issues).length > 0) {
      focusFirstInvalid();
      return;
    }
    setSaving(true);
    try {
      const body = formToInput(values);
      const saved = projectId
        ? await callApi(updateProject, { params: { id: projectId }, body })
        : await callApi(createProject, { body });
      navigate(`/projets/${saved.id}`, { replace: true });
    } catch (error) {
      const apiError = asApiError(error);
      if (apiError.errors.length > 0) {
        setServerErrors(issuesByField(apiError));
      } else {
        setGeneralError(apiError);
      }
      focusFirstInvalid();
    } finally {
      setSaving(false);
    }
  };

  const errorPaths = [...new Set([...Object.keys(clientErrors), ...Object.keys(serverErrors)])];
  const pathLabel = (path: string) => {
    const [base, index] = path.split('.');
    const n = Number(index) + 1;
    if (base === 'carriers' && index !== undefined) return t('project.form.carrier', { n });
    if (base === 'budgetLines' && index !== undefined) {
      return path.endsWith('amount') ? t('project.form.lineAmount', { n }) : t('project.form.lineLabel', { n });
    }
    return t(`project.field.${base}`);
  };
  /** Array errors (`themes.1`) are shown on their group; the summary links to the first control of the path. */
  const targetOf = (path: string) => {
    if (/^(themes|sdgs|modes|communeCodes)\./.test(path)) return controlId(path.split('.')[0] ?? path);
    return controlId(path);
  };
  const groupError = (base: string) =>
    messageOf(base) ?? errorPaths.filter((p) => p.startsWith(`${base}.`)).map((p) => messageOf(p))[0] ?? undefined;

  const textArea = (path: 'summary' | 'goals' | 'beneficiaries' | 'needs', rows = 4) => (
    <Field id={controlId(path)} label={t(`project.field.${path}`)} error={messageOf(path)}>
      {(control) => (
        <textarea {...control} rows={rows} value={values[path]} onChange={(e) => set({ [path]: e.target.value })} />
      )}
    </Field>
  );

  const total = runningTotal(values.budgetLines);
  const carriersError = messageOf('carriers');

  return (
    <div className="project-form-page">
      <p className="breadcrumb">
        <Link to={projectId ? `/projets/${projectId}` : '/projets'}>
          <span aria-hidden="true">← </span>
          {t('project.back')}
        </Link>
      </p>
      <h1>{projectId ? t('project.form.editTitle', { title: initialTitle ?? '' }) : t('project.form.newTitle')}</h1>
      <p className="muted">{t('project.form.requiredNote')}</p>

      {errorPaths.length > 0 ? (
        <div className="alert alert-error" role="alert" id="project-form-errors" tabIndex={-1}>
          <p className="alert-title">{tn('project.form.errorSummary', errorPaths.length)}</p>
          <ul>
            {errorPaths.map((path) => (
              <li key={path}>
                <a
                  href={`#${targetOf(path)}`}
                  onClick={(e) => {
                    const target = document.getElementById(targetOf(path));
                    const focusable = target?.matches('input, select, textarea')
                      ? target
                      : target?.querySelector<HTMLElement>('input, select, textarea');
                    if (focusable) {
                      e.preventDefault();
                      focusable.focus();
                    }
                  }}
                >
                  {pathLabel(path)}
                </a>{' '}
                : {messageOf(path)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {generalError ? <Alert>{errorText(generalError)}</Alert> : null}

      <form ref={formRef} onSubmit={submit} noValidate className="project-form">
        <fieldset className="form-section">
          <legend>{t('project.form.general')}</legend>
          <Field id={controlId('title')} label={t('project.field.title')} required error={messageOf('title')}>
            {(control) => (
              <input
                {...control}
                type="text"
                autoComplete="off"
                value={values.title}
                onChange={(e) => set({ title: e.target.value })}
              />
            )}
          </Field>
          {textArea('summary', 5)}
          {textArea('goals')}
          {textArea('beneficiaries', 3)}
          {textArea('needs', 3)}
        </fieldset>

        <fieldset className="form-section" id={controlId('carriers')} aria-describedby="project-carriers-hint">
          <legend>
            {t('project.field.carriers')} <span className="required">*</span>
          </legend>
          <p className="hint" id="project-carriers-hint">
            {t('project.form.carriersHint')}
          </p>
          {carriersError ? (
            <p className="field-error" id="project-carriers-error">
              <span aria-hidden="true">⚠ </span>
              {carriersError}
            </p>
          ) : null}
          <ul className="project-rows">
            {values.carriers.map((carrier, i) => (
              <li key={carrier.key} className="project-row">
                <ActorPicker
                  id={controlId(`carriers.${i}.actorId`)}
                  label={t('project.form.carrier', { n: i + 1 })}
                  required
                  value={carrier.actor}
                  error={messageOf(`carriers.${i}.actorId`)}
                  onChange={(actor) =>
                    set({ carriers: values.carriers.map((c) => (c.key === carrier.key ? { ...c, actor } : c)) })
                  }
                />
                <Field id={controlId(`carriers.${i}.role`)} label={t('project.form.role', { n: i + 1 })}>
                  {(control) => (
                    <select
                      {...control}
                      value={carrier.role}
                      onChange={(e) => {
                        const role = e.target.value as (typeof carrierRoles)[number];
                        // One lead: choosing a new lead makes the former one a co-carrier.
                        set({
                          carriers: values.carriers.map((c) =>
                            c.key === carrier.key
                              ? { ...c, role }
                              : role === 'lead' && c.role === 'lead'
                                ? { ...c, role: 'coCarrier' }
                                : c,
                          ),
                        });
                      }}
                    >
                      {carrierRoles.map((r) => (
                        <option key={r} value={r}>
                          {t(`project.role.${r}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  disabled={values.carriers.length === 1}
                  onClick={() => set({ carriers: values.carriers.filter((c) => c.key !== carrier.key) })}
                >
                  {t('project.form.removeCarrier', { n: i + 1 })}
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button button-secondary"
            onClick={() =>
              set({
                carriers: [...values.carriers, { key: newKey(), actor: { id: null, text: '' }, role: 'coCarrier' }],
              })
            }
          >
            {t('project.form.addCarrier')}
          </button>
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('project.budget')}</legend>
          <p className="hint">{t('project.form.budgetHint')}</p>
          <ul className="project-rows">
            {values.budgetLines.map((line, i) => (
              <li key={line.key} className="project-row">
                <Field
                  id={controlId(`budgetLines.${i}.label`)}
                  label={t('project.form.lineLabel', { n: i + 1 })}
                  required
                  error={messageOf(`budgetLines.${i}.label`)}
                >
                  {(control) => (
                    <input
                      {...control}
                      type="text"
                      value={line.label}
                      onChange={(e) =>
                        set({
                          budgetLines: values.budgetLines.map((l) =>
                            l.key === line.key ? { ...l, label: e.target.value } : l,
                          ),
                        })
                      }
                    />
                  )}
                </Field>
                <Field
                  id={controlId(`budgetLines.${i}.amount`)}
                  label={t('project.form.lineAmount', { n: i + 1 })}
                  required
                  error={messageOf(`budgetLines.${i}.amount`)}
                >
                  {(control) => (
                    <input
                      {...control}
                      type="text"
                      inputMode="decimal"
                      value={line.amount}
                      onChange={(e) =>
                        set({
                          budgetLines: values.budgetLines.map((l) =>
                            l.key === line.key ? { ...l, amount: e.target.value } : l,
                          ),
                        })
                      }
                    />
                  )}
                </Field>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => set({ budgetLines: values.budgetLines.filter((l) => l.key !== line.key) })}
                >
                  {t('project.form.removeLine', { n: i + 1 })}
                </button>
              </li>
            ))}
          </ul>
          <p>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => set({ budgetLines: [...values.budgetLines, { key: newKey(), label: '', amount: '' }] })}
            >
              {t('project.form.addLine')}
            </button>
          </p>
          <p className="project-running-total" aria-live="polite">
            {t('project.form.runningTotal', { total: formatEuros(total) })}
          </p>
          <Field
            id={controlId('budgetTotal')}
            label={t('project.field.budgetTotal')}
            hint={t('project.form.budgetTotalHint')}
            error={messageOf('budgetTotal')}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                inputMode="decimal"
                value={values.budgetTotal}
                onChange={(e) => set({ budgetTotal: e.target.value })}
              />
            )}
          </Field>
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('project.form.partnership')}</legend>
          <CheckGroup
            id={controlId('modes')}
            legend={t('project.field.modes')}
            error={groupError('modes')}
            options={partnershipModes.map((m) => ({ value: m, label: t(`mode.${m}`) }))}
            selected={values.modes}
            onChange={(modes) => set({ modes: modes as ProjectFormValues['modes'] })}
          />
          <CheckGroup
            id={controlId('themes')}
            legend={t('project.field.themes')}
            error={groupError('themes')}
            options={(ref.data?.themes ?? []).map((x) => ({ value: x.id, label: ref.themeLabel(x.id) }))}
            selected={values.themes}
            onChange={(themes) => set({ themes })}
          />
          <CheckGroup
            id={controlId('sdgs')}
            legend={t('project.field.sdgs')}
            error={groupError('sdgs')}
            options={(ref.data?.sdgs ?? []).map((s) => ({
              value: String(s.number),
              label: `${s.number}. ${ref.sdgLabel(s.number)}`,
            }))}
            selected={values.sdgs.map(String)}
            onChange={(sdgs) => set({ sdgs: sdgs.map(Number).sort((a, b) => a - b) })}
          />
          <CommuneListField
            id={controlId('communeCodes')}
            inputId="project-commune-input"
            legend={t('project.field.communeCodes')}
            communes={values.communes}
            onChange={(communes) => set({ communes })}
            error={groupError('communeCodes')}
            removeLabel={(name) => t('project.form.communeRemove', { name })}
            classes={{ fieldset: 'project-fieldset', input: 'project-commune-add', list: 'project-communes' }}
          />
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('project.form.calendar')}</legend>
          <div className="grid-3">
            <Field id={controlId('status')} label={t('project.field.status')} error={messageOf('status')}>
              {(control) => (
                <select
                  {...control}
                  value={values.status}
                  onChange={(e) => set({ status: e.target.value as ProjectFormValues['status'] })}
                >
                  {projectStatuses.map((s) => (
                    <option key={s} value={s}>
                      {t(`project.status.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={controlId('startsOn')} label={t('project.field.startsOn')} error={messageOf('startsOn')}>
              {(control) => (
                <input
                  {...control}
                  type="date"
                  value={values.startsOn}
                  onChange={(e) => set({ startsOn: e.target.value })}
                />
              )}
            </Field>
            <Field id={controlId('endsOn')} label={t('project.field.endsOn')} error={messageOf('endsOn')}>
              {(control) => (
                <input
                  {...control}
                  type="date"
                  value={values.endsOn}
                  onChange={(e) => set({ endsOn: e.target.value })}
                />
              )}
            </Field>
          </div>
        </fieldset>

        <div className="form-actions">
          <button type="submit" className="button" disabled={saving}>
            {saving ? t('project.form.saving') : t('project.form.save')}
          </button>
          <Link className="button button-secondary" to={projectId ? `/projets/${projectId}` : '/projets'}>
            {t('project.form.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}

/** A group of checkboxes with its legend and the group's error. */
function CheckGroup({
  id,
  legend,
  options,
  selected,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  options: { value: string; label: string }[];
  selected: string[];
  onChange(values: string[]): void;
  error?: string | undefined;
}) {
  return (
    <fieldset className="project-fieldset" id={id} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
      <ul className="project-checks">
        {options.map((o) => (
          <li key={o.value}>
            <input
              type="checkbox"
              id={`${id}-${o.value}`}
              checked={selected.includes(o.value)}
              aria-invalid={error ? true : undefined}
              onChange={(e) =>
                onChange(e.target.checked ? [...selected, o.value] : selected.filter((v) => v !== o.value))
              }
            />
            <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
