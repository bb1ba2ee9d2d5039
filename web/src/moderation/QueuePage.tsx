import { Link, useSearchParams } from 'react-router';
import { moderationRoutes, type QueueItem, type QueueStatus } from '../../../src/modules/dialogue/moderation/contract';
import { useApiQuery } from '../api/useApi';
import { Participant } from '../dialogue/parts';
import { useI18n } from '../i18n';
import { ApiErrorAlert, Loading } from '../ui/feedback';
import { Pagination } from '../ui/Pagination';
import { usePageTitle } from '../ui/usePageTitle';
import { ModerationControls } from './ModerationControls';
import { useOpenReportCount } from './useOpenReportCount';
import './moderation.css';

const pageSize = 20;

/** The animators' queue: each reported content with its reports, to hide or keep; the decided ones under « Traités ». */
export function QueuePage() {
  const { t, tn } = useI18n();
  usePageTitle(t('moderation.queue.title'));
  const [params, setParams] = useSearchParams();
  const status: QueueStatus = params.get('statut') === 'traites' ? 'resolved' : 'open';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const queue = useApiQuery(moderationRoutes.queue, { query: { status, page, pageSize } });
  const openCount = useOpenReportCount();
  const hrefFor = (p: number, s: QueueStatus = status) =>
    `/moderation?${new URLSearchParams({ ...(s === 'resolved' ? { statut: 'traites' } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;
  const go = (p: number, s: QueueStatus = status) => setParams(new URL(hrefFor(p, s), 'http://x').searchParams);
  const changed = () => {
    queue.reload();
    openCount.reload();
  };

  return (
    <div className="moderation-page">
      <h1>{t('moderation.queue.title')}</h1>
      <p className="muted">{t('moderation.queue.intro')}</p>
      <nav aria-label={t('moderation.queue.filter')} className="moderation-tabs">
        {(['open', 'resolved'] as const).map((s) => (
          <Link
            key={s}
            to={hrefFor(1, s)}
            aria-current={s === status ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              go(1, s);
            }}
          >
            {t(`moderation.queue.${s}`)}
          </Link>
        ))}
      </nav>
      <div aria-live="polite">
        {queue.error ? <ApiErrorAlert error={queue.error} /> : null}
        {!queue.data && !queue.error ? <Loading /> : null}
        {queue.data ? <p className="muted small">{tn('moderation.queue.count', queue.data.total)}</p> : null}
      </div>
      {queue.data && queue.data.items.length === 0 ? (
        <p className="empty-state">
          {status === 'open' ? t('moderation.queue.empty') : t('moderation.queue.emptyResolved')}
        </p>
      ) : null}
      <ul className="moderation-queue">
        {queue.data?.items.map((item) => (
          <QueueEntry key={`${item.target}-${item.id}`} item={item} status={status} onChange={changed} />
        ))}
      </ul>
      {queue.data ? (
        <Pagination
          page={page}
          pages={Math.ceil(queue.data.total / pageSize)}
          onPage={(p) => go(p)}
          hrefFor={(p) => hrefFor(p)}
        />
      ) : null}
    </div>
  );
}

function QueueEntry({ item, status, onChange }: { item: QueueItem; status: QueueStatus; onChange(): void }) {
  const { t, tn, formatDate } = useI18n();
  const headingId = `moderation-${item.id}`;
  return (
    <li className="card moderation-item" aria-labelledby={headingId}>
      <h2 id={headingId} className="moderation-item-title">
        {t(`moderation.queue.kind.${item.target}`)} · {item.proposalTitle}
      </h2>
      <p>
        {item.hidden ? (
          // The date and reason are in the controls' notice below.
          <span className="chip chip-warning">{t('moderation.queue.hidden')}</span>
        ) : (
          <span className="chip">{t('moderation.queue.visible')}</span>
        )}
      </p>
      <blockquote className="moderation-excerpt">{item.excerpt}</blockquote>
      <p className="small">
        {t('moderation.queue.in', { challenge: item.challengeTitle, proposal: item.proposalTitle })} ·{' '}
        <Link to={`/dialogue/propositions/${item.proposalId}`}>{t('moderation.queue.see')}</Link>
      </p>
      <p className="small">
        {/* Signed as on the dialogue's pages (organisation, team or citizen), with the person's name for staff. */}
        {t('moderation.queue.author')} <Participant label={item.author} />
      </p>
      <p className="small muted">
        {status === 'open' ? `${tn('moderation.queue.reports', item.openReports)} · ` : ''}
        {t('moderation.queue.dates', {
          first: formatDate(item.firstReportedAt),
          last: formatDate(item.lastReportedAt),
        })}
      </p>
      <ul className="moderation-reports">
        {item.reports.map((r) => (
          <li key={r.id}>
            <strong>{t(`moderation.reason.${r.reason}`)}</strong>
            {r.details ? ` — ${r.details}` : ''}{' '}
            <span className="muted small">
              ({formatDate(r.createdAt)}
              {status === 'resolved' ? `, ${t(`moderation.status.${r.status}`)}` : ''})
            </span>
          </li>
        ))}
      </ul>
      <ModerationControls
        target={item.target}
        id={item.id}
        hidden={item.hidden}
        dismissable={status === 'open'}
        onChange={onChange}
      />
    </li>
  );
}
