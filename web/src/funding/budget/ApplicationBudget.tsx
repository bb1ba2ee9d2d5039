import { Link } from 'react-router';
import { budgetRoutes } from '../../../../src/modules/funding/budget/contract';
import { useApiQuery } from '../../api/useApi';
import { useI18n } from '../../i18n';
import { ApiErrorAlert, Loading } from '../../ui/feedback';
import { TableWrap } from '../../ui/TableWrap';
import { AmountHeads, Money } from './parts';

/** The budget lines an application funds, with the amount it brings to each and what of it counts (on its page). */
export function ApplicationBudget({ applicationId }: { applicationId: string }) {
  const { t } = useI18n();
  const query = useApiQuery(budgetRoutes.ofApplication, { params: { id: applicationId } });
  return (
    <section aria-labelledby="application-budget-title" className="card budget-section">
      <h2 id="application-budget-title">{t('budget.application.title')}</h2>
      {query.error ? <ApiErrorAlert error={query.error} /> : null}
      {!query.data && query.loading ? <Loading /> : null}
      {query.data && query.data.lines.length === 0 ? <p className="muted">{t('budget.application.empty')}</p> : null}
      {query.data && query.data.lines.length > 0 ? (
        <TableWrap labelledBy="application-budget-title">
          <table className="budget-table">
            <thead>
              <tr>
                <th scope="col">{t('budget.col.year')}</th>
                <th scope="col">{t('budget.col.territory')}</th>
                <th scope="col">{t('budget.col.line')}</th>
                <AmountHeads labels={[t('budget.col.allocated'), t('budget.col.funded'), t('budget.col.expected')]} />
              </tr>
            </thead>
            <tbody>
              {query.data.lines.map((l) => (
                <tr key={l.lineId}>
                  <td>
                    <Link
                      to={`/financements/budget?programme=${l.programmeId}&du=${l.year}&au=${l.year}`}
                      aria-label={t('budget.application.see', { year: l.year })}
                    >
                      {l.year}
                    </Link>
                  </td>
                  <td>{l.territoryName ?? t('budget.transversal')}</td>
                  <td>
                    {l.label} <span className="badge badge-muted">{t(`budget.category.${l.category}`)}</span>
                  </td>
                  <Money value={l.amount} />
                  <Money value={l.funded} />
                  <Money value={l.expected} />
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </section>
  );
}
