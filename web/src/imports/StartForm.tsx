import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { fieldMessage } from '../../../src/http/messages';
import { importRoutes, type StartRunInput } from '../../../src/modules/imports/contract';
import { asApiError, callApi } from '../api/client';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { useReference } from '../reference/reference';
import { Field } from '../ui/Field';
import { Alert, fieldTexts, useErrorText } from '../ui/feedback';
import { useFocusFirstInvalid } from '../ui/useFocusFirstInvalid';
import { useImportFormat } from './format';
import { uploadFile } from './upload';

type Source = StartRunInput['source'];
type FileRole = 'fileUploadId' | 'establishmentsUploadId' | 'unitsUploadId';

/** The files each register takes, by the start request's field (the form's fields bear the same names). */
const filesOf: Record<Source, FileRole[]> = {
  rna: ['fileUploadId'],
  sirene: ['establishmentsUploadId', 'unitsUploadId'],
};
const fileLabel: Record<FileRole, string> = {
  fileUploadId: 'import.form.file',
  establishmentsUploadId: 'import.form.establishments',
  unitsUploadId: 'import.form.units',
};

interface Sending {
  name: string;
  sent: number;
  total: number;
}

/** A chosen file, as the browser tells it apart: what an upload already sent for it is reused on a retry. */
const fileKey = (file: File) => `${file.name}\u0000${file.size}\u0000${file.lastModified}`;

/**
 * Uploads the chosen files one after the other, with their progress, then starts the import and opens its page.
 * Disabled while a run is live (`liveRunId`): the server runs one at a time and refuses a second.
 */
