import { Link } from 'react-router';
import { type BudgetView, budgetRoutes, type LineView } from '../../../../src/modules/funding/budget/contract';
import { callApi } from '../../api/client';
import { useI18n } from '../../i18n';
import { TableWrap } from '../../ui/TableWrap';
import { AmountHeads, figureKeys, Money, RowActions, useConfirmedRemove, useSourceWords } from './parts';

/**
 * The lines grouped by territory (transversal first), each group of several lines with its subtotal, then the total;
 * under each line's label, its sources (applications link to their page).
 */
export function LinesTable({
  budget,
  canEdit,
  onEdit,
  onDeleted,
}: {
  budget: BudgetView;
  canEdit: boolean;
  onEdit(line: LineView): void;
  onDeleted(): void;
}) {
  const { t } = useI18n();
  const { failureAlert, remove } = useConfirmedRemove(onDeleted);
  if (budget.lines.length === 0) {
    return (
      <div className="empty-state">
        <p>{t('budget.empty')}</p>
        {canEdit ? <p className="muted">{t('budget.emptyHint')}</p> : null}
      </div>
    );
  }
  const groups = budget.totals.byTerritory.map((total) => ({
    total,
    name: total.territoryName ?? t('budget.transversal'),
    lines: budget.lines.filter((l) => l.territoryId === total.territoryId),
  }));
  const columns = 2 + figureKeys.length + (canEdit ? 1 : 0);
  return (
    <>
      {failureAlert}
      <TableWrap labelledBy="budget-lines-title">
        <table className="budget-table">
          <thead>
            <tr>
              <th scope="col">{t('budget.col.year')}</th>
              <th scope="col">{t('budget.col.line')}</th>
              <AmountHeads labels={figureKeys.map((k) => t(`budget.col.${k}`))} />
              {canEdit ? <th scope="col">{t('budget.col.actions')}</th> : null}
            </tr>
          </thead>
          {groups.map((g) => (
            <tbody key={g.total.territoryId ?? 'transversal'}>
              <tr className="budget-group">
                <th scope="colgroup" colSpan={columns}>
                  {g.name}
                </th>
              </tr>
              {g.lines.map((line) => (
                <tr key={line.id}>
                  <td>{line.year}</td>
                  <td className="budget-line-cell">
                    <LineLabel line={line} />
                  </td>
                  {figureKeys.map((k) => (
                    <Money key={k} value={line[k]} />
                  ))}
                  {canEdit ? (
                    <RowActions
                      editLabel={t('budget.editLabel', { label: line.label, year: line.year })}
                      deleteLabel={t('budget.deleteLabel', { label: line.label, year: line.year })}
                      onEdit={() => onEdit(line)}
                      onDelete={() =>
                        void remove(t('budget.deleteConfirm', { label: line.label }), () =>
                          callApi(budgetRoutes.deleteLine, { params: { id: line.id } }),
                        )
                      }
                    />
                  ) : null}
                </tr>
              ))}
              {groups.length > 1 && g.lines.length > 1 ? (
                <tr className="budget-subtotal">
                  <th scope="row" colSpan={2}>
                    {t('budget.subtotal', { name: g.name })}
                  </th>
                  {figureKeys.map((k) => (
                    <Money key={k} value={g.total[k]} />
                  ))}
                  {canEdit ? <td /> : null}
                </tr>
              ) : null}
            </tbody>
          ))}
          <tfoot>
            <tr className="budget-total">
              <th scope="row" colSpan={2}>
                {t('budget.total')}
              </th>
              {figureKeys.map((k) => (
                <Money key={k} as="td" value={budget.totals.overall[k]} />
              ))}
              {canEdit ? <td /> : null}
            </tr>
          </tfoot>
        </table>
      </TableWrap>
    </>
  );
}

function LineLabel({ line }: { line: LineView }) {
  const { t, formatEuros } = useI18n();
  const words = useSourceWords();
  return (
    <>
      <span className="budget-line-label">{line.label}</span>{' '}
      <span className="badge badge-muted">{t(`budget.category.${line.category}`)}</span>
      {line.overFunded ? <p className="budget-warning">{t('budget.overFunded')}</p> : null}
      {line.sources.length ? (
        <ul className="budget-sources" aria-label={`${t('budget.sourcesOf')} — ${line.label}`}>
          {line.sources.map((s) => (
            <li key={s.id}>
              {s.applicationId ? (
                <Link to={`/financements/dossiers/${s.applicationId}`}>{s.label}</Link>
              ) : (
                <span>{s.kind === 'ownFunds' ? s.label || t('budget.source.ownFunds') : s.label}</span>
              )}
              {s.funderName && s.kind !== 'ownFunds' ? <span className="muted"> · {s.funderName}</span> : null}{' '}
              <span className="muted">
                (
                {[words.status(s), t('budget.source.amount', { amount: formatEuros(s.amount) })]
                  .filter(Boolean)
                  .join(', ')}
                )
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted budget-no-source">{t('budget.noSource')}</p>
      )}
    </>
  );
}
