import { type FormEvent, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { fieldMessage } from '../../../src/http/messages';
import {
  getPartnership,
  type PartnershipDetail,
  partnershipFields,
  updatePartnership,
} from '../../../src/modules/partnerships/contract';
import { type PartnershipMode, partnershipModes } from '../../../src/modules/partnerships/vocabulary';
import { asApiError, callApi, fieldErrorsOf } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { useReference } from '../reference/reference';
import { type CommuneChoice, CommuneField } from '../ui/CommuneField';
import { Field } from '../ui/Field';
import { Alert, ApiErrorAlert, Loading, useErrorText } from '../ui/feedback';
import { useFocusFirstInvalid } from '../ui/useFocusFirstInvalid';
import { usePageTitle } from '../ui/usePageTitle';
import { uuidPattern } from './parts';

/** Errors on a list's items (`themes.3`, `communeCodes.0`) are shown on the list. */
const fieldOf = (path: string) => path.replace(/^(themes|communeCodes)\..*$/, '$1');

/** `/partenariats/:id/modifier`: the partnership's own fields (partners, contributions and benefits are on its page). */
export function EditPartnershipPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const valid = uuidPattern.test(id);
  const detail = useApiQuery(getPartnership, { params: { id } }, { enabled: valid });
  usePageTitle(t('partnership.edit.title', { title: detail.data?.title ?? '' }));
  if (!valid || detail.error?.status === 404 || detail.error?.status === 400) {
    return (
      <div className="narrow">
        <h1>{t('partnership.page.notFound')}</h1>
        <p>
          <Link to="/partenariats">{t('partnership.page.back')}</Link>
        </p>
      </div>
    );
  }
  if (detail.error) return <ApiErrorAlert error={detail.error} />;
  if (!detail.data) return <Loading />;
  if (detail.data.access !== 'edit') {
    return (
      <div className="narrow">
        <h1>{t('partnership.edit.title', { title: detail.data.title })}</h1>
        <Alert>{t('partnership.page.readOnly')}</Alert>
        <p>
          <Link to={`/partenariats/${detail.data.id}`}>
            {t('partnership.edit.backTo', { title: detail.data.title })}
          </Link>
        </p>
      </div>
    );
  }
  return <EditForm key={detail.data.updatedAt} partnership={detail.data} />;
}

