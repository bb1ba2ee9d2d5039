import { type FormEvent, useRef, useState } from 'react';
import {
  type DocumentKind,
  deleteDocument,
  documentKinds,
  downloadDocument,
  getPartnership,
  maxDocumentBytes,
  type PartnershipDetail,
  uploadDocument,
} from '../../../src/modules/partnerships/contract';
import { asApiError, buildUrl, callApi } from '../api/client';
import { uploadRawFile } from '../api/upload';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { Field } from '../ui/Field';

export function Documents({
  partnership: p,
  canEdit,
  onChanged,
  onError,
}: {
  partnership: PartnershipDetail;
  canEdit: boolean;
  onChanged(p: PartnershipDetail): void;
  onError(e: unknown): void;
}) {
  const { t, formatDate, formatNumber } = useI18n();
  const { csrfToken } = useSession();
  const fileRef = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<DocumentKind>(p.currentStep === 'contract' ? 'agreement' : 'other');
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [sending, setSending] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setFileError(t('partnership.docs.noFile'));
      fileRef.current?.focus();
      return;
    }
    if (file.size > maxDocumentBytes) {
      setFileError(t('partnership.docs.tooLarge'));
      fileRef.current?.focus();
      return;
    }
    setFileError(undefined);
    setSending(true);
    try {
      await uploadRawFile(
        uploadDocument,
        { params: { id: p.id }, query: { step: p.currentStep, kind, fileName: file.name } },
        file,
        { csrf: csrfToken },
      );
      if (fileRef.current) fileRef.current.value = '';
      onChanged(await callApi(getPartnership, { params: { id: p.id } }));
    } catch (error) {
      const apiError = asApiError(error);
      const onFile = apiError.errors.find((x) => x.field === 'file');
      if (onFile) setFileError(onFile.message);
      else onError(apiError);
    } finally {
      setSending(false);
    }
  };
  const remove = async (docId: string, name: string) => {
    if (!window.confirm(t('partnership.docs.deleteConfirm', { name }))) return;
    try {
      onChanged(await callApi(deleteDocument, { params: { id: p.id, docId } }));
    } catch (e) {
      onError(e);
    }
  };

  return (
    <section className="card" aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t('partnership.docs.title')}</h2>
      {p.documents.length === 0 ? (
        <p className="muted">{t('partnership.docs.empty')}</p>
      ) : (
        <ul className="document-list">
          {p.documents.map((d) => (
            <li key={d.id}>
              <span className={`badge ${d.kind === 'agreement' ? 'badge-agreement' : 'badge-muted'}`}>
                {t(`partnership.docs.kind.${d.kind}`)}
              </span>{' '}
              {canEdit ? (
                <a
                  href={buildUrl(downloadDocument.path, { id: p.id, docId: d.id })}
                  download={d.fileName}
                  aria-label={t('partnership.docs.download', { name: d.fileName })}
                >
                  {d.fileName}
                </a>
              ) : (
                <span>{d.fileName}</span>
              )}
              <span className="muted small">
                {' '}
                · {t(`step.${d.step}`)} · {formatDate(d.uploadedAt)} ·{' '}
                {t('partnership.docs.size', { size: formatNumber(Math.max(1, Math.round(d.size / 1024))) })}
              </span>
              {canEdit ? (
                <button type="button" className="link-button" onClick={() => remove(d.id, d.fileName)}>
                  {t('partnership.docs.delete', { name: d.fileName })}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {!canEdit ? <p className="muted small">{t('partnership.docs.metadataOnly')}</p> : null}
      {canEdit ? (
        <form className="upload-form" onSubmit={submit} noValidate>
          <Field
            id="doc-file"
            label={t('partnership.docs.file')}
            hint={t('partnership.docs.fileHint')}
            error={fileError}
          >
            {(control) => (
              <input
                {...control}
                ref={fileRef}
                type="file"
                accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.txt,.csv,.rtf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp"
              />
            )}
          </Field>
          <Field id="doc-kind" label={t('partnership.docs.kind')}>
            {(control) => (
              <select {...control} value={kind} onChange={(e) => setKind(e.target.value as DocumentKind)}>
                {documentKinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`partnership.docs.kind.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" className="button button-secondary" disabled={sending}>
            {sending ? t('partnership.docs.uploading') : t('partnership.docs.upload')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
