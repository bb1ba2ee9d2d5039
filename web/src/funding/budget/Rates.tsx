import {
  type RateView,
  type VolunteersView,
  volunteerRoutes,
} from '../../../../src/modules/funding/budget/volunteer-contract';
import { callApi } from '../../api/client';
import { useI18n } from '../../i18n';
import { TableWrap } from '../../ui/TableWrap';
import { Money, RowActions, useConfirmedRemove } from './parts';

/** The hourly rates of the years shown; staff change or delete them (after confirming). */
export function Rates({
  view,
  canEdit,
  onEdit,
  onChanged,
}: {
  view: VolunteersView;
  canEdit: boolean;
  onEdit(rate: RateView): void;
  onChanged(): void;
}) {
  const { t } = useI18n();
  const { failureAlert, remove } = useConfirmedRemove(onChanged);
  return (
    <>
      <h3 id="budget-rates">{t('budget.volunteers.rates')}</h3>
      {failureAlert}
      {view.rates.length === 0 ? (
        <p className="muted">{t('budget.volunteers.ratesEmpty')}</p>
      ) : (
        <div className="budget-narrow">
          <TableWrap labelledBy="budget-rates">
            <table className="budget-table">
              <thead>
                <tr>
                  <th scope="col">{t('budget.volunteers.rate.year')}</th>
                  <th scope="col">{t('budget.volunteers.rate.role')}</th>
                  <th scope="col" className="budget-num">
                    {t('budget.volunteers.rate.hourlyRate')}
                  </th>
                  {canEdit ? <th scope="col">{t('budget.col.actions')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {view.rates.map((r) => {
                  const role = r.role || t('budget.volunteers.defaultRole');
                  return (
                    <tr key={r.id}>
                      <td>{r.year}</td>
                      <td>{role}</td>
                      <Money value={r.hourlyRate} />
                      {canEdit ? (
                        <RowActions
                          editLabel={t('budget.volunteers.rate.editLabel', { role, year: r.year })}
                          deleteLabel={t('budget.volunteers.rate.deleteLabel', { role, year: r.year })}
                          onEdit={() => onEdit(r)}
                          onDelete={() =>
                            void remove(t('budget.volunteers.rate.deleteConfirm', { role, year: r.year }), () =>
                              callApi(volunteerRoutes.deleteRate, { params: { id: r.id } }),
                            )
                          }
                        />
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        </div>
      )}
    </>
  );
}
