import { type FormEvent, useState } from 'react';
import { type ApplicationDetail, applicationRoutes } from '../../../../src/modules/funding/applications/contract';
import { fundingDocumentRoutes } from '../../../../src/modules/funding/applications/documents-contract';
import { callApi } from '../../api/client';
import { useI18n } from '../../i18n';
import { FormStatus, formatDay, today, useSaveForm } from '../../programmes/parts';
import { TextField } from '../../ui/TextField';
import { FundingDocuments } from './FundingDocuments';

/** The reports owed to the funder with their deadlines (late ones said in words), their files; staff add and send them. */
export function Reports({
  app,
  reload,
  onChanged,
  onError,
}: {
  app: ApplicationDetail;
  reload(): void;
  onChanged(a: ApplicationDetail): void;
  onError(e: unknown): void;
}) {
  const { t, locale } = useI18n();
  const form = useSaveForm();
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const now = today();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = t('funding.app.form.required');
    if (!dueOn) found.dueOn = t('funding.app.form.required');
    if (form.refuse(found)) return;
    void form.run(
      () => callApi(applicationRoutes.addReport, { params: { id: app.id }, body: { title, dueOn } }),
      (a) => {
        setTitle('');
        setDueOn('');
        onChanged(a);
      },
    );
  };
  const act = async (run: () => Promise<ApplicationDetail>) => {
    try {
      onChanged(await run());
    } catch (e) {
      onError(e);
    }
  };

  return (
    <section className="card" aria-labelledby="app-reports">
      <h2 id="app-reports">{t('funding.app.reports.title')}</h2>
      {app.reports.length === 0 ? <p className="muted">{t('funding.app.reports.empty')}</p> : null}
      {app.reports.map((r) => (
        <article key={r.id} className="funding-report" aria-labelledby={`report-${r.id}`}>
          <h3 id={`report-${r.id}`}>{r.title}</h3>
          <p>
            {t('funding.app.reports.due', { date: formatDay(r.dueOn, locale) })} ·{' '}
            {r.submittedOn ? (
              <strong>{t('funding.app.reports.submitted', { date: formatDay(r.submittedOn, locale) })}</strong>
            ) : (
              <span className={r.dueOn < now ? 'badge funding-late' : 'badge badge-muted'}>
                {r.dueOn < now ? t('funding.app.reports.late') : t('funding.app.reports.pending')}
              </span>
            )}
          </p>
          {app.canEdit ? (
            <div className="form-actions">
              {r.submittedOn ? null : (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() =>
                    act(() =>
                      callApi(applicationRoutes.updateReport, {
                        params: { id: app.id, itemId: r.id },
                        body: { title: r.title, dueOn: r.dueOn, submittedOn: now },
                      }),
                    )
                  }
                >
                  {t('funding.app.reports.markSubmitted')}
                </button>
              )}
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  act(() => callApi(applicationRoutes.deleteReport, { params: { id: app.id, itemId: r.id } }))
                }
              >
                {t('funding.app.reports.delete', { title: r.title })}
              </button>
            </div>
          ) : null}
          <FundingDocuments
            idPrefix={`report-${r.id}`}
            documents={r.documents}
            upload={{ route: fundingDocumentRoutes.uploadToReport, params: { id: app.id, itemId: r.id } }}
            canDownload
            canEdit={app.canEdit}
            onChanged={reload}
            onError={onError}
          />
        </article>
      ))}
      {app.canEdit ? (
        <form ref={form.formRef} onSubmit={submit} noValidate className="funding-inline-form">
          <FormStatus form={form} shown={(f) => ['title', 'dueOn'].includes(f)} />
          <div className="grid-2">
            <TextField
              id="report-title"
              label={t('funding.app.reports.titleField')}
              required
              value={title}
              onChange={setTitle}
              error={form.err('title')}
            />
            <TextField
              id="report-due"
              kind="date"
              label={t('funding.app.reports.dueOn')}
              required
              value={dueOn}
              onChange={setDueOn}
              error={form.err('dueOn')}
            />
          </div>
          <button type="submit" className="button button-secondary" disabled={form.saving}>
            {t('funding.app.reports.add')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
