import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { fieldMessage } from '../../../src/http/messages';
import {
  type AllianceDetail,
  allianceFields,
  allianceInput,
  createAlliance,
  getAlliance,
  updateAlliance,
} from '../../../src/modules/alliances/contract';
import { allianceStatuses } from '../../../src/modules/alliances/vocabulary';
import { type ApiError, asApiError, callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { useReference } from '../reference/reference';
import { type ActorChoice, ActorPicker } from '../ui/ActorPicker';
import { Field } from '../ui/Field';
import { Alert, ApiErrorAlert, fieldTexts, Loading, useErrorText } from '../ui/feedback';
import { useFocusFirstInvalid } from '../ui/useFocusFirstInvalid';
import { usePageTitle } from '../ui/usePageTitle';
import './alliances.css';

interface MemberRow {
  key: number;
  actor: ActorChoice;
  role: string;
}

interface Values {
  name: string;
  challenge: string;
  objective: string;
  description: string;
  status: (typeof allianceStatuses)[number];
  themes: string[];
  communeCodes: string[];
  startsOn: string;
  members: MemberRow[];
}

const controlId = (path: string) => `alliance-${path.replaceAll('.', '-')}`;

function initialValues(a?: AllianceDetail): Values {
  return {
    name: a?.name ?? '',
    challenge: a?.challenge ?? '',
    objective: a?.objective ?? '',
    description: a?.description ?? '',
    status: a?.status ?? 'forming',
    themes: a?.themes ?? [],
    communeCodes: a?.communes.map((c) => c.code) ?? [],
    startsOn: a?.startsOn ?? '',
    members: [0, 1, 2].map((key) => ({ key, actor: { id: null, text: '' }, role: '' })),
  };
}

export function AllianceFormPage() {
  const { id } = useParams();
  const alliance = useApiQuery(getAlliance, { params: { id: id ?? '' } }, { enabled: Boolean(id) });
  if (id && alliance.error) return <ApiErrorAlert error={alliance.error} />;
  if (id && !alliance.data) return <Loading />;
  return <AllianceForm key={alliance.data?.id ?? 'new'} alliance={alliance.data} />;
}

function AllianceForm({ alliance }: { alliance: AllianceDetail | undefined }) {
  const { t, locale } = useI18n();
  const ref = useReference();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const formRef = useRef<HTMLFormElement>(null);
  const focusInvalid = useFocusFirstInvalid(formRef);
  const [values, setValues] = useState<Values>(() => initialValues(alliance));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const nextKey = useRef(3);
  const editing = alliance !== undefined;
  usePageTitle(editing ? t('allianceForm.editTitle', { name: alliance.name }) : t('allianceForm.newTitle'));

  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));
  const body = () => ({
    name: values.name,
    challenge: values.challenge,
    objective: values.objective,
    description: values.description,
    status: values.status,
    themes: values.themes,
    communeCodes: values.communeCodes,
    startsOn: values.startsOn || null,
    members: values.members
      .filter((m) => m.actor.id !== null)
      .map((m) => ({ actorId: m.actor.id as string, role: m.role })),
  });

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setGeneral(null);
    const data = body();
    const parsed = editing ? allianceFields.safeParse(data) : allianceInput.safeParse(data);
    const found: Record<string, string> = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join('.') || 'form';
        found[path] ??= fieldMessage(issue.message, locale, issue as unknown as Record<string, unknown>);
      }
    }
    values.members.forEach((m, i) => {
      if (!editing && m.actor.id === null && m.actor.text.trim() !== '') {
        found[`members.${i}.actorId`] = fieldMessage('unknownActor', locale);
      }
    });
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusInvalid();
      return;
    }
    setSaving(true);
    try {
      const saved = alliance
        ? await callApi(updateAlliance, { params: { id: alliance.id }, body: data })
        : await callApi(createAlliance, { body: data });
      navigate(`/alliances/${saved.id}`, { replace: true });
    } catch (error) {
      const apiError = asApiError(error);
      if (apiError.errors.length) {
        setErrors(fieldTexts(apiError, locale));
        focusInvalid();
      } else setGeneral(apiError);
    } finally {
      setSaving(false);
    }
  };

  const textField = (path: 'name' | 'challenge' | 'objective' | 'description', multiline: boolean, hint?: string) => (
    <Field
      id={controlId(path)}
      label={t(`allianceForm.${path}`)}
      hint={hint}
      required={path === 'name'}
      error={errors[path]}
    >
      {(control) =>
        multiline ? (
          <textarea {...control} rows={3} value={values[path]} onChange={(e) => set({ [path]: e.target.value })} />
        ) : (
          <input {...control} type="text" value={values[path]} onChange={(e) => set({ [path]: e.target.value })} />
        )
      }
    </Field>
  );

  const toggle = (list: string[], value: string) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  const communes = ref.data?.territories.flatMap((tr) => tr.communes) ?? [];
  const membersError = errors.members;
  // The "three actors" error goes on the first member left empty, so that the focus lands there.
  const firstEmpty = values.members.findIndex((m) => m.actor.id === null);

  return (
    <div className="alliance-form-page narrow">
      <p className="breadcrumb">
        <Link to={alliance ? `/alliances/${alliance.id}` : '/alliances'}>
          <span aria-hidden="true">← </span>
          {alliance ? alliance.name : t('alliance.back')}
        </Link>
      </p>
      <h1>{alliance ? t('allianceForm.editTitle', { name: alliance.name }) : t('allianceForm.newTitle')}</h1>
      {Object.keys(errors).length ? <Alert>{t('allianceForm.errors')}</Alert> : null}
      {general ? <Alert>{errorText(general)}</Alert> : null}
      <form ref={formRef} onSubmit={submit} noValidate>
        {textField('name', false)}
        {textField('challenge', true, t('allianceForm.challengeHint'))}
        {textField('objective', true)}
        {textField('description', true)}
        <Field id={controlId('status')} label={t('allianceForm.status')} error={errors.status}>
          {(control) => (
            <select
              {...control}
              value={values.status}
              onChange={(e) => set({ status: e.target.value as Values['status'] })}
            >
              {allianceStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`alliance.status.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={controlId('startsOn')} label={t('allianceForm.startsOn')} error={errors.startsOn}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={values.startsOn}
              onChange={(e) => set({ startsOn: e.target.value })}
            />
          )}
        </Field>
        <fieldset className="alliance-checks">
          <legend>{t('allianceForm.themes')}</legend>
          {(ref.data?.themes ?? []).map((th) => (
            <label key={th.id}>
              <input
                type="checkbox"
                checked={values.themes.includes(th.id)}
                onChange={() => set({ themes: toggle(values.themes, th.id) })}
              />{' '}
              {ref.themeLabel(th.id)}
            </label>
          ))}
        </fieldset>
        <fieldset className="alliance-checks alliance-checks-scroll">
          <legend>{t('allianceForm.commune')}</legend>
          {communes.map((c) => (
            <label key={c.code}>
              <input
                type="checkbox"
                checked={values.communeCodes.includes(c.code)}
                onChange={() => set({ communeCodes: toggle(values.communeCodes, c.code) })}
              />{' '}
              {c.name}
            </label>
          ))}
        </fieldset>
        {editing ? (
          <p className="muted">{t('allianceForm.membersLater')}</p>
        ) : (
          <fieldset
            className={`alliance-members-field${membersError ? ' field-invalid' : ''}`}
            aria-describedby={membersError && firstEmpty === -1 ? 'alliance-members-error' : undefined}
          >
            <legend>{t('allianceForm.members')}</legend>
            {membersError && firstEmpty === -1 ? (
              <p className="field-error" id="alliance-members-error">
                <span aria-hidden="true">⚠ </span>
                {membersError}
              </p>
            ) : null}
            {values.members.map((m, i) => (
              <div key={m.key} className="alliance-member-row">
                <ActorPicker
                  id={controlId(`members.${i}.actorId`)}
                  label={t('allianceForm.member', { n: i + 1 })}
                  value={m.actor}
                  error={
                    errors[`members.${i}.actorId`] ?? (membersError && i === firstEmpty ? membersError : undefined)
                  }
                  onChange={(actor) =>
                    set({ members: values.members.map((x) => (x.key === m.key ? { ...x, actor } : x)) })
                  }
                />
                <Field id={controlId(`members.${i}.role`)} label={t('allianceForm.memberRole', { n: i + 1 })}>
                  {(control) => (
                    <input
                      {...control}
                      type="text"
                      value={m.role}
                      onChange={(e) =>
                        set({
                          members: values.members.map((x) => (x.key === m.key ? { ...x, role: e.target.value } : x)),
                        })
                      }
                    />
                  )}
                </Field>
                {values.members.length > 3 ? (
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => set({ members: values.members.filter((x) => x.key !== m.key) })}
                  >
                    {t('allianceForm.removeMember', { n: i + 1 })}
                  </button>
                ) : null}
              </div>
            ))}
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                const key = nextKey.current++;
                set({ members: [...values.members, { key, actor: { id: null, text: '' }, role: '' }] });
              }}
            >
              {t('allianceForm.addMember')}
            </button>
          </fieldset>
        )}
        <div className="form-actions">
          <button type="submit" className="button" disabled={saving}>
            {editing ? t('allianceForm.save') : t('allianceForm.create')}
          </button>
          <Link to={alliance ? `/alliances/${alliance.id}` : '/alliances'}>{t('allianceForm.cancel')}</Link>
        </div>
      </form>
    </div>
  );
}
