import { type Dispatch, type FormEvent, type SetStateAction, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { createPartnership, draftFromNeed, partnershipInput } from '../../../src/modules/partnerships/contract';
import { asApiError, callApi, fieldErrorsOf } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { useReference } from '../reference/reference';
import { type ActorChoice, ActorPicker } from '../ui/ActorPicker';
import { Field } from '../ui/Field';
import { Alert, ApiErrorAlert, useErrorText } from '../ui/feedback';
import { useFocusFirstInvalid } from '../ui/useFocusFirstInvalid';
import { usePageTitle } from '../ui/usePageTitle';
import { PartnershipFields, type PartnershipFieldValues } from './PartnershipFields';
import { issueErrors, uuidPattern } from './parts';

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

  const [fields, setFields] = useState<PartnershipFieldValues>({
    title: '',
    summary: '',
    mode: 'support',
    themes: [],
    startsOn: '',
    endsOn: '',
    renewalOn: '',
  });
  const [partners, setPartners] = useState<PartnerRow[]>(() => [emptyPartner(), emptyPartner()]);
  const [communeCodes, setCommuneCodes] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusInvalid = useFocusFirstInvalid(formRef);

  useEffect(() => {
    const d = draft.data;
    if (!d) return;
    setFields((f) => ({ ...f, title: d.title, summary: d.summary, mode: d.mode, themes: d.themes }));
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

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const body = {
      ...fields,
      partners: partners.map((p) => ({ actorId: p.actor.id ?? '', role: p.role, expectations: p.expectations })),
      communeCodes,
      needOfferId: draft.data?.needOfferId ?? null,
    };
    const checked = partnershipInput.safeParse(body);
    if (!checked.success) {
      setErrors(issueErrors(checked.error.issues, locale));
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
        <PartnershipFields
          values={fields}
          onChange={(patch) => setFields((f) => ({ ...f, ...patch }))}
          errors={errors}
          partners={<PartnerRows rows={partners} setRows={setPartners} errors={errors} />}
          communes={
            communeCodes.length ? (
              <p>
                <span className="muted">{t('partnership.labelled', { label: t('partnership.form.communes') })} </span>
                {communeCodes.map((c) => ref.communeName(c) ?? c).join(', ')}
              </p>
            ) : null
          }
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={saving}>
            {saving ? t('partnership.form.saving') : t('partnership.form.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** The partners a new partnership starts with (two at least): each an actor, a role and expectations. */
function PartnerRows({
  rows,
  setRows,
  errors,
}: {
  rows: PartnerRow[];
  setRows: Dispatch<SetStateAction<PartnerRow[]>>;
  errors: Record<string, string>;
}) {
  const { t } = useI18n();
  const updatePartner = (key: number, patch: Partial<PartnerRow>) =>
    setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
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
      {rows.map((row, i) => (
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
              <input {...control} value={row.role} onChange={(e) => updatePartner(row.key, { role: e.target.value })} />
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
          {rows.length > 2 ? (
            <button
              type="button"
              className="link-button"
              onClick={() => setRows((rows) => rows.filter((r) => r.key !== row.key))}
            >
              {t('partnership.form.removePartner', { n: i + 1 })}
            </button>
          ) : null}
        </div>
      ))}
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => setRows((rows) => [...rows, emptyPartner()])}
      >
        {t('partnership.form.addPartner')}
      </button>
    </fieldset>
  );
}
