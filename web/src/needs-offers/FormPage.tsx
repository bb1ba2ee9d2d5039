import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { fieldMessage } from '../../../src/http/messages';
import { getActor } from '../../../src/modules/actors/contract';
import {
  createNeedOffer,
  getNeedOffer,
  type NeedOfferDetail,
  type NeedOfferInput,
  needOfferInput,
  newNeedOfferInput,
  updateNeedOffer,
} from '../../../src/modules/needs-offers/contract';
import { type NeedOfferKind, needOfferKinds, resourceTypes } from '../../../src/modules/needs-offers/vocabulary';
import { partnershipModes } from '../../../src/modules/partnerships/vocabulary';
import { type ApiError, asApiError, callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { isStaff, useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { useReference } from '../reference/reference';
import { type ActorChoice, ActorPicker } from '../ui/ActorPicker';
import { CheckboxGroup } from '../ui/CheckboxGroup';
import { type CommuneChoice, CommuneField } from '../ui/CommuneField';
import { errorId, Field, FieldError } from '../ui/Field';
import { Alert, ApiErrorAlert, issuesByField, Loading, serverIssueText, useErrorText } from '../ui/feedback';
import { useFocusFirstInvalid } from '../ui/useFocusFirstInvalid';
import { usePageTitle } from '../ui/usePageTitle';
import '../actors/actors.css';
import './needs-offers.css';

interface FormValues {
  kind: NeedOfferKind | '';
  actor: ActorChoice;
  title: string;
  description: string;
  resources: string[];
  themes: string[];
  communes: { code: string; name: string }[];
  modes: string[];
  deadline: string;
}

interface Issue {
  code: string;
  vars: Record<string, unknown>;
  message?: string;
}

const controlId = (path: string) => `need-offer-${path.replaceAll('.', '-')}`;

function toInput(v: FormValues): NeedOfferInput {
  return {
    kind: (v.kind || undefined) as NeedOfferKind,
    actorId: v.actor.id ?? '',
    title: v.title,
    description: v.description,
    resources: v.resources as NeedOfferInput['resources'],
    themes: v.themes,
    communeCodes: v.communes.map((c) => c.code),
    modes: v.modes as NeedOfferInput['modes'],
    deadline: v.deadline || null,
  };
}

/** Validates with the API's own schema: field (first part of the path) → first issue. */
function validate(v: FormValues, creating: boolean): Record<string, Issue> {
  const out: Record<string, Issue> = {};
  const result = (creating ? newNeedOfferInput : needOfferInput).safeParse(toInput(v));
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = String(issue.path[0] ?? 'form');
      if (out[path]) continue;
      const extra = issue as { minimum?: unknown; maximum?: unknown };
      out[path] = { code: issue.message, vars: { min: extra.minimum, max: extra.maximum } };
    }
  }
  if (!v.actor.id) out.actorId = { code: 'required', vars: {} };
  return out;
}

/** `/besoins-offres/nouveau` (`?acteur=<id>` preselects the actor) and `/besoins-offres/:id/modifier`. */
export function NeedOfferFormPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const [params] = useSearchParams();
  const { user } = useSession();
  const existing = useApiQuery(getNeedOffer, { params: { id: id ?? '' } }, { enabled: Boolean(id) });
  // The actor given in the URL, or a member's own organisation: named before the form shows.
  const presetId = id ? null : user?.role === 'member' ? user.actorId : params.get('acteur');
  const preset = useApiQuery(getActor, { params: { id: presetId ?? '' } }, { enabled: Boolean(presetId) });
  const ref = useReference();
  usePageTitle(
    id ? t('needOffer.form.editTitle', { title: existing.data?.title ?? '' }) : t('needOffer.form.newTitle'),
  );
  if (!ref.data && !ref.failed) return <Loading />;
  if (id) {
    if (existing.error) return <ApiErrorAlert error={existing.error} />;
    if (!existing.data) return <Loading />;
    if (!existing.data.canEdit) return <Alert>{t('error.forbidden')}</Alert>;
    return <NeedOfferForm key={existing.data.id} existing={existing.data} />;
  }
  if (presetId && preset.loading) return <Loading />;
  const actor: ActorChoice =
    presetId && preset.data ? { id: preset.data.id, text: preset.data.name } : { id: null, text: '' };
  const communes =
    preset.data?.communeCode && preset.data.communeName
      ? [{ code: preset.data.communeCode, name: preset.data.communeName }]
      : [];
  return <NeedOfferForm key={presetId ?? 'new'} initialActor={actor} initialCommunes={communes} />;
}

