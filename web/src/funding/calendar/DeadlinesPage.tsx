import { Link } from 'react-router';
import { type DeadlineView, fundingCalendarRoutes } from '../../../../src/modules/funding/calendar/contract';
import { type DeadlineKind, deadlineKinds } from '../../../../src/modules/funding/vocabulary';
import { programmeRoutes } from '../../../../src/modules/programmes/contract';
import { useApiQuery } from '../../api/useApi';
import { useI18n } from '../../i18n';
import { formatDay, parisDay } from '../../programmes/parts';
import { ApiErrorAlert, Loading } from '../../ui/feedback';
import { TableWrap } from '../../ui/TableWrap';
import { usePageTitle } from '../../ui/usePageTitle';
import { useUrlFilters } from '../../ui/useUrlFilters';
import { FundingNav } from '../FundingNav';
import { MonthGrid } from './MonthGrid';
import { useDaysLeftText } from './parts';

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** `2018-03` → first and last day of the month. */
function monthRange(month: string): { from: string; to: string } {
  const [y = 0, m = 1] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** `2018-03` + 1 → `2018-04`. */
function shiftMonth(month: string, by: number): string {
  const [y = 0, m = 1] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/**
 * `/financements/echeances` (readers): the calls' closing dates and the reports due, as a month's calendar and as the
 * list of what comes and what is late, filtered by kind and territory; the filters and the month stay in the URL.
 */
export function DeadlinesPage() {
  const { t } = useI18n();
  usePageTitle(t('fundingCalendar.title'));
  const { params, setFilter: set } = useUrlFilters();
  const kindParam = params.get('type') ?? '';
  const kind = (deadlineKinds as readonly string[]).includes(kindParam) ? (kindParam as DeadlineKind) : undefined;
  const territoryId = params.get('territoire') || undefined;
  const monthParam = params.get('mois') ?? '';
  // This month in Paris, as the server counts the days.
  const month = monthPattern.test(monthParam) ? monthParam : parisDay(new Date().toISOString()).slice(0, 7);
  const filters = { kind, territoryId };
  const programmes = useApiQuery(programmeRoutes.list, {});
  const monthList = useApiQuery(fundingCalendarRoutes.deadlines, { query: { ...filters, ...monthRange(month) } });
  // No first day: what is to come, and every report not sent whose day has passed, however long ago.
  const upcoming = useApiQuery(fundingCalendarRoutes.deadlines, { query: filters });

  const territories = (programmes.data?.items ?? []).flatMap((p) =>
    p.territories.map((x) => ({
      id: x.id,
      label: programmes.data?.items.length === 1 ? x.name : `${x.name} (${p.name})`,
    })),
  );

  return (
    <div className="funding-calendar-page">
      <h1>{t('fundingCalendar.title')}</h1>
      <FundingNav />
      <p className="tagline">{t('fundingCalendar.intro')}</p>
      <p className="small">
        <a href={fundingCalendarRoutes.deadlinesIcs.path} download>
          {t('fundingCalendar.ics')}
        </a>
        <br />
        <span className="muted">{t('fundingCalendar.icsHint')}</span>
      </p>

      <form
        className="card deadline-filters"
        aria-label={t('fundingCalendar.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field">
          <label htmlFor="deadline-kind">{t('fundingCalendar.kind')}</label>
          <select id="deadline-kind" value={kind ?? ''} onChange={(e) => set('type', e.target.value)}>
            <option value="">{t('fundingCalendar.allKinds')}</option>
            {deadlineKinds.map((k) => (
              <option key={k} value={k}>
                {t(`fundingCalendar.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="deadline-territory">{t('fundingCalendar.territory')}</label>
          <select
            id="deadline-territory"
            value={territoryId ?? ''}
            aria-describedby="deadline-territory-hint"
            onChange={(e) => set('territoire', e.target.value)}
          >
            <option value="">{t('fundingCalendar.allTerritories')}</option>
            {territories.map((x) => (
              <option key={x.id} value={x.id}>
                {x.label}
              </option>
            ))}
          </select>
          <p className="hint" id="deadline-territory-hint">
            {t('fundingCalendar.territoryHint')}
          </p>
        </div>
      </form>

      <section aria-labelledby="deadline-month" className="deadline-month">
        <div className="deadline-month-head">
          <h2 id="deadline-month">{t('fundingCalendar.month')}</h2>
          <div className="deadline-month-nav">
            <button
              type="button"
              className="button button-secondary"
              onClick={() => set('mois', shiftMonth(month, -1))}
            >
              <span aria-hidden="true">← </span>
              {t('fundingCalendar.previousMonth')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => set('mois', '')}>
              {t('fundingCalendar.thisMonth')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => set('mois', shiftMonth(month, 1))}>
              {t('fundingCalendar.nextMonth')}
              <span aria-hidden="true"> →</span>
            </button>
          </div>
        </div>
        {monthList.error ? <ApiErrorAlert error={monthList.error} /> : null}
        {monthList.data ? (
          <MonthGrid month={month} today={monthList.data.today} items={monthList.data.items} />
        ) : monthList.error ? null : (
          <Loading />
        )}
        {monthList.data?.items.length === 0 ? <p className="muted">{t('fundingCalendar.monthEmpty')}</p> : null}
      </section>

      <section aria-labelledby="deadline-list">
        <h2 id="deadline-list">{t('fundingCalendar.list')}</h2>
        {upcoming.error ? <ApiErrorAlert error={upcoming.error} /> : null}
        {upcoming.data ? <DeadlineTable items={upcoming.data.items} /> : upcoming.error ? null : <Loading />}
      </section>
    </div>
  );
}

function DeadlineTable({ items }: { items: DeadlineView[] }) {
  const { t, locale } = useI18n();
  const daysLeftText = useDaysLeftText();
  if (items.length === 0) return <p className="muted">{t('fundingCalendar.listEmpty')}</p>;
  return (
    <TableWrap labelledBy="deadline-list">
      <table className="deadline-table">
        <thead>
          <tr>
            <th scope="col">{t('fundingCalendar.col.date')}</th>
            <th scope="col">{t('fundingCalendar.col.deadline')}</th>
            <th scope="col">{t('fundingCalendar.col.funder')}</th>
            <th scope="col">{t('fundingCalendar.col.territory')}</th>
            <th scope="col">{t('fundingCalendar.col.when')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={`${d.kind}-${d.callId ?? d.reportId}`} className={d.overdue ? 'deadline-overdue' : undefined}>
              <td>{formatDay(d.dueOn, locale)}</td>
              <th scope="row">
                <span className={`badge deadline-kind deadline-${d.kind}`}>{t(`fundingCalendar.kind.${d.kind}`)}</span>{' '}
                <Link to={d.link}>{d.title}</Link>
                {d.applicationTitle ? (
                  <span className="muted deadline-application">
                    {t('fundingCalendar.reportOf', { title: d.applicationTitle })}
                  </span>
                ) : null}
              </th>
              <td>{d.funder.name}</td>
              <td>{d.territory?.name ?? t('fundingCalendar.noTerritory')}</td>
              <td>
                {d.overdue ? <span className="badge deadline-late">{t('fundingCalendar.overdue')}</span> : null}
                {d.daysLeft >= 0 && d.daysLeft <= 3 ? (
                  <span className="badge deadline-soon">{t('fundingCalendar.soon')}</span>
                ) : null}{' '}
                {daysLeftText(d)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
