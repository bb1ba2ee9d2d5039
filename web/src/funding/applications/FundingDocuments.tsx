import { type FormEvent, useRef, useState } from 'react';
import {
  type FundingDocumentMeta,
  fundingDocumentRoutes,
  maxDocumentBytes,
} from '../../../../src/modules/funding/applications/documents-contract';
import { asApiError, buildUrl, callApi } from '../../api/client';
import { uploadRawFile } from '../../api/upload';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { Field } from '../../ui/Field';

type UploadRoute = (typeof fundingDocumentRoutes)['uploadToCall' | 'uploadToApplication' | 'uploadToReport'];

/**
 * The files of a call, an application or a report: names for everyone who sees the owner, download links for staff
 * and observers, upload and delete for staff.
 */
export function FundingDocuments({
  idPrefix,
  documents,
  upload,
  canDownload,
  canEdit,
  onChanged,
  onError,
}: {
  idPrefix: string;
  documents: FundingDocumentMeta[];
  upload: { route: UploadRoute; params: Record<string, string> };
  canDownload: boolean;
  canEdit: boolean;
  onChanged(): void;
  onError(e: unknown): void;
}) {
  const { t, formatDate, formatNumber } = useI18n();
  const { csrfToken } = useSession();
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [sending, setSending] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    const refuse = (text: string) => {
      setFileError(text);
      fileRef.current?.focus();
    };
    if (!file) return refuse(t('funding.docs.noFile'));
    if (file.size > maxDocumentBytes) return refuse(t('funding.docs.tooLarge'));
    setFileError(undefined);
    setSending(true);
    try {
      await uploadRawFile(upload.route, { params: upload.params, query: { fileName: file.name } }, file, {
        csrf: csrfToken,
      });
      if (fileRef.current) fileRef.current.value = '';
      onChanged();
    } catch (error) {
      const apiError = asApiError(error);
      const onFile = apiError.errors.find((x) => x.field === 'file');
      if (onFile) refuse(onFile.message);
      else onError(apiError);
    } finally {
      setSending(false);
    }
  };
  const remove = async (doc: FundingDocumentMeta) => {
    if (!window.confirm(t('funding.docs.deleteConfirm', { name: doc.fileName }))) return;
    try {
      await callApi(fundingDocumentRoutes.remove, { params: { id: doc.id } });
      onChanged();
    } catch (e) {
      onError(e);
    }
  };

  return (
    <>
      {documents.length === 0 ? (
        <p className="muted">{t('funding.docs.empty')}</p>
      ) : (
        <ul className="document-list">
          {documents.map((d) => (
            <li key={d.id}>
              {canDownload ? (
                <a href={buildUrl(fundingDocumentRoutes.download.path, { id: d.id })} download={d.fileName}>
                  {d.fileName}
                </a>
              ) : (
                <span>{d.fileName}</span>
              )}
              <span className="muted small">
                {' '}
                · {formatDate(d.uploadedAt)} ·{' '}
                {t('funding.docs.size', { size: formatNumber(Math.max(1, Math.round(d.size / 1024))) })}
              </span>
              {canEdit ? (
                <>
                  {' '}
                  <button type="button" className="link-button" onClick={() => remove(d)}>
                    {t('funding.docs.delete', { name: d.fileName })}
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <form className="funding-upload" onSubmit={submit} noValidate>
          <Field
            id={`${idPrefix}-file`}
            label={t('funding.docs.file')}
            hint={t('funding.docs.fileHint')}
            error={fileError}
          >
            {(control) => (
              // The button right after its file input: they go together.
              <span className="funding-upload-row">
                <input
                  {...control}
                  ref={fileRef}
                  type="file"
                  accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.txt,.csv,.rtf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp"
                />
                <button type="submit" className="button button-secondary" disabled={sending}>
                  {sending ? t('funding.docs.uploading') : t('funding.docs.upload')}
                </button>
              </span>
            )}
          </Field>
        </form>
      ) : null}
    </>
  );
}
