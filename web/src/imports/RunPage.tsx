import { useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { fieldMessage } from '../../../src/http/messages';
import { importRoutes, type RunView } from '../../../src/modules/imports/contract';
import { asApiError, buildUrl, callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { Alert, ApiErrorAlert, Loading, useErrorText } from '../ui/feedback';
import { Pagination } from '../ui/Pagination';
import { TableWrap } from '../ui/TableWrap';
import { usePageTitle } from '../ui/usePageTitle';
import { stateOf, useImportFormat } from './format';
import './imports.css';

/** How often a live run's page asks for its progress. */
const pollMs = 1000;
const pageSize = 50;

export function RunPage() {
  const { id = '' } = useParams();
  const { t, tn, formatDateTime } = useI18n();
  const { role } = useSession();
  const format = useImportFormat();
  const errorText = useErrorText();
  const run = useApiQuery(importRoutes.getRun, { params: { id } });
  const [resumeError, setResumeError] = useState<string | null>(null);
  const [resuming, setResuming] = useState(false);
  const data = run.data;
  const title = data
    ? t('import.run.title', { source: t(`import.source.${data.source}`), date: formatDateTime(data.startedAt) })
    : t('import.run.notFound');
  usePageTitle(data ? title : undefined);

  // While the server works on the run, its page follows it.
  const { reload, loading } = run;
  useEffect(() => {
    if (!data?.live || loading) return;
    const timer = setTimeout(reload, pollMs);
    return () => clearTimeout(timer);
  }, [data, loading, reload]);

  const resume = async () => {
    setResumeError(null);
    setResuming(true);
    try {
      await callApi(importRoutes.resumeRun, { params: { id } });
      reload();
    } catch (err) {
      setResumeError(errorText(asApiError(err)));
    } finally {
      setResuming(false);
    }
  };

  // Only a 404 means there is no such run; a failed poll (network, server error) keeps the page and its polling.
  if (run.error && (run.error.status === 404 || !data)) {
    return (
      <div className="admin-page">
        <h1>{run.error.status === 404 ? t('import.run.notFound') : t('import.run.unavailable')}</h1>
        <ApiErrorAlert error={run.error} />
        <Link to="/admin/imports">{t('import.run.back')}</Link>
      </div>
    );
  }
  if (!data) return <Loading />;
  const state = stateOf(data);
  return (
    <div className="admin-page imports-page">
      <nav aria-label={t('import.run.back')} className="breadcrumb">
        <Link to="/admin/imports">{t('import.run.back')}</Link>
      </nav>
      <h1>{title}</h1>
      {run.error ? <ApiErrorAlert error={run.error} /> : null}
      <dl className="facts facts-inline import-facts">
        <div>
          <dt>{t('import.run.file')}</dt>
          <dd className="import-file-name">{data.fileName}</dd>
        </div>
        <div>
          <dt>{t('import.run.size')}</dt>
          <dd>{format.bytes(data.fileSize)}</dd>
        </div>
        <div>
          <dt>{t('import.run.scope')}</dt>
          <dd>{format.scope(data)}</dd>
        </div>
        <div>
          <dt>{t('import.run.status')}</dt>
          <dd>
            <span className={`import-state import-state-${state}`}>{format.state(data)}</span>
          </dd>
        </div>
        {data.finishedAt ? (
          <div>
            <dt>{t('import.run.finished')}</dt>
            <dd>{formatDateTime(data.finishedAt)}</dd>
          </div>
        ) : null}
      </dl>
      <p role="status" className="import-announce">
        {state === 'done' ? tn('import.run.doneStatus', data.itemsDone) : null}
      </p>
      {data.live ? <LiveProgressView run={data} /> : null}
      {data.error && state === 'failed' ? (
        // The stored message is the server's (English or French, maybe a file path): in words for everyone, as is
        // for admins only.
        <Alert>
          <p>{t('import.run.failed')}</p>
          {role === 'admin' ? (
            <details>
              <summary>{t('import.run.errorDetails')}</summary>
              <code>{data.error}</code>
            </details>
          ) : null}
        </Alert>
      ) : null}
      {data.fromCommandLine && state !== 'done' ? (
        <p className="notice" role="note">
          {t('import.run.commandLine')}
        </p>
      ) : null}
      {!data.fromCommandLine && (state === 'stopped' || state === 'failed') ? (
        <Alert kind="warning">
          <p>{data.resumable ? tn('import.run.stopped', data.itemsDone) : t('import.run.stoppedNoFiles')}</p>
          {data.resumable ? (
            <button type="button" className="button" onClick={resume} disabled={resuming}>
              {t('import.run.resume')}
            </button>
          ) : null}
        </Alert>
      ) : null}
      {resumeError ? <Alert>{resumeError}</Alert> : null}
      <Report run={data} />
    </div>
  );
}

function LiveProgressView({ run }: { run: RunView }) {
  const { t, tn, formatNumber } = useI18n();
  const format = useImportFormat();
  const p = run.progress;
  const total = p?.totalBytes || run.fileSize || 1;
  const read = p?.bytesRead ?? 0;
  const percent = Math.min(100, Math.floor((read / total) * 100));
  const text = t('import.run.progressText', {
    read: format.bytes(read),
    total: format.bytes(total),
    percent: formatNumber(percent),
  });
  return (
    <section className="card import-progress" aria-labelledby="import-progress-heading">
      <h2 id="import-progress-heading">{t('import.run.progress')}</h2>
      <progress max={total} value={read} aria-labelledby="import-progress-heading" aria-valuetext={text} />
      <p className="import-progress-figures">
        <span>{text}</span>
        <span>{tn('import.run.items', run.itemsDone)}</span>
        <span>{t('import.run.rate', { rate: formatNumber(Math.round(p?.itemsPerSecond ?? 0)) })}</span>
        <span>
          {p?.secondsLeft != null
            ? t('import.run.eta', { time: format.duration(p.secondsLeft) })
            : t('import.run.etaUnknown')}
        </span>
      </p>
    </section>
  );
}

const counterKeys = ['created', 'updated', 'unchanged', 'merged', 'queued', 'skipped', 'rejected'] as const;

function Report({ run }: { run: RunView }) {
  const { t, formatNumber } = useI18n();
  return (
    <section aria-labelledby="import-report-heading">
      <h2 id="import-report-heading">{t('import.report.title')}</h2>
      <dl className="import-counters">
        {counterKeys.map((k) => (
          <div key={k}>
            <dt>{t(`import.counter.${k}`)}</dt>
            <dd>
              {formatNumber(run.counters[k])}
              {k === 'queued' && run.counters.queued > 0 ? (
                <Link to="/admin/imports/rapprochements">{t('import.reviewsLink')}</Link>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
      <Rejections run={run} />
    </section>
  );
}

function Rejections({ run }: { run: RunView }) {
  const { t, locale } = useI18n();
  const [search, setSearch] = useSearchParams();
  const page = Math.max(1, Number(search.get('page')) || 1);
  const list = useApiQuery(importRoutes.rejections, { params: { id: run.id }, query: { page, pageSize } });
  // Rejected lines arrive with each committed batch: the list follows the run's counter.
  const { reload } = list;
  const rejected = run.counters.rejected;
  const shown = useRef(rejected);
  useEffect(() => {
    if (shown.current === rejected) return;
    shown.current = rejected;
    reload();
  }, [rejected, reload]);
  const items = list.data?.items ?? [];
  const pages = Math.ceil((list.data?.total ?? 0) / pageSize);
  return (
    <>
      <div className="page-head">
        <h3 id="import-rejections-heading">{t('import.rejections.title')}</h3>
        {run.counters.rejected > 0 ? (
          <a href={buildUrl(importRoutes.rejectionsCsv.path, { id: run.id })} download>
            {t('import.rejections.csv')}
          </a>
        ) : null}
      </div>
      {list.error ? <ApiErrorAlert error={list.error} /> : null}
      {list.data && items.length === 0 ? <p className="muted">{t('import.rejections.empty')}</p> : null}
      {items.length > 0 ? (
        <TableWrap labelledBy="import-rejections-heading">
          <table className="import-rejections">
            <thead>
              <tr>
                <th scope="col">{t('import.rejections.line')}</th>
                <th scope="col">{t('import.rejections.reason')}</th>
                <th scope="col">{t('import.rejections.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.position}>
                  <td className="number">{r.line}</td>
                  <td>{locale === 'fr' ? r.message : fieldMessage(r.reason, 'en')}</td>
                  <td className="mono">{r.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      <Pagination
        page={page}
        pages={pages}
        onPage={(p) => setSearch({ page: String(p) })}
        hrefFor={(p) => `?page=${p}`}
      />
    </>
  );
}
