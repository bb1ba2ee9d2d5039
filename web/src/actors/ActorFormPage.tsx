import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { fieldMessage } from '../../../src/http/messages';
import {
  actorFieldNames,
  createActor,
  getActor,
  type RestrictableField,
  updateActor,
  type Visibility,
  visibilityLevels,
} from '../../../src/modules/actors/contract';
import {
  type ActorFamily,
  actorFamilies,
  companySizes,
  companyStatuses,
  subtypesByFamily,
} from '../../../src/modules/reference/families';
import { type ApiError, asApiError, callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { useReference } from '../reference/reference';
import { CheckboxGroup } from '../ui/CheckboxGroup';
import { CommuneField } from '../ui/CommuneField';
import { Field, labelId } from '../ui/Field';
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
  type ActorFormValues,
  actorToForm,
  controlId,
  emptyActorForm,
  type FieldIssue,
  formToInput,
  newPersonKey,
  normaliseWebsite,
  type PersonValues,
  validateActor,
} from './actorForm';
import { useFieldLabel } from './labels';
import './actors.css';

/** `/acteurs/nouveau` and `/acteurs/:id/modifier`. */
export function ActorFormPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const existing = useApiQuery(getActor, { params: { id: id ?? '' } }, { enabled: Boolean(id) });
  const ref = useReference();
  usePageTitle(id ? t('actorForm.editTitle', { name: existing.data?.name ?? '' }) : t('actorForm.newTitle'));
  if (!ref.data && !ref.failed) return <Loading />;
  if (id) {
    if (existing.error) return <ApiErrorAlert error={existing.error} />;
    if (!existing.data) return <Loading />;
    if (!existing.data.canEdit) return <Alert>{t('error.forbidden')}</Alert>;
    return <ActorForm key={existing.data.id} actorId={existing.data.id} initial={actorToForm(existing.data)} />;
  }
  return <ActorForm initial={emptyActorForm()} />;
}

