import {
  type HoursView,
  type VolunteersView,
  volunteerRoutes,
} from '../../../../src/modules/funding/budget/volunteer-contract';
import { callApi } from '../../api/client';
import { useI18n } from '../../i18n';
import { TableWrap } from '../../ui/TableWrap';
import { RowActions, useConfirmedRemove } from './parts';

/**
 * The hours logged over the years shown, folded (a year holds dozens of entries: the valuation above sums them);
 * staff change or delete them (after confirming).
 */
export function HoursLog({
  view,
  canEdit,
  onEdit,
  onChanged,
}: {
  view: VolunteersView;
  canEdit: boolean;
  onEdit(hours: HoursView): void;
  onChanged(): void;
}) {
  const { t, formatNumber, formatDate, formatEuros } = useI18n();
  const { failureAlert, remove } = useConfirmedRemove(onChanged);
  if (view.logs.length === 0) return null;
  const day = (l: HoursView) => formatDate(`${l.workedOn}T12:00:00`);
  return (
    <details className="budget-hours-log">
      <summary>
        <h3 id="budget-hours">{t('budget.volunteers.hours.log', { count: view.logs.length })}</h3>
      </summary>
      {failureAlert}
      <TableWrap labelledBy="budget-hours">
        <table className="budget-table">
          <thead>
            <tr>
              <th scope="col">{t('budget.volunteers.hours.workedOn')}</th>
              <th scope="col">{t('budget.volunteers.hours.territory')}</th>
              <th scope="col">{t('budget.volunteers.rate.role')}</th>
              <th scope="col">{t('budget.volunteers.col.actor')}</th>
              <th scope="col" className="budget-num">
                {t('budget.volunteers.hours.hours')}
              </th>
              <th scope="col" className="budget-num">
                {t('budget.volunteers.hours.rate')}
              </th>
              <th scope="col" className="budget-num">
                {t('budget.volunteers.col.value')}
              </th>
              {canEdit ? <th scope="col">{t('budget.col.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {view.logs.map((l) => (
              <tr key={l.id}>
                <td>{day(l)}</td>
                <td>{l.territoryName ?? t('budget.transversal')}</td>
                <td>
                  {l.role}
                  {l.description ? <p className="muted budget-description">{l.description}</p> : null}
                </td>
                <td>{l.actorName ?? ''}</td>
                <td className="budget-num">{formatNumber(l.hours)}</td>
                <td className="budget-num">{l.hourlyRate === null ? '–' : formatEuros(l.hourlyRate)}</td>
                <td className="budget-num">
                  {l.value === null ? (
                    <span className="budget-warning-text">{t('budget.volunteers.hours.unvalued')}</span>
                  ) : (
                    formatEuros(l.value)
                  )}
                </td>
                {canEdit ? (
                  <RowActions
                    editLabel={t('budget.volunteers.hours.editLabel', { date: day(l), role: l.role })}
                    deleteLabel={t('budget.volunteers.hours.deleteLabel', { date: day(l), role: l.role })}
                    onEdit={() => onEdit(l)}
                    onDelete={() =>
                      void remove(t('budget.volunteers.hours.deleteConfirm', { date: day(l), role: l.role }), () =>
                        callApi(volunteerRoutes.deleteHours, { params: { id: l.id } }),
                      )
                    }
                  />
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </details>
  );
}