function EditForm({ partnership: p }: { partnership: PartnershipDetail }) {
  const { t, locale } = useI18n();
  const ref = useReference();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const [title, setTitle] = useState(p.title);
  const [summary, setSummary] = useState(p.summary);
  const [mode, setMode] = useState<PartnershipMode>(p.mode);
  const [themes, setThemes] = useState<string[]>(p.themes);
  const [communes, setCommunes] = useState(p.communes);
  const [commune, setCommune] = useState<CommuneChoice>({ code: null, text: '' });
  const [startsOn, setStartsOn] = useState(p.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(p.endsOn ?? '');
  const [renewalOn, setRenewalOn] = useState(p.renewalOn ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusInvalid = useFocusFirstInvalid(formRef);
  const back = `/partenariats/${p.id}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const body = {
      title,
      summary,
      mode,
      themes,
      communeCodes: communes.map((c) => c.code),
      startsOn,
      endsOn,
      renewalOn,
      // PUT replaces every field: the links to a project or an alliance are kept as they are.
      projectId: p.project?.id ?? null,
      allianceId: p.alliance?.id ?? null,
    };
    const checked = partnershipFields.safeParse(body);
    if (!checked.success) {
      const found: Record<string, string> = {};
      for (const issue of checked.error.issues) {
        found[fieldOf(issue.path.join('.'))] ??= fieldMessage(
          issue.message,
          locale,
          issue as unknown as Record<string, unknown>,
        );
      }
      setErrors(found);
      focusInvalid();
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await callApi(updatePartnership, { params: { id: p.id }, body });
      navigate(back, { state: { notice: 'saved' } });
    } catch (error) {
      const apiError = asApiError(error);
      const fields = Object.fromEntries(
        Object.entries(fieldErrorsOf(apiError, locale)).map(([k, v]) => [fieldOf(k), v]),
      );
      if (Object.keys(fields).length) {
        setErrors(fields);
        focusInvalid();
      } else {
        setFailure(errorText(apiError));
      }
      setSaving(false);
    }
  };

  return (
    <div className="narrow partnership-form-page">
      <p className="breadcrumb">
        <Link to={back}>
          <span aria-hidden="true">← </span>
          {t('partnership.edit.backTo', { title: p.title })}
        </Link>
      </p>
      <h1>{t('partnership.edit.title', { title: p.title })}</h1>
      {Object.keys(errors).length ? <Alert>{t('partnership.form.invalid')}</Alert> : null}
      {failure ? <Alert>{failure}</Alert> : null}
      <form ref={formRef} className="card" onSubmit={submit} noValidate>
        <Field id="p-title" label={t('partnership.form.titleField')} error={errors.title} required>
          {(control) => <input {...control} value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field
          id="p-summary"
          label={t('partnership.form.summary')}
          hint={t('partnership.form.summaryHint')}
          error={errors.summary}
        >
          {(control) => <textarea {...control} rows={4} value={summary} onChange={(e) => setSummary(e.target.value)} />}
        </Field>
        <Field id="p-mode" label={t('partnership.form.mode')} error={errors.mode} required>
          {(control) => (
            <select {...control} value={mode} onChange={(e) => setMode(e.target.value as PartnershipMode)}>
              {partnershipModes.map((m) => (
                <option key={m} value={m}>
                  {t(`mode.${m}`)}
                </option>
              ))}
            </select>
          )}
        </Field>

        <fieldset
          className={`theme-choices${errors.themes ? ' field-invalid' : ''}`}
          aria-describedby={errors.themes ? 'p-themes-error' : undefined}
        >
          <legend>{t('partnership.form.themes')}</legend>
          <div className="checkbox-grid">
            {(ref.data?.themes ?? []).map((th) => (
              <label key={th.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={themes.includes(th.id)}
                  aria-invalid={errors.themes ? true : undefined}
                  onChange={(e) =>
                    setThemes((list) => (e.target.checked ? [...list, th.id] : list.filter((x) => x !== th.id)))
                  }
                />
                {ref.themeLabel(th.id)}
              </label>
            ))}
          </div>
          {errors.themes ? (
            <p className="field-error" id="p-themes-error">
              <span aria-hidden="true">⚠ </span>
              {errors.themes}
            </p>
          ) : null}
        </fieldset>

        <fieldset className="theme-choices partnership-communes">
          <legend>{t('partnership.form.communes')}</legend>
          {communes.length ? (
            <ul className="chips">
              {communes.map((c) => (
                <li key={c.code}>
                  <span className="chip">
                    {c.name}{' '}
                    <button
                      type="button"
                      className="link-button chip-remove"
                      aria-label={t('partnership.form.removeCommune', { name: c.name })}
                      onClick={() => setCommunes((list) => list.filter((x) => x.code !== c.code))}
                    >
                      ×
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted small">{t('partnership.form.noCommune')}</p>
          )}
          <CommuneField
            id="p-commune"
            value={commune}
            error={errors.communeCodes}
            onChange={(choice) => {
              const code = choice.code;
              if (code) {
                setCommunes((list) =>
                  list.some((c) => c.code === code) ? list : [...list, { code, name: choice.text }],
                );
                setCommune({ code: null, text: '' });
              } else {
                setCommune(choice);
              }
            }}
          />
        </fieldset>

        <div className="grid-3">
          <Field id="p-starts" label={t('partnership.form.startsOn')} error={errors.startsOn}>
            {(control) => (
              <input {...control} type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />
            )}
          </Field>
          <Field id="p-ends" label={t('partnership.form.endsOn')} error={errors.endsOn}>
            {(control) => <input {...control} type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} />}
          </Field>
          <Field id="p-renewal" label={t('partnership.form.renewalOn')} error={errors.renewalOn}>
            {(control) => (
              <input {...control} type="date" value={renewalOn} onChange={(e) => setRenewalOn(e.target.value)} />
            )}
          </Field>
        </div>
        <p className="hint">{t('partnership.edit.partnersElsewhere')}</p>
        <div className="form-actions">
          <button type="submit" className="button" disabled={saving}>
            {saving ? t('partnership.form.saving') : t('partnership.edit.submit')}
          </button>
          <Link className="button button-secondary" to={back}>
            {t('partnership.page.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
