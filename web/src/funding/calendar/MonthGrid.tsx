import { Link } from 'react-router';
import type { DeadlineView } from '../../../../src/modules/funding/calendar/contract';
import { deadlineKinds } from '../../../../src/modules/funding/vocabulary';
import { useI18n } from '../../i18n';
import { TableWrap } from '../../ui/TableWrap';

/** The weeks of a month, Monday first: each a row of seven days (`null` outside the month). */
function weeksOf(month: string): (string | null)[][] {
  const [y = 0, m = 1] = month.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1, 1));
  const length = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const days: (string | null)[] = [
    ...Array<null>(lead).fill(null),
    ...Array.from({ length }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`),
  ];
  while (days.length % 7) days.push(null);
  return Array.from({ length: days.length / 7 }, (_, w) => days.slice(w * 7, w * 7 + 7));
}

/**
 * A month as a table (a row per week, a column per weekday): each day lists its deadlines as links. A table, so that
 * screen readers announce the weekday of each cell; the list below holds the same deadlines in date order.
 */
export function MonthGrid({ month, today, items }: { month: string; today: string; items: DeadlineView[] }) {
  const { t, locale } = useI18n();
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  const [y = 0, m = 1] = month.split('-').map(Number);
  const caption = new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
  // 1 January 2024 was a Monday.
  const weekdays = Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i)));
  const name = (d: Date, weekday: 'long' | 'short') =>
    new Intl.DateTimeFormat(tag, { weekday, timeZone: 'UTC' }).format(d);
  const byDay = new Map<string, DeadlineView[]>();
  for (const d of items) byDay.set(d.dueOn, [...(byDay.get(d.dueOn) ?? []), d]);
  return (
    <>
      <ul className="deadline-legend" aria-label={t('fundingCalendar.legend')}>
        {deadlineKinds.map((k) => (
          <li key={k}>
            <span className={`legend-bar deadline-${k}`} aria-hidden="true" />
            {t(`fundingCalendar.kind.${k}`)}
          </li>
        ))}
        <li>
          <span className="legend-bar deadline-overdue" aria-hidden="true" />
          {t('fundingCalendar.overdue')}
        </li>
        <li>
          <span className="legend-today" aria-hidden="true" />
          {t('fundingCalendar.todayLegend')}
        </li>
      </ul>
      <TableWrap labelledBy="deadline-month">
        <table className="month-grid">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {weekdays.map((d) => (
                <th key={d.toISOString()} scope="col" abbr={name(d, 'long')}>
                  {name(d, 'short')}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeksOf(month).map((week) => (
              <tr key={week.find(Boolean) ?? ''}>
                {week.map((day, i) =>
                  day ? (
                    <td
                      key={day}
                      className={day === today ? 'month-today' : undefined}
                      aria-current={day === today ? 'date' : undefined}
                    >
                      <span className="month-day">
                        {Number(day.slice(8))}
                        {day === today ? (
                          <span className="visually-hidden"> ({t('fundingCalendar.today')})</span>
                        ) : null}
                      </span>
                      {byDay.get(day)?.length ? (
                        <ul>
                          {byDay.get(day)?.map((d) => (
                            <li
                              key={`${d.kind}-${d.callId ?? d.reportId}`}
                              className={`month-deadline deadline-${d.kind}${d.overdue ? ' deadline-overdue' : ''}`}
                            >
                              <Link to={d.link} title={t(`fundingCalendar.kind.${d.kind}`)}>
                                <span className="visually-hidden">
                                  {t('fundingCalendar.kindLabel', { kind: t(`fundingCalendar.kind.${d.kind}`) })}
                                </span>
                                {d.title}
                              </Link>
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                  ) : (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the empty cells around a month have only their place
                    <td key={`empty-${i}`} className="month-outside" />
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
