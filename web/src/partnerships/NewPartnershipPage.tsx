import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { fieldMessage } from '../../../src/http/messages';
import { createPartnership, draftFromNeed, partnershipInput } from '../../../src/modules/partnerships/contract';
import { type PartnershipMode, partnershipModes } from '../../../src/modules/partnerships/vocabulary';
import { asApiError, callApi, fieldErrorsOf } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { useReference } from '../reference/reference';
import { type ActorChoice, ActorPicker } from '../ui/ActorPicker';
import { Field } from '../ui/Field';
import { Alert, ApiErrorAlert, useErrorText } from '../ui/feedback';
import { useFocusFirstInvalid } from '../ui/useFocusFirstInvalid';
import { usePageTitle } from '../ui/usePageTitle';
import { uuidPattern } from './parts';

interface PartnerRow {
  key: number;
  actor: ActorChoice;
  role: string;
  expectations: string;
}

let nextKey = 1;
const emptyPartner = (): PartnerRow => ({ key: nextKey++, actor: { id: null, text: '' }, role: '', expectations: '' });

/** Opens a partnership; `?besoin=<id>` prefills it from a need or offer (its actor first, its themes and mode). */
export function NewPartnershipPage() {
  const { t, locale } = useI18n();
  const ref = useReference();
  const navigate = useNavigate();
  const errorText = useErrorText();
  usePageTitle(t('partnership.form.title'));
  const [params] = useSearchParams();
  const needId = params.get('besoin');
  const validNeed = needId !== null && uuidPattern.test(needId);
  const draft = useApiQuery(draftFromNeed, { params: { needOfferId: needId ?? '' } }, { enabled: validNeed });

  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [mode, setMode] = useState<PartnershipMode>('support');
  const [partners, setPartners] = useState<PartnerRow[]>(() => [emptyPartner(), emptyPartner()]);
  const [themes, setThemes] = useState<string[]>([]);
  const [communeCodes, setCommuneCodes] = useState<string[]>([]);
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [renewalOn, setRenewalOn] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusInvalid = useFocusFirstInvalid(formRef);

  useEffect(() => {
    const d = draft.data;
    if (!d) return;
    setTitle(d.title);
    setSummary(d.summary);
    setMode(d.mode);
    setThemes(d.themes);
    setCommuneCodes(d.communeCodes);
    setPartners([
      ...d.partners.map((p) => ({
        key: nextKey++,
        actor: { id: p.actorId, text: p.name },
        role: p.role,
        expectations: p.expectations,
      })),
      emptyPartner(),
    ]);
  }, [draft.data]);

  const updatePartner = (key: number, patch: Partial<PartnerRow>) =>
    setPartners((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const body = {
      title,
      summary,
      mode,
      partners: partners.map((p) => ({ actorId: p.actor.id ?? '', role: p.role, expectations: p.expectations })),
      themes,
      communeCodes,
      startsOn,
      endsOn,
      renewalOn,
      needOfferId: draft.data?.needOfferId ?? null,
    };
    const checked = partnershipInput.safeParse(body);
    if (!checked.success) {
      const found: Record<string, string> = {};
      for (const issue of checked.error.issues) {
        const field = issue.path.join('.');
        found[field] ??= fieldMessage(issue.message, locale, issue as unknown as Record<string, unknown>);
      }
      setErrors(found);
      focusInvalid();
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const created = await callApi(createPartnership, { body });
      navigate(`/partenariats/${created.id}`);
    } catch (error) {
      const apiError = asApiError(error);
      const fields = fieldErrorsOf(apiError, locale);
      if (Object.keys(fields).length) {
        setErrors(fields);
        focusInvalid();
      }
      setFailure(errorText(apiError));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="narrow partnership-form-page">
      <p className="breadcrumb">
        <Link to="/partenariats">
          <span aria-hidden="true">← </span>
          {t('partnership.page.back')}
        </Link>
      </p>
      <h1>{t('partnership.form.title')}</h1>
      {draft.error ? <ApiErrorAlert error={draft.error} /> : null}
      {draft.data ? <Alert kind="info">{t('partnership.form.fromNeed', { title: draft.data.needTitle })}</Alert> : null}
      {Object.keys(errors).length ? <Alert>{t('partnership.form.invalid')}</Alert> : null}
      {failure && !Object.keys(errors).length ? <Alert>{failure}</Alert> : null}
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

        <fieldset className="partner-rows" aria-describedby="partners-hint">
          <legend>{t('partnership.form.partners')}</legend>
          <p className="hint" id="partners-hint">
            {t('partnership.form.partnersHint')}
          </p>
          {errors.partners ? (
            <p className="field-error" id="partners-error" role="alert">
              <span aria-hidden="true">⚠ </span>
              {errors.partners}
            </p>
          ) : null}
          {partners.map((row, i) => (
            <div className="partner-row" key={row.key}>
              <ActorPicker
                id={`p-partner-${i}`}
                label={t('partnership.form.partner', { n: i + 1 })}
                value={row.actor}
                onChange={(actor) => updatePartner(row.key, { actor })}
                error={errors[`partners.${i}.actorId`]}
                required
              />
              <Field
                id={`p-role-${i}`}
                label={t('partnership.form.role', { n: i + 1 })}
                error={errors[`partners.${i}.role`]}
              >
                {(control) => (
                  <input
                    {...control}
                    value={row.role}
                    onChange={(e) => updatePartner(row.key, { role: e.target.value })}
                  />
                )}
              </Field>
              <Field
                id={`p-expect-${i}`}
                label={t('partnership.form.expectations', { n: i + 1 })}
                error={errors[`partners.${i}.expectations`]}
              >
                {(control) => (
                  <textarea
                    {...control}
                    rows={2}
                    value={row.expectations}
                    onChange={(e) => updatePartner(row.key, { expectations: e.target.value })}
                  />
                )}
              </Field>
              {partners.length > 2 ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setPartners((rows) => rows.filter((r) => r.key !== row.key))}
                >
                  {t('partnership.form.removePartner', { n: i + 1 })}
                </button>
              ) : null}
            </div>
          ))}
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => setPartners((rows) => [...rows, emptyPartner()])}
          >
            {t('partnership.form.addPartner')}
          </button>
        </fieldset>

        <fieldset className="theme-choices">
          <legend>{t('partnership.form.themes')}</legend>
          <div className="checkbox-grid">
            {(ref.data?.themes ?? []).map((th) => (
              <label key={th.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={themes.includes(th.id)}
                  onChange={(e) =>
                    setThemes((list) => (e.target.checked ? [...list, th.id] : list.filter((x) => x !== th.id)))
                  }
                />
                {ref.themeLabel(th.id)}
              </label>
            ))}
          </div>
        </fieldset>
        {communeCodes.length ? (
          <p>
            <span className="muted">{t('partnership.form.communes')} : </span>
            {communeCodes.map((c) => ref.communeName(c) ?? c).join(', ')}
          </p>
        ) : null}

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
        <div className="form-actions">
          <button type="submit" className="button" disabled={saving}>
            {saving ? t('partnership.form.saving') : t('partnership.form.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
