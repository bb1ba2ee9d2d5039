import type { BudgetTotals, Figures } from '../../../../src/modules/funding/budget/contract';
import { useI18n } from '../../i18n';
import { TableWrap } from '../../ui/TableWrap';
import { AmountHeads, figureKeys, Money, useSourceWords } from './parts';

/** The totals per year, per category and per funding source (each application, each partner, own funds). */
export function TotalsTables({ totals }: { totals: BudgetTotals }) {
  const { t } = useI18n();
  const words = useSourceWords();
  return (
    <section aria-labelledby="budget-totals-title" className="budget-section">
      <h2 id="budget-totals-title">{t('budget.totalsTitle')}</h2>
      <FiguresTable
        id="budget-by-year"
        title={t('budget.byYear')}
        head={t('budget.col.year')}
        rows={totals.byYear.map((y) => [String(y.year), String(y.year), y])}
        total={totals.overall}
      />
      <FiguresTable
        id="budget-by-category"
        title={t('budget.byCategory')}
        head={t('budget.form.category')}
        rows={totals.byCategory.map((c) => [c.category, t(`budget.category.${c.category}`), c])}
        total={totals.overall}
      />
      {totals.bySource.length ? (
        <>
          <h3 id="budget-by-source">{t('budget.bySource')}</h3>
          <TableWrap labelledBy="budget-by-source">
            <table className="budget-table">
              <thead>
                <tr>
                  <th scope="col">{t('budget.col.source')}</th>
                  <th scope="col">{t('budget.col.funder')}</th>
                  <AmountHeads labels={[t('budget.col.allocated'), t('budget.col.funded'), t('budget.col.expected')]} />
                </tr>
              </thead>
              <tbody>
                {totals.bySource.map((s) => (
                  <tr key={`${s.kind}-${s.key}`}>
                    <th scope="row">
                      {s.label || t('budget.source.ownFunds')}
                      <span className="muted budget-kind"> · {words.kind(s)}</span>
                    </th>
                    <td>{s.funderName ?? ''}</td>
                    <Money value={s.allocated} />
                    <Money value={s.funded} />
                    <Money value={s.expected} />
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      ) : null}
    </section>
  );
}

/** A table of figures, one row per year or category, and the total. */
function FiguresTable({
  id,
  title,
  head,
  rows,
  total,
}: {
  id: string;
  title: string;
  head: string;
  rows: [key: string, label: string, figures: Figures][];
  total: Figures;
}) {
  const { t } = useI18n();
  return (
    <>
      <h3 id={id}>{title}</h3>
      <TableWrap labelledBy={id}>
        <table className="budget-table">
          <thead>
            <tr>
              <th scope="col">{head}</th>
              <AmountHeads labels={figureKeys.map((k) => t(`budget.col.${k}`))} />
            </tr>
          </thead>
          <tbody>
            {rows.map(([key, label, f]) => (
              <tr key={key}>
                <th scope="row">{label}</th>
                {figureKeys.map((k) => (
                  <Money key={k} value={f[k]} />
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="budget-total">
              <th scope="row">{t('budget.total')}</th>
              {figureKeys.map((k) => (
                <Money key={k} value={total[k]} />
              ))}
            </tr>
          </tfoot>
        </table>
      </TableWrap>
    </>
  );
}
