import type { ScheduleView } from '../../../../src/modules/events/speed-dating/contract';
import { useI18n } from '../../i18n';
import { TableWrap } from '../../ui/TableWrap';
import { partyName, percent, roundSpan } from './format';

/** The schedule as a grid: one row per round (with its times), one column per table, then who is on a break. */
export function ScheduleGrid({ plan, headingId }: { plan: ScheduleView; headingId: string }) {
  const { t, locale } = useI18n();
  const unknown = t('sd.unknownOrganisation');
  const tables = Array.from({ length: plan.tables }, (_, k) => k + 1);
  return (
    <TableWrap labelledBy={headingId}>
      <table className="sd-grid">
        <thead>
          <tr>
            <th scope="col">{t('sd.grid.time')}</th>
            {tables.map((n) => (
              <th scope="col" key={n}>
                {t('sd.grid.table', { table: n })}
              </th>
            ))}
            <th scope="col">{t('sd.grid.breaks')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.rounds.map((r) => (
            <tr key={r.round}>
              <th scope="row">
                {t('sd.grid.round', { round: r.round })}
                <br />
                <span className="muted">{roundSpan(r, locale)}</span>
              </th>
              {tables.map((n) => {
                const m = r.meetings.find((x) => x.tableNumber === n);
                return (
                  <td key={n}>
                    {m ? (
                      <>
                        {partyName(m.a, unknown)}
                        <br />
                        <span aria-hidden="true">× </span>
                        {partyName(m.b, unknown)}
                      </>
                    ) : (
                      t('sd.grid.empty')
                    )}
                  </td>
                );
              })}
              <td>{r.breaks.map((p) => partyName(p, unknown)).join(', ') || t('sd.grid.empty')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** « Intérêt total X sur un optimum de Y (100 %) ; référence gloutonne : Z (87 %) ». */
export function SummaryLine({ summary }: { summary: ScheduleView['summary'] }) {
  const { t, locale, formatNumber } = useI18n();
  const round = (x: number) => formatNumber(Math.round(x * 100) / 100);
  const pct = (x: number) => percent(x, locale);
  return (
    <p className="sd-summary">
      {t(summary.optimal ? 'sd.summary' : 'sd.summary.bound', {
        interest: round(summary.interest),
        bound: round(summary.bound),
        ratio: pct(summary.ratio),
        greedy: round(summary.greedyInterest),
        greedyRatio: pct(summary.greedyRatio),
      })}
    </p>
  );
}
