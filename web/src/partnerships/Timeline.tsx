import type { ResponseOf } from '../../../src/http/contract';
import type { partnershipTimeline, TimelineEvent } from '../../../src/modules/partnerships/contract';
import type { ApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { ApiErrorAlert, Loading } from '../ui/feedback';

/** The partnership's story, newest first; contacts logged by the contacts module appear here too. */
export function Timeline({ query }: { query: ApiQuery<ResponseOf<typeof partnershipTimeline>> }) {
  const { t, formatDateTime } = useI18n();
  const text = useEventText();
  return (
    <section className="card" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('partnership.timeline.title')}</h2>
      {query.error ? <ApiErrorAlert error={query.error} /> : null}
      {!query.data && query.loading ? <Loading /> : null}
      {query.data?.items.length === 0 ? <p className="muted">{t('partnership.timeline.empty')}</p> : null}
      {query.data?.items.length ? (
        <ol className="timeline">
          {query.data.items.map((e) => (
            <li key={e.id} className={`timeline-${e.kind}`}>
              <p>{text(e)}</p>
              <p className="muted small">
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                {e.userName ? ` · ${t('partnership.timeline.by', { name: e.userName })}` : ''}
              </p>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function useEventText() {
  const { t } = useI18n();
  return (e: TimelineEvent): string => {
    const d = e.data;
    const str = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : '');
    const step = (k: string) => (str(k) ? t(`step.${str(k)}`) : '');
    switch (e.kind) {
      case 'stepChanged':
      case 'stepOverridden':
        return t(`partnership.event.${e.kind}`, { from: step('from'), to: step('to'), reason: str('reason') });
      case 'consentGiven':
      case 'consentWithdrawn':
        return t(`partnership.event.${e.kind}${d.byStaff ? 'ByStaff' : ''}`, { actorName: str('actorName') });
      case 'statusChanged':
        return t('partnership.event.statusChanged', { to: t(`partnership.status.${str('to')}`) });
      case 'contactLogged':
        return str('subject')
          ? t('partnership.event.contactLogged', { subject: str('subject') })
          : t('partnership.event.contactLoggedHidden');
      case 'created':
      case 'updated':
      case 'needInDiscussion':
      case 'documentAdded':
      case 'documentDeleted':
      case 'published':
      case 'unpublished':
      case 'partnerAdded':
      case 'partnerRemoved':
      case 'contributionAdded':
      case 'benefitRealised':
      case 'renewed':
        return t(`partnership.event.${e.kind}`, {
          fileName: str('fileName'),
          actorName: str('actorName'),
          description: str('description'),
        });
      default:
        return t('partnership.event.other', { kind: e.kind });
    }
  };
}
