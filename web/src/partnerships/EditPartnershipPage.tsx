import { type FormEvent, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  type PartnershipDetail,
  partnershipFields,
  updatePartnership,
} from '../../../src/modules/partnerships/contract';
import { asApiError, callApi, fieldErrorsOf } from '../api/client';
import { useI18n } from '../i18n';
import { type CommuneChoice, CommuneField } from '../ui/CommuneField';
import { Alert, useErrorText } from '../ui/feedback';
import { useFocusFirstInvalid } from '../ui/useFocusFirstInvalid';
import { usePageTitle } from '../ui/usePageTitle';
import { PartnershipFields, type PartnershipFieldValues } from './PartnershipFields';
import { issueErrors, useRoutePartnership } from './parts';

/** Errors on a list's items (`themes.3`, `communeCodes.0`) are shown on the list. */
const fieldOf = (path: string) => path.replace(/^(themes|communeCodes)\..*$/, '$1');

/** `/partenariats/:id/modifier`: the partnership's own fields (partners, contributions and benefits are on its page). */
export function EditPartnershipPage() {
  const { t } = useI18n();
  const { detail, pending } = useRoutePartnership();
  usePageTitle(t('partnership.edit.title', { title: detail.data?.title ?? '' }));
  if (pending || !detail.data) return pending;
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
  const navigate = useNavigate();
  const errorText = useErrorText();
  const [fields, setFields] = useState<PartnershipFieldValues>({
    title: p.title,
    summary: p.summary,
    mode: p.mode,
    themes: p.themes,
    startsOn: p.startsOn ?? '',
    endsOn: p.endsOn ?? '',
    renewalOn: p.renewalOn ?? '',
  });
  const [communes, setCommunes] = useState(p.communes);
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
      ...fields,
      communeCodes: communes.map((c) => c.code),
      // PUT replaces every field: the links to a project or an alliance are kept as they are.
      projectId: p.project?.id ?? null,
      allianceId: p.alliance?.id ?? null,
    };
    const checked = partnershipFields.safeParse(body);
    if (!checked.success) {
      setErrors(issueErrors(checked.error.issues, locale, fieldOf));
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
        <PartnershipFields
          values={fields}
          onChange={(patch) => setFields((f) => ({ ...f, ...patch }))}
          errors={errors}
          communes={<CommunesEditor communes={communes} onChange={setCommunes} error={errors.communeCodes} />}
        />
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

/** The partnership's communes as removable chips, and a field to add one. */
function CommunesEditor({
  communes,
  onChange,
  error,
}: {
  communes: PartnershipDetail['communes'];
  onChange(communes: PartnershipDetail['communes']): void;
  error: string | undefined;
}) {
  const { t } = useI18n();
  const [commune, setCommune] = useState<CommuneChoice>({ code: null, text: '' });
  return (
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
                  onClick={() => onChange(communes.filter((x) => x.code !== c.code))}
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
        error={error}
        onChange={(choice) => {
          const code = choice.code;
          if (code) {
            if (!communes.some((c) => c.code === code)) onChange([...communes, { code, name: choice.text }]);
            setCommune({ code: null, text: '' });
          } else {
            setCommune(choice);
          }
        }}
      />
    </fieldset>
  );
}
