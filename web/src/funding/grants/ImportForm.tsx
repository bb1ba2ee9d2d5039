import { type FormEvent, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { csrfHeader } from '../../../../src/auth/names';
import { grantRoutes, maxScdlFileBytes, type ScdlImportView } from '../../../../src/modules/funding/grants/contract';
import { ApiError, asApiError, buildUrl } from '../../api/client';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { Field } from '../../ui/Field';
import { ApiErrorAlert } from '../../ui/feedback';

/** Sends the file as the request body (see importGrants in the contract), with the session's CSRF token. */
async function sendFile(file: File, csrf: string | null): Promise<ScdlImportView> {
  let response: Response;
  try {
    response = await fetch(buildUrl(grantRoutes.importGrants.path, undefined, { fileName: file.name }), {
      method: 'POST',
      credentials: 'include',
      headers: {
        accept: 'application/json',
        'content-type': file.type || 'text/csv',
        ...(csrf ? { [csrfHeader]: csrf } : {}),
      },
      body: file,
    });
  } catch {
    throw new ApiError(0, 'network');
  }
  const doc = (await response.json().catch(() => ({}))) as Partial<ScdlImportView> & {
    title?: string;
    errors?: { field: string; code: string; message: string }[];
  };
  if (!response.ok) throw new ApiError(response.status, doc.title ?? response.statusText, doc.errors ?? []);
  return doc as ScdlImportView;
}

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
      const done = await sendFile(file, csrfToken);
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
