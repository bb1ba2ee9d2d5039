import type { ValuationFigures, VolunteersView } from '../../../../src/modules/funding/budget/volunteer-contract';
import { useI18n } from '../../i18n';
import { TableWrap } from '../../ui/TableWrap';
import { Money } from './parts';

/** The valuation as the accounts show it (864 / 875), then per year, territory and role with the hours left unvalued. */
export function ValuationTables({ view }: { view: VolunteersView }) {
  const { t } = useI18n();
  const v = view.valuation;
  type Row = [key: string, label: string, figures: ValuationFigures];
  const groups: [string, Row[]][] = [
    [t('budget.byYear'), v.byYear.map((y): Row => [`y${y.year}`, String(y.year), y])],
    [
      t('budget.byTerritory'),
      v.byTerritory.map((tr): Row => [`t${tr.territoryId}`, tr.territoryName ?? t('budget.transversal'), tr]),
    ],
    [t('budget.volunteers.byRole'), v.byRole.map((r): Row => [`r${r.role}`, r.role, r])],
  ];
  return (
    <>
      <h3 id="budget-accounts">{t('budget.volunteers.accounts')}</h3>
      <div className="budget-narrow">
        <TableWrap labelledBy="budget-accounts">
          <table className="budget-table">
            <tbody>
              <tr>
                <th scope="row">{t('budget.volunteers.account864')}</th>
                <Money value={v.overall.value} />
              </tr>
              <tr>
                <th scope="row">{t('budget.volunteers.account875')}</th>
                <Money value={v.overall.value} />
              </tr>
            </tbody>
          </table>
        </TableWrap>
      </div>
      <h3 id="budget-valuation">{t('budget.volunteers.valuation')}</h3>
      <TableWrap labelledBy="budget-valuation">
        <table className="budget-table">
          <thead>
            <tr>
              <th scope="col">{t('budget.volunteers.col.view')}</th>
              <th scope="col" className="budget-num">
                {t('budget.volunteers.col.hours')}
              </th>
              <th scope="col" className="budget-num">
                {t('budget.volunteers.col.value')}
              </th>
              <th scope="col" className="budget-num">
                {t('budget.volunteers.col.unvalued')}
              </th>
            </tr>
          </thead>
          {groups.map(([name, rows]) => (
            <tbody key={name}>
              <tr className="budget-group">
                <th scope="colgroup" colSpan={4}>
                  {name}
                </th>
              </tr>
              {rows.map(([key, label, f]) => (
                <ValuationRow key={key} label={label} f={f} />
              ))}
            </tbody>
          ))}
          <tfoot>
            <ValuationRow label={t('budget.volunteers.total')} f={v.overall} total />
          </tfoot>
        </table>
      </TableWrap>
    </>
  );
}

function ValuationRow({ label, f, total }: { label: string; f: ValuationFigures; total?: boolean }) {
  const { formatNumber } = useI18n();
  return (
    <tr className={total ? 'budget-total' : undefined}>
      <th scope="row">{label}</th>
      <td className="budget-num">{formatNumber(f.hours)}</td>
      <Money value={f.value} />
      <td className="budget-num">{f.unvaluedHours ? formatNumber(f.unvaluedHours) : '–'}</td>
    </tr>
  );
}