function ActorForm({ actorId, initial }: { actorId?: string; initial: ActorFormValues }) {
  const { t, tn, locale } = useI18n();
  const ref = useReference();
  const fieldLabel = useFieldLabel();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(initial);
  const [clientErrors, setClientErrors] = useState<Record<string, FieldIssue>>({});
  const [serverErrors, setServerErrors] = useState<Record<string, ServerIssue>>({});
  const [generalError, setGeneralError] = useState<ApiError | null>(null);
  const [summary, setSummary] = useState(false);
  const [saving, setSaving] = useState(false);
  const valuesRef = useRef(values);
  valuesRef.current = values;

  // After a failed submit, the first invalid field takes the focus.
  const focusFirstInvalid = useFocusFirstInvalid(formRef, 'form-errors');

  const messageOf = (path: string): string | undefined => {
    const client = clientErrors[path];
    if (client) return fieldMessage(client.code, locale, client.vars);
    const server = serverErrors[path];
    if (!server) return undefined;
    return serverIssueText(server, locale);
  };

  // A blur caused by pressing a button (Enregistrer, Ajouter…) does not validate: a message appearing then would move
  // the button under the pointer and the click would be lost. Submitting validates everything anyway.
  const pressingButton = useRef(false);
  const onPointerDownCapture = (e: React.PointerEvent) => {
    if ((e.target as Element).closest('button')) pressingButton.current = true;
  };
  const onPointerUpCapture = () => {
    setTimeout(() => {
      pressingButton.current = false;
    });
  };

  /** Validates a field when it loses the focus; fields already in error are re-checked too (to clear them). */
  const checkField = (path: string, current = valuesRef.current) => {
    if (pressingButton.current) return;
    const all = validateActor(current);
    setClientErrors((previous) => {
      const next: Record<string, FieldIssue> = {};
      for (const key of Object.keys(previous)) {
        const issue = all[key];
        if (issue) next[key] = issue;
      }
      const issue = all[path];
      if (issue) next[path] = issue;
      return next;
    });
  };

  /** Updates values; an error shown on the field goes away as soon as the value becomes valid. */
  const set = (patch: Partial<ActorFormValues>, paths: string[] = Object.keys(patch)) => {
    const next = { ...valuesRef.current, ...patch };
    valuesRef.current = next;
    setValues(next);
    setServerErrors((previous) => {
      if (!paths.some((p) => previous[p])) return previous;
      const copy = { ...previous };
      for (const p of paths) delete copy[p];
      return copy;
    });
    if (paths.some((p) => clientErrors[p])) {
      const all = validateActor(next);
      setClientErrors((previous) => {
        const copy = { ...previous };
        for (const p of paths) {
          const issue = all[p];
          if (!copy[p]) continue;
          if (issue) copy[p] = issue;
          else delete copy[p];
        }
        return copy;
      });
    }
  };

  const changeFamily = (family: ActorFamily | '') => {
    const keep = (ids: string[]) => ids.filter((i) => ref.item(i)?.family === family);
    const subtypes: readonly string[] = family ? subtypesByFamily[family] : [];
    set(
      {
        family,
        subtype: subtypes.includes(values.subtype) ? values.subtype : '',
        contributions: keep(values.contributions),
        benefits: keep(values.benefits),
      },
      ['family', 'subtype', 'companySize', 'companyStatus', 'rna', 'contributions', 'benefits'],
    );
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setGeneralError(null);
    const issues = validateActor(values);
    setClientErrors(issues);
    setServerErrors({});
    if (Object.keys(issues).length > 0) {
      setSummary(true);
      focusFirstInvalid();
      return;
    }
    setSaving(true);
    try {
      const body = formToInput(values);
      const saved = actorId
        ? await callApi(updateActor, { params: { id: actorId }, body })
        : await callApi(createActor, { body });
      navigate(`/acteurs/${saved.id}`, { replace: true });
    } catch (error) {
      const apiError = asApiError(error);
      if (apiError.errors.length > 0) {
        setServerErrors(issuesByField(apiError));
        setSummary(true);
      } else {
        setGeneralError(apiError);
      }
      focusFirstInvalid();
    } finally {
      setSaving(false);
    }
  };

  // Field wiring shared by the text inputs.
  const field = (path: keyof ActorFormValues & string) => ({
    error: messageOf(path),
  });
  const text = (
    path: 'name' | 'rna' | 'siren' | 'siret' | 'address' | 'postalCode' | 'website' | 'email' | 'phone',
    options: {
      label: string;
      hint?: string;
      required?: boolean;
      type?: string;
      autoComplete?: string;
      inputMode?: React.HTMLAttributes<HTMLInputElement>['inputMode'];
      visibility?: RestrictableField;
      className?: string;
      onBlurValue?: (v: string) => string;
    },
  ) => (
    <Field
      id={controlId(path)}
      label={options.label}
      hint={options.hint}
      required={options.required}
      className={options.className}
      {...field(path)}
      aside={
        options.visibility ? (
          <VisibilitySelect
            field={options.visibility}
            describedBy={labelId(controlId(path))}
            value={values.fieldVisibility[options.visibility]}
            onChange={(v) => set({ fieldVisibility: { ...values.fieldVisibility, [options.visibility as string]: v } })}
          />
        ) : undefined
      }
    >
      {(control) => (
        <input
          {...control}
          type={options.type ?? 'text'}
          autoComplete={options.autoComplete ?? 'off'}
          inputMode={options.inputMode}
          value={values[path]}
          onChange={(e) => set({ [path]: e.target.value })}
          onBlur={(e) => {
            if (options.onBlurValue) {
              const fixed = options.onBlurValue(e.target.value);
              if (fixed !== e.target.value) {
                const next = { ...valuesRef.current, [path]: fixed };
                set({ [path]: fixed });
                checkField(path, next);
                return;
              }
            }
            checkField(path);
          }}
        />
      )}
    </Field>
  );

  const family = values.family || null;
  const subtypes: readonly string[] = family ? subtypesByFamily[family] : [];
  const errorPaths = [...new Set([...Object.keys(clientErrors), ...Object.keys(serverErrors)])];
  const shownPaths = new Set<string>();
  const placed = (path: string) => {
    shownPaths.add(path);
    return path;
  };
  // Paths that have a control on the page; other errors are listed in the summary only.
  for (const p of actorFieldNames) if (p !== 'fieldVisibility') placed(p);
  values.people.forEach((_, i) => {
    for (const f of ['name', 'role', 'email', 'phone', 'visibility']) placed(`people.${i}.${f}`);
  });
  const unplaced = errorPaths.filter((p) => !shownPaths.has(p));
  const pathLabel = (path: string) => {
    const m = /^people\.(\d+)\.(\w+)$/.exec(path);
    if (m) return `${t('actorForm.person', { n: Number(m[1]) + 1 })} — ${t(`person.${m[2]}`)}`;
    const base = path.split('.')[0] ?? path;
    return base === 'communeCode' ? t('field.commune') : fieldLabel(base);
  };

  return (
    <div className="actor-form-page">
      <p className="breadcrumb">
        <Link to={actorId ? `/acteurs/${actorId}` : '/'}>
          <span aria-hidden="true">← </span>
          {actorId ? t('actorForm.backToActor') : t('actor.backToDirectory')}
        </Link>
      </p>
      <h1>{actorId ? t('actorForm.editTitle', { name: initial.name }) : t('actorForm.newTitle')}</h1>
      <p className="muted">{t('actorForm.requiredNote')}</p>

      {summary && errorPaths.length > 0 ? (
        <div className="alert alert-error" role="alert" id="form-errors" tabIndex={-1}>
          <p className="alert-title">{tn('actorForm.errorSummary', errorPaths.length)}</p>
          <ul>
            {errorPaths.map((path) => (
              <li key={path}>
                {shownPaths.has(path) ? (
                  <a
                    href={`#${controlId(path)}`}
                    onClick={(e) => {
                      const target = document.getElementById(controlId(path));
                      const focusable =
                        target?.matches('input, select, textarea') === true
                          ? target
                          : target?.querySelector<HTMLElement>('input, select, textarea');
                      if (focusable) {
                        e.preventDefault();
                        focusable.focus();
                      }
                    }}
                  >
                    {pathLabel(path)}
                  </a>
                ) : (
                  <span>{pathLabel(path)}</span>
                )}
                {shownPaths.has(path) ? null : ` : ${messageOf(path) ?? ''}`}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {generalError ? <Alert>{errorText(generalError)}</Alert> : null}
      {unplaced.length > 0 && !summary ? <Alert>{unplaced.map(messageOf).join(' ')}</Alert> : null}

      <form
        ref={formRef}
        onSubmit={submit}
        noValidate
        className="actor-form"
        onPointerDownCapture={onPointerDownCapture}
        onPointerUpCapture={onPointerUpCapture}
      >
        <fieldset className="form-section">
          <legend>{t('actorForm.identity')}</legend>
          <div className="grid-2">
            <Field id={controlId('family')} label={t('field.family')} required error={messageOf('family')}>
              {(control) => (
                <select
                  {...control}
                  value={values.family}
                  onChange={(e) => changeFamily(e.target.value as ActorFamily | '')}
                  onBlur={() => checkField('family')}
                >
                  <option value="">{t('actorForm.chooseFamily')}</option>
                  {actorFamilies.map((f) => (
                    <option key={f} value={f}>
                      {t(`family.${f}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {subtypes.length > 0 ? (
              <Field id={controlId('subtype')} label={t('field.subtype')} error={messageOf('subtype')}>
                {(control) => (
                  <select
                    {...control}
                    value={values.subtype}
                    onChange={(e) => set({ subtype: e.target.value })}
                    onBlur={() => checkField('subtype')}
                  >
                    <option value="">{t('actorForm.unspecified')}</option>
                    {subtypes.map((s) => (
                      <option key={s} value={s}>
                        {t(`subtype.${s}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ) : null}
            {family === 'company' ? (
              <>
                <Field id={controlId('companySize')} label={t('field.companySize')} error={messageOf('companySize')}>
                  {(control) => (
                    <select
                      {...control}
                      value={values.companySize}
                      onChange={(e) => set({ companySize: e.target.value })}
                      onBlur={() => checkField('companySize')}
                    >
                      <option value="">{t('actorForm.unspecified')}</option>
                      {companySizes.map((s) => (
                        <option key={s} value={s}>
                          {t(`companySize.${s}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field
                  id={controlId('companyStatus')}
                  label={t('field.companyStatus')}
                  error={messageOf('companyStatus')}
                >
                  {(control) => (
                    <select
                      {...control}
                      value={values.companyStatus}
                      onChange={(e) => set({ companyStatus: e.target.value })}
                      onBlur={() => checkField('companyStatus')}
                    >
                      <option value="">{t('actorForm.unspecified')}</option>
                      {companyStatuses.map((s) => (
                        <option key={s} value={s}>
                          {t(`companyStatus.${s}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              </>
            ) : null}
          </div>
          {text('name', { label: t('field.name'), required: true, autoComplete: 'organization' })}
          <Field
            id={controlId('description')}
            label={t('field.description')}
            hint={t('actorForm.descriptionHint')}
            error={messageOf('description')}
          >
            {(control) => (
              <textarea
                {...control}
                rows={6}
                value={values.description}
                onChange={(e) => set({ description: e.target.value })}
                onBlur={() => checkField('description')}
              />
            )}
          </Field>
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('actorForm.location')}</legend>
          <p className="hint">{t('actorForm.visibilityHint')}</p>
          {text('address', {
            label: t('field.address'),
            autoComplete: 'street-address',
            visibility: 'address',
          })}
          <div className="grid-2 grid-postal">
            {text('postalCode', {
              label: t('field.postalCode'),
              autoComplete: 'postal-code',
              inputMode: 'numeric',
            })}
            <CommuneField
              id={controlId('communeCode')}
              value={values.commune}
              error={messageOf('communeCode')}
              onChange={(commune, found) => {
                const patch: Partial<ActorFormValues> = { commune };
                if (found && !values.postalCode && found.postalCodes.length === 1) {
                  patch.postalCode = found.postalCodes[0] ?? '';
                }
                set(patch, ['communeCode', 'postalCode']);
                if (found) ref.rememberCommune(found.code, found.name);
              }}
              onBlur={() => checkField('communeCode')}
            />
          </div>
          {text('website', {
            label: t('field.website'),
            hint: t('actorForm.websiteHint'),
            type: 'url',
            autoComplete: 'url',
            visibility: 'website',
            onBlurValue: normaliseWebsite,
          })}
          <div className="grid-2">
            {text('email', { label: t('field.email'), type: 'email', autoComplete: 'email', visibility: 'email' })}
            {text('phone', { label: t('field.phone'), type: 'tel', autoComplete: 'tel', visibility: 'phone' })}
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('actorForm.identifiers')}</legend>
          <div className={family === 'association' ? 'grid-3' : 'grid-2'}>
            {family === 'association'
              ? text('rna', {
                  label: t('field.rna'),
                  hint: t('actorForm.rnaHint'),
                  visibility: 'rna',
                  className: 'mono-input',
                })
              : null}
            {text('siren', {
              label: t('field.siren'),
              hint: t('actorForm.sirenHint'),
              inputMode: 'numeric',
              visibility: 'siren',
              className: 'mono-input',
            })}
            {text('siret', {
              label: t('field.siret'),
              hint: t('actorForm.siretHint'),
              inputMode: 'numeric',
              visibility: 'siret',
              className: 'mono-input',
            })}
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('actorForm.themes')}</legend>
          <CheckboxGroup
            id={controlId('themes')}
            legend={t('field.themes')}
            error={messageOf('themes')}
            options={(ref.data?.themes ?? []).map((th) => ({ value: th.id, label: ref.themeLabel(th.id) }))}
            selected={values.themes}
            onChange={(themes) => set({ themes })}
          />
          <CheckboxGroup
            id={controlId('sdgs')}
            legend={t('field.sdgs')}
            error={messageOf('sdgs')}
            className="sdg-options"
            options={(ref.data?.sdgs ?? []).map((s) => ({
              value: String(s.number),
              label: ref.sdgLabel(s.number),
              swatch: { colour: s.color, text: String(s.number) },
            }))}
            selected={values.sdgs.map(String)}
            onChange={(sdgs) => set({ sdgs: sdgs.map(Number).sort((a, b) => a - b) })}
          />
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('actorForm.exchange')}</legend>
          {family ? null : <p className="hint">{t('actorForm.chooseFamilyFirst')}</p>}
          <div className="grid-2">
            <div>
              <CheckboxGroup
                id={controlId('contributions')}
                legend={t('field.contributions')}
                error={messageOf('contributions')}
                options={
                  family
                    ? ref.items(family, 'contribution').map((i) => ({ value: i.id, label: ref.itemLabel(i.id) }))
                    : []
                }
                selected={values.contributions}
                onChange={(contributions) => set({ contributions })}
              />
              <Field
                id={controlId('contributionsText')}
                label={t('field.contributionsText')}
                error={messageOf('contributionsText')}
              >
                {(control) => (
                  <textarea
                    {...control}
                    rows={3}
                    value={values.contributionsText}
                    onChange={(e) => set({ contributionsText: e.target.value })}
                    onBlur={() => checkField('contributionsText')}
                  />
                )}
              </Field>
            </div>
            <div>
              <CheckboxGroup
                id={controlId('benefits')}
                legend={t('field.benefits')}
                error={messageOf('benefits')}
                options={
                  family ? ref.items(family, 'benefit').map((i) => ({ value: i.id, label: ref.itemLabel(i.id) })) : []
                }
                selected={values.benefits}
                onChange={(benefits) => set({ benefits })}
              />
              <Field id={controlId('benefitsText')} label={t('field.benefitsText')} error={messageOf('benefitsText')}>
                {(control) => (
                  <textarea
                    {...control}
                    rows={3}
                    value={values.benefitsText}
                    onChange={(e) => set({ benefitsText: e.target.value })}
                    onBlur={() => checkField('benefitsText')}
                  />
                )}
              </Field>
            </div>
          </div>
        </fieldset>

        <PeopleEditor
          people={values.people}
          messageOf={messageOf}
          onChange={(people, paths) => set({ people }, paths)}
          onBlurField={(path) => checkField(path)}
        />

        <div className="form-actions">
          <button type="submit" className="button" disabled={saving}>
            {t('actorForm.save')}
          </button>
          <Link className="button button-secondary" to={actorId ? `/acteurs/${actorId}` : '/'}>
            {t('common.cancel')}
          </Link>
          {saving ? (
            <span role="status" className="muted">
              {t('actorForm.saving')}
            </span>
          ) : null}
        </div>
      </form>
    </div>
  );
}

/**
 * Who may see a field. Named "Visible par" and described by the field's label (its name does not repeat the field's
 * label, so that looking a field up by its label finds the field alone).
 */
function VisibilitySelect({
  field,
  value,
  onChange,
  describedBy,
}: {
  field: RestrictableField;
  value: Visibility;
  onChange(v: Visibility): void;
  describedBy: string;
}) {
  const { t } = useI18n();
  const id = `visibility-${field}`;
  return (
    <span className="visibility-select">
      <label htmlFor={id}>{t('actorForm.visibleBy')}</label>
      <select
        id={id}
        value={value}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value as Visibility)}
      >
        {visibilityLevels.map((v) => (
          <option key={v} value={v}>
            {t(`visibility.${v}`)}
          </option>
        ))}
      </select>
    </span>
  );
}

function PeopleEditor({
  people,
  onChange,
  messageOf,
  onBlurField,
}: {
  people: PersonValues[];
  onChange(people: PersonValues[], paths: string[]): void;
  messageOf(path: string): string | undefined;
  onBlurField(path: string): void;
}) {
  const { t } = useI18n();
  const addRef = useRef<HTMLButtonElement>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  useEffect(() => {
    if (!focusKey) return;
    const index = people.findIndex((p) => p.key === focusKey);
    if (index >= 0) document.getElementById(controlId(`people.${index}.name`))?.focus();
    setFocusKey(null);
  }, [focusKey, people]);

  const update = (index: number, patch: Partial<PersonValues>) => {
    const next = people.map((p, i) => (i === index ? { ...p, ...patch } : p));
    onChange(
      next,
      Object.keys(patch).map((k) => `people.${index}.${k}`),
    );
  };
  const personField = (
    index: number,
    person: PersonValues,
    key: 'name' | 'role' | 'email' | 'phone',
    type = 'text',
  ) => {
    const path = `people.${index}.${key}`;
    return (
      <Field id={controlId(path)} label={t(`person.${key}`)} required={key === 'name'} error={messageOf(path)}>
        {(control) => (
          <input
            {...control}
            type={type}
            autoComplete="off"
            value={person[key]}
            onChange={(e) => update(index, { [key]: e.target.value })}
            onBlur={() => onBlurField(path)}
          />
        )}
      </Field>
    );
  };
  return (
    <fieldset className="form-section">
      <legend>{t('actorForm.people')}</legend>
      <p className="hint">{t('actorForm.peopleHint')}</p>
      {people.length === 0 ? <p className="muted">{t('actorForm.noPeople')}</p> : null}
      <ol className="people-editor">
        {people.map((person, index) => {
          const visibilityPath = `people.${index}.visibility`;
          return (
            <li key={person.key}>
              <fieldset className="person-card">
                <legend>{t('actorForm.person', { n: index + 1 })}</legend>
                <div className="grid-2">
                  {personField(index, person, 'name')}
                  {personField(index, person, 'role')}
                  {personField(index, person, 'email', 'email')}
                  {personField(index, person, 'phone', 'tel')}
                  <Field
                    id={controlId(visibilityPath)}
                    label={t('person.visibility')}
                    error={messageOf(visibilityPath)}
                  >
                    {(control) => (
                      <select
                        {...control}
                        value={person.visibility}
                        onChange={(e) => update(index, { visibility: e.target.value as Visibility })}
                      >
                        {visibilityLevels.map((v) => (
                          <option key={v} value={v}>
                            {t(`visibility.${v}`)}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                </div>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => {
                    onChange(
                      people.filter((_, i) => i !== index),
                      people.flatMap((_, i) =>
                        ['name', 'role', 'email', 'phone', 'visibility'].map((f) => `people.${i}.${f}`),
                      ),
                    );
                    addRef.current?.focus();
                  }}
                >
                  {t('actorForm.removePerson', { n: index + 1 })}
                </button>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button
        ref={addRef}
        type="button"
        className="button button-secondary"
        onClick={() => {
          const key = newPersonKey();
          onChange([...people, { key, name: '', role: '', email: '', phone: '', visibility: 'members' }], []);
          setFocusKey(key);
        }}
      >
        {t('actorForm.addPerson')}
      </button>
    </fieldset>
  );
}
