import { type FormEvent, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { grantRoutes, maxScdlFileBytes } from '../../../../src/modules/funding/grants/contract';
import { type ApiError, asApiError } from '../../api/client';
import { uploadRawFile } from '../../api/upload';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { Field } from '../../ui/Field';
import { ApiErrorAlert } from '../../ui/feedback';

/** Staff's form: one CSV file, imported and checked at once; its report opens. */
export function ImportForm() {
  const { t } = useI18n();
  const { csrfToken } = useSession();
  const navigate = useNavigate();
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [sending, setSending] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    const refuse = (message: string) => {
      setFileError(message);
      fileRef.current?.focus();
    };
    if (!file) return refuse(t('grants.import.noFile'));
    if (file.size > maxScdlFileBytes) return refuse(t('grants.import.tooLarge'));
    setFileError(undefined);
    setFailure(null);
    setSending(true);
    try {
      const done = await uploadRawFile(grantRoutes.importGrants, { query: { fileName: file.name } }, file, {
        csrf: csrfToken,
        defaultType: 'text/csv',
      });
      navigate(`/financements/subventions/imports/${done.id}`);
    } catch (error) {
      const apiError = asApiError(error);
      const onFile = apiError.errors.find((x) => x.field === 'file');
      if (onFile) refuse(onFile.message);
      else setFailure(apiError);
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="card grants-import" aria-labelledby="grants-import-heading">
      <h2 id="grants-import-heading">{t('grants.import.title')}</h2>
      {failure ? <ApiErrorAlert error={failure} /> : null}
      <form onSubmit={submit} noValidate>
        <Field
          id="grants-file"
          label={t('grants.import.file')}
          hint={t('grants.import.hint')}
          error={fileError}
          required
        >
          {(control) => <input {...control} ref={fileRef} type="file" accept=".csv,text/csv" />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button" disabled={sending}>
            {sending ? t('grants.import.sending') : t('grants.import.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