export function StartForm({ liveRunId }: { liveRunId: string | null }) {
  const { t, locale } = useI18n();
  const { data: reference } = useReference();
  const { csrfToken } = useSession();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const format = useImportFormat();
  const territories = reference?.territories ?? [];
  const [source, setSource] = useState<Source>('rna');
  const [files, setFiles] = useState<Partial<Record<FileRole, File>>>({});
  const [scopeKind, setScopeKind] = useState<'territory' | 'departement'>('territory');
  const [territory, setTerritory] = useState('');
  const [departement, setDepartement] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState<Sending | null>(null);
  const [starting, setStarting] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  /** Upload ids by file (fileKey), so that a start refused after the uploads does not send gigabytes again. */
  const uploadedRef = useRef(new Map<string, string>());
  /** Aborts the uploads under way when the page is left. */
  const abortRef = useRef<AbortController | null>(null);
  useEffect(() => () => abortRef.current?.abort(), []);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const chosenTerritory = territory || territories[0]?.id || '';

  const fail = (fieldErrors: Record<string, string>) => {
    setErrors(fieldErrors);
    focusFirstInvalid();
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const roles = filesOf[source];
    const local: Record<string, string> = {};
    for (const role of roles) if (!files[role]) local[role] = t('import.form.chooseFile');
    if (scopeKind === 'departement' && !departement.trim()) local.departement = fieldMessage('required', locale);
    if (Object.keys(local).length) return fail(local);
    setErrors({});
    const body: StartRunInput = {
      source,
      ...(scopeKind === 'territory' ? { territory: chosenTerritory } : { departement: departement.trim() }),
    };
    let role: FileRole | null = null;
    const abort = new AbortController();
    abortRef.current = abort;
    try {
      for (role of roles) {
        const file = files[role] as File;
        const known = uploadedRef.current.get(fileKey(file));
        if (known) {
          body[role] = known;
          continue;
        }
        setSending({ name: file.name, sent: 0, total: file.size });
        const uploaded = await uploadFile(
          file,
          csrfToken,
          (sent, total) => setSending({ name: file.name, sent, total }),
          abort.signal,
        );
        uploadedRef.current.set(fileKey(file), uploaded.id);
        body[role] = uploaded.id;
      }
      role = null;
      setSending(null);
      setStarting(true);
      const { id } = await callApi(importRoutes.startRun, { body });
      navigate(`/admin/imports/${id}`);
    } catch (err) {
      if (abort.signal.aborted) return; // the page was left
      const apiError = asApiError(err);
      // An upload the server no longer has (swept, or taken by a run that ended): sent again on the next try.
      if (apiError.errors.some((e) => e.code === 'importUploadUnknown')) uploadedRef.current.clear();
      const texts = fieldTexts(apiError, locale);
      // An upload's problem names `file`: it is the field of the file being sent.
      if (role && texts.file) fail({ [role]: texts.file });
      else if (apiError.errors.length && !texts.source) fail(texts);
      else setFailure(errorText(apiError));
    } finally {
      setSending(null);
      setStarting(false);
    }
  };

  const busy = sending !== null || starting;
  return (
    <section className="card" aria-labelledby="import-start-heading">
      <h2 id="import-start-heading">{t('import.form.title')}</h2>
      {liveRunId ? (
        <p className="notice" role="note">
          {t('import.form.busy')} <Link to={`/admin/imports/${liveRunId}`}>{t('import.form.busyLink')}</Link>
        </p>
      ) : null}
      {failure ? <Alert>{failure}</Alert> : null}
      <form ref={formRef} onSubmit={submit} noValidate className="import-form">
        <fieldset disabled={liveRunId !== null} className="import-form-fields">
          <fieldset>
            <legend>{t('import.form.source')}</legend>
            {(['rna', 'sirene'] as const).map((s) => (
              <label key={s} className="radio">
                <input
                  type="radio"
                  name="import-source"
                  value={s}
                  checked={source === s}
                  onChange={() => {
                    setSource(s);
                    setErrors({});
                  }}
                />
                {t(`import.form.source.${s}`)}
              </label>
            ))}
          </fieldset>
          {filesOf[source].map((role) => (
            <Field
              key={role}
              id={`import-${role}`}
              label={t(fileLabel[role])}
              hint={role === 'fileUploadId' ? t('import.form.file.hint') : undefined}
              required
              error={errors[role]}
            >
              {(control) => (
                <input
                  {...control}
                  type="file"
                  accept=".csv,text/csv"
                  onChange={(e) => setFiles((f) => ({ ...f, [role]: e.target.files?.[0] }))}
                />
              )}
            </Field>
          ))}
          <fieldset>
            <legend>{t('import.form.scope')}</legend>
            {(['territory', 'departement'] as const).map((k) => (
              <label key={k} className="radio">
                <input
                  type="radio"
                  name="import-scope"
                  value={k}
                  checked={scopeKind === k}
                  onChange={() => setScopeKind(k)}
                />
                {t(`import.form.scope.${k}`)}
              </label>
            ))}
            {scopeKind === 'territory' ? (
              <Field id="import-territory" label={t('import.form.territory')} error={errors.territory}>
                {(control) => (
                  <select {...control} value={chosenTerritory} onChange={(e) => setTerritory(e.target.value)}>
                    {territories.map((x) => (
                      <option key={x.id} value={x.id}>
                        {x.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ) : (
              <Field
                id="import-departement"
                label={t('import.form.departement')}
                hint={t('import.form.departement.hint')}
                required
                error={errors.departement}
              >
                {(control) => (
                  <input
                    {...control}
                    className="short-input"
                    inputMode="text"
                    autoComplete="off"
                    maxLength={3}
                    value={departement}
                    onChange={(e) => setDepartement(e.target.value)}
                  />
                )}
              </Field>
            )}
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>
              {t('import.form.submit')}
            </button>
          </div>
        </fieldset>
        {/* Announced once per file; the bar's figures change too often to be read out as they go. */}
        <p role="status" className="import-sending-status">
          {sending ? t('import.form.uploading', { name: sending.name }) : starting ? t('import.form.starting') : ''}
        </p>
        {sending ? (
          <div className="import-sending">
            <progress
              max={sending.total || 1}
              value={sending.sent}
              aria-label={t('import.form.uploading', { name: sending.name })}
              aria-valuetext={t('import.form.uploaded', {
                sent: format.bytes(sending.sent),
                total: format.bytes(sending.total),
              })}
            />
            <span>
              {t('import.form.uploaded', { sent: format.bytes(sending.sent), total: format.bytes(sending.total) })}
            </span>
          </div>
        ) : null}
      </form>
    </section>
  );
}