function NeedOfferForm({
  existing,
  initialActor,
  initialCommunes = [],
}: {
  existing?: NeedOfferDetail;
  initialActor?: ActorChoice;
  initialCommunes?: { code: string; name: string }[];
}) {
  const { t, tn, locale } = useI18n();
  const ref = useReference();
  const { user } = useSession();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const formRef = useRef<HTMLFormElement>(null);
  const creating = !existing;
  const staff = isStaff(user?.role ?? null);
  const [values, setValues] = useState<FormValues>(() =>
    existing
      ? {
          kind: existing.kind,
          actor: { id: existing.actor.id, text: existing.actor.name },
          title: existing.title,
          description: existing.description,
          resources: existing.resources,
          themes: existing.themes,
          communes: existing.communes,
          modes: existing.modes,
          deadline: existing.deadline ?? '',
        }
      : {
          kind: '',
          actor: initialActor ?? { id: null, text: '' },
          title: '',
          description: '',
          resources: [],
          themes: [],
          communes: initialCommunes,
          modes: [],
          deadline: '',
        },
  );
  const [commune, setCommune] = useState<CommuneChoice>({ code: null, text: '' });
  const [errors, setErrors] = useState<Record<string, Issue>>({});
  const [generalError, setGeneralError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  // A staff member choosing the actor: its commune is proposed when none is chosen yet.
  const chosenActor = useApiQuery(
    getActor,
    { params: { id: values.actor.id ?? '' } },
    { enabled: creating && staff && Boolean(values.actor.id) && values.actor.id !== initialActor?.id },
  );
  useEffect(() => {
    const a = chosenActor.data;
    if (!a?.communeCode || !a.communeName) return;
    const code = a.communeCode;
    const name = a.communeName;
    setValues((v) => (v.communes.length === 0 ? { ...v, communes: [{ code, name }] } : v));
  }, [chosenActor.data]);

  const focusFirstInvalid = useFocusFirstInvalid(formRef, 'need-offer-errors');

  const messageOf = (path: string): string | undefined => {
    const issue = errors[path];
    if (!issue) return undefined;
    // Issues from the server have their message; those found here, their values.
    return issue.message
      ? serverIssueText({ code: issue.code, message: issue.message }, locale)
      : fieldMessage(issue.code, locale, issue.vars);
  };

  const set = (patch: Partial<FormValues>, path: string) => {
    const next = { ...values, ...patch };
    setValues(next);
    if (errors[path]) {
      const issue = validate(next, creating)[path];
      setErrors((previous) => {
        const copy = { ...previous };
        if (issue) copy[path] = issue;
        else delete copy[path];
        return copy;
      });
    }
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setGeneralError(null);
    const issues = validate(values, creating);
    setErrors(issues);
    if (Object.keys(issues).length > 0) {
      focusFirstInvalid();
      return;
    }
    setSaving(true);
    try {
      const body = toInput(values);
      const saved = existing
        ? await callApi(updateNeedOffer, { params: { id: existing.id }, body })
        : await callApi(createNeedOffer, { body });
      navigate(`/besoins-offres/${saved.id}`, { replace: true });
    } catch (error) {
      const apiError = asApiError(error);
      if (apiError.errors.length > 0) {
        const byField = issuesByField(apiError, (path) => path.split('.')[0] ?? path);
        setErrors(Object.fromEntries(Object.entries(byField).map(([path, issue]) => [path, { ...issue, vars: {} }])));
      } else {
        setGeneralError(apiError);
      }
      focusFirstInvalid();
    } finally {
      setSaving(false);
    }
  };

  const fieldLabels: Record<string, string> = {
    kind: t('needOffer.form.kind'),
    actorId: t('needOffer.form.actor'),
    title: t('needOffer.form.title'),
    description: t('needOffer.form.description'),
    resources: t('needOffer.form.resources'),
    themes: t('needOffer.form.themes'),
    communeCodes: t('needOffer.form.communes'),
    modes: t('needOffer.form.modes'),
    deadline: t('needOffer.form.deadline'),
  };
  const errorPaths = Object.keys(errors);
  const ownActorOnly = !staff;

  return (
    <div className="need-offer-form-page narrow">
      <p className="breadcrumb">
        <Link to={existing ? `/besoins-offres/${existing.id}` : '/besoins-offres'}>
          <span aria-hidden="true">← </span>
          {existing ? existing.title : t('needOffer.back')}
        </Link>
      </p>
      <h1>{existing ? t('needOffer.form.editTitle', { title: existing.title }) : t('needOffer.form.newTitle')}</h1>
      <p className="muted">{t('needOffer.form.requiredNote')}</p>

      {errorPaths.length > 0 ? (
        <div className="alert alert-error" role="alert" id="need-offer-errors" tabIndex={-1}>
          <p className="alert-title">{tn('needOffer.form.errorSummary', errorPaths.length)}</p>
          <ul>
            {errorPaths.map((path) => (
              <li key={path}>
                <a href={`#${controlId(path)}`}>{fieldLabels[path] ?? path}</a>
                {fieldLabels[path] ? null : ` : ${messageOf(path) ?? ''}`}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {generalError ? <Alert>{errorText(generalError)}</Alert> : null}

      <form ref={formRef} onSubmit={submit} noValidate className="need-offer-form">
        <fieldset
          className={`checkbox-group need-offer-kind${errors.kind ? ' field-invalid' : ''}`}
          id={controlId('kind')}
          aria-describedby={errors.kind ? errorId(controlId('kind')) : undefined}
        >
          <legend>
            {t('needOffer.form.kind')}{' '}
            <span className="required" aria-hidden="true">
              *
            </span>
          </legend>
          <ul className="checkbox-options inline-options">
            {needOfferKinds.map((k) => (
              <li key={k}>
                <input
                  type="radio"
                  name="need-offer-kind"
                  id={`${controlId('kind')}-${k}`}
                  checked={values.kind === k}
                  aria-invalid={errors.kind ? true : undefined}
                  onChange={() => set({ kind: k }, 'kind')}
                />
                <label htmlFor={`${controlId('kind')}-${k}`}>{t(`needOffer.kind.${k}`)}</label>
              </li>
            ))}
          </ul>
          {errors.kind ? <FieldError id={errorId(controlId('kind'))}>{messageOf('kind')}</FieldError> : null}
        </fieldset>

        {ownActorOnly || !creating ? (
          <p className="need-offer-actor" id={controlId('actorId')}>
            <span className="muted">{t('needOffer.form.actor')} : </span>
            <strong>{values.actor.text}</strong>
            {errors.actorId ? <FieldError id={errorId(controlId('actorId'))}>{messageOf('actorId')}</FieldError> : null}
          </p>
        ) : (
          <ActorPicker
            id={controlId('actorId')}
            label={t('needOffer.form.actor')}
            hint={t('needOffer.form.actorHint')}
            required
            value={values.actor}
            onChange={(actor) => set({ actor }, 'actorId')}
            error={messageOf('actorId')}
          />
        )}

        <Field
          id={controlId('title')}
          label={t('needOffer.form.title')}
          hint={t('needOffer.form.titleHint')}
          required
          error={messageOf('title')}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="off"
              maxLength={200}
              value={values.title}
              onChange={(e) => set({ title: e.target.value }, 'title')}
            />
          )}
        </Field>

        <Field id={controlId('description')} label={t('needOffer.form.description')} error={messageOf('description')}>
          {(control) => (
            <textarea
              {...control}
              rows={6}
              value={values.description}
              onChange={(e) => set({ description: e.target.value }, 'description')}
            />
          )}
        </Field>

        <CheckboxGroup
          id={controlId('resources')}
          legend={t('needOffer.form.resources')}
          required
          error={messageOf('resources')}
          options={resourceTypes.map((r) => ({ value: r, label: t(`needOffer.resource.${r}`) }))}
          selected={values.resources}
          onChange={(resources) => set({ resources }, 'resources')}
        />

        <CheckboxGroup
          id={controlId('themes')}
          legend={t('needOffer.form.themes')}
          error={messageOf('themes')}
          options={(ref.data?.themes ?? []).map((th) => ({ value: th.id, label: ref.themeLabel(th.id) }))}
          selected={values.themes}
          onChange={(themes) => set({ themes }, 'themes')}
        />

        <fieldset
          className={`checkbox-group${errors.communeCodes ? ' field-invalid' : ''}`}
          id={controlId('communeCodes')}
        >
          <legend>{t('needOffer.form.communes')}</legend>
          {values.communes.length > 0 ? (
            <ul className="chips need-offer-communes">
              {values.communes.map((c) => (
                <li key={c.code}>
                  <span className="chip">
                    {c.name}{' '}
                    <button
                      type="button"
                      className="link-button chip-remove"
                      aria-label={t('needOffer.form.removeCommune', { name: c.name })}
                      onClick={() =>
                        set({ communes: values.communes.filter((x) => x.code !== c.code) }, 'communeCodes')
                      }
                    >
                      ×
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          <CommuneField
            id={controlId('commune')}
            value={commune}
            onChange={(choice) => {
              if (choice.code) {
                const code = choice.code;
                if (!values.communes.some((c) => c.code === code)) {
                  set({ communes: [...values.communes, { code, name: choice.text }] }, 'communeCodes');
                }
                setCommune({ code: null, text: '' });
              } else {
                setCommune(choice);
              }
            }}
            error={messageOf('communeCodes')}
          />
        </fieldset>

        <CheckboxGroup
          id={controlId('modes')}
          legend={t('needOffer.form.modes')}
          error={messageOf('modes')}
          options={partnershipModes.map((m) => ({ value: m, label: t(`mode.${m}`) }))}
          selected={values.modes}
          onChange={(modes) => set({ modes }, 'modes')}
        />

        <Field
          id={controlId('deadline')}
          label={t('needOffer.form.deadline')}
          hint={t('needOffer.form.deadlineHint')}
          error={messageOf('deadline')}
          className="need-offer-deadline"
        >
          {(control) => (
            <input
              {...control}
              type="date"
              value={values.deadline}
              onChange={(e) => set({ deadline: e.target.value }, 'deadline')}
            />
          )}
        </Field>

        <div className="form-actions">
          <button type="submit" className="button" disabled={saving}>
            {existing ? t('needOffer.form.save') : t('needOffer.form.create')}
          </button>
          <Link
            className="button button-secondary"
            to={existing ? `/besoins-offres/${existing.id}` : '/besoins-offres'}
          >
            {t('needOffer.form.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
