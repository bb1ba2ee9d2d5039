import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { eventRoutes } from '../../../src/modules/events/contract';
import { type EventKind, eventKinds } from '../../../src/modules/events/vocabulary';
import { useApiQuery } from '../api/useApi';
import { isStaff, useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { ExportLinks } from '../ui/export/ExportLinks';
import { ApiErrorAlert, Loading } from '../ui/feedback';
import { usePageTitle } from '../ui/usePageTitle';
import { formatEventDates, KindBadge, useSeatsText } from './parts';

/** The most events the page shows (the list route's maximum); the export holds them all. */
const listLimit = 200;

/** The events, upcoming first (or the past ones, latest first), filtered by kind; the filters stay in the URL. */
export function ListPage() {
  const { t, tn, locale } = useI18n();
  const { role } = useSession();
  const seatsText = useSeatsText();
  usePageTitle(t('event.list.title'));
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('type') ?? '';
  const kind = (eventKinds as readonly string[]).includes(kindParam) ? (kindParam as EventKind) : undefined;
  const past = params.get('quand') === 'passes';
  // Fixed once per visit, so that the query (compared by value) does not change at each render.
  const [now] = useState(() => new Date().toISOString());
  // The same filters and order for the list and its export: upcoming (ending after now) soonest first, or past
  // (ending by now) latest first.
  const filters = past ? { kind, until: now, order: 'desc' as const } : { kind, from: now };
  const list = useApiQuery(eventRoutes.list, { query: { ...filters, limit: listLimit } });
  const items = list.data?.items;
  // The list shows at most listLimit events: its length is the file's only when the list is complete.
  const complete = items !== undefined && items.length < listLimit;

  const paramsWith = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    return next;
  };
  const hrefWith = (key: string, value: string) => `?${paramsWith(key, value).toString()}`;
  const set = (key: string, value: string) => setParams(paramsWith(key, value));

  return (
    <div className="events-page">
      <header className="page-head">
        <div>
          <h1>{t('event.list.title')}</h1>
          <p className="tagline">{t('event.list.intro')}</p>
          <p className="small">
            <a href={eventRoutes.feedIcs.path}>{t('event.export.feed')}</a>
          </p>
        </div>
        {isStaff(role) ? (
          <Link className="button" to="/evenements/nouveau">
            {t('event.list.new')}
          </Link>
        ) : null}
      </header>

      <div className="card event-filters">
        <div className="field">
          <label htmlFor="event-kind-filter">{t('event.list.kind')}</label>
          <select id="event-kind-filter" value={kind ?? ''} onChange={(e) => set('type', e.target.value)}>
            <option value="">{t('event.list.allKinds')}</option>
            {eventKinds.map((k) => (
              <option key={k} value={k}>
                {t(`event.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <nav className="event-when" aria-label={t('event.list.when')}>
          <Link to={hrefWith('quand', '')} aria-current={past ? undefined : 'page'}>
            {t('event.list.upcoming')}
          </Link>
          <Link to={hrefWith('quand', 'passes')} aria-current={past ? 'page' : undefined}>
            {t('event.list.past')}
          </Link>
        </nav>
      </div>

      {list.error ? <ApiErrorAlert error={list.error} /> : null}
      {!items && list.loading ? <Loading /> : null}
      {items ? (
        <section aria-labelledby="event-results">
          <h2 id="event-results" className="results-count" aria-live="polite">
            {tn('event.list.count', items.length)}
          </h2>
          <ExportLinks routes={eventRoutes.listExport} query={filters} count={complete ? items.length : undefined} />
          {items.length === 0 ? (
            <p className="muted">{past ? t('event.list.emptyPast') : t('event.list.empty')}</p>
          ) : (
            <ul className="event-cards">
              {items.map((e) => (
                <li key={e.id} className={`card event-card${e.status === 'cancelled' ? ' event-cancelled' : ''}`}>
                  <p className="event-meta">
                    <KindBadge kind={e.kind} />
                    {e.status !== 'planned' ? (
                      <span className="badge badge-muted">{t(`event.status.${e.status}`)}</span>
                    ) : null}
                  </p>
                  <h3>
                    <Link to={`/evenements/${e.id}`}>{e.title}</Link>
                  </h3>
                  <p className="event-dates">{formatEventDates(e.startsAt, e.endsAt, locale)}</p>
                  {e.place || e.communeName ? (
                    <p className="muted">{[e.place, e.communeName].filter(Boolean).join(' — ')}</p>
                  ) : null}
                  <p className={`event-seats${e.seatsLeft === 0 ? ' event-full' : ''}`}>{seatsText(e)}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}
