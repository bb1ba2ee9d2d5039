import { useState } from 'react';
import {
  budgetRoutes,
  type HoursView,
  type RateView,
  type ValuationFigures,
  type VolunteersView,
} from '../../../../src/modules/funding/budget/contract';
import type { ProgrammeSummary } from '../../../../src/modules/programmes/contract';
import { asApiError, callApi } from '../../api/client';
import { useApiQuery } from '../../api/useApi';
import { useI18n } from '../../i18n';
import { Alert, ApiErrorAlert, Loading, useErrorText } from '../../ui/feedback';
import { TableWrap } from '../../ui/TableWrap';
import { Money } from './parts';
import { HoursForm, RateForm } from './VolunteerForms';

/**
 * « Contributions volontaires en nature »: the valuation as the accounts show it (864 / 875), per year, territory and
 * role, with the hours left without a rate; then the rates and the hours log, which staff edit.
 */
export function VolunteerSection({
  programme,
  years,
  from,
  to,
  canEdit,
}: {
  programme: ProgrammeSummary;
  years: number[];
  from: number | undefined;
  to: number | undefined;
  canEdit: boolean;
}) {
  const { t, formatNumber } = useI18n();
  const view = useApiQuery(budgetRoutes.volunteers, { query: { programmeId: programme.id, from, to } });
  const [rate, setRate] = useState<RateView | null>(null);
  const [hours, setHours] = useState<HoursView | null>(null);
  const saved = () => {
    setRate(null);
    setHours(null);
    view.reload();
  };
  return (
    <section aria-labelledby="budget-volunteers-title" className="budget-section">
      <h2 id="budget-volunteers-title">{t('budget.volunteers.title')}</h2>
      <p className="muted">{t('budget.volunteers.intro')}</p>
      {view.error ? <ApiErrorAlert error={view.error} /> : null}
      {!view.data && view.loading ? <Loading /> : null}
      {view.data ? (
        <>
          {view.data.valuation.overall.unvaluedHours > 0 ? (
            <Alert kind="warning">
              {t('budget.volunteers.unvaluedWarning', {
                hours: formatNumber(view.data.valuation.overall.unvaluedHours),
              })}
            </Alert>
          ) : null}
          {view.data.logs.length ? (
            <ValuationTables view={view.data} />
          ) : (
            <div className="empty-state">
              <p>{t('budget.volunteers.empty')}</p>
            </div>
          )}
          <Rates view={view.data} canEdit={canEdit} onEdit={setRate} onChanged={saved} />
          {canEdit ? (
            <RateForm
              key={rate?.id ?? 'new-rate'}
              programmeId={programme.id}
              years={years}
              defaultYear={from}
              current={rate}
              onSaved={saved}
              onCancel={() => setRate(null)}
            />
          ) : null}
          <HoursLog view={view.data} canEdit={canEdit} onEdit={setHours} onChanged={saved} />
          {canEdit ? (
            <HoursForm
              key={hours?.id ?? 'new-hours'}
              programme={programme}
              roles={rolesOf(view.data)}
              current={hours}
              onSaved={saved}
              onCancel={() => setHours(null)}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** The roles already used, offered when logging hours (so that they match the rates). */
const rolesOf = (view: VolunteersView) =>
  [...new Set([...view.rates.map((r) => r.role), ...view.logs.map((l) => l.role)].filter(Boolean))].sort();

function ValuationTables({ view }: { view: VolunteersView }) {
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
      <TableWrap labelledBy="budget-accounts">
        <table className="budget-table budget-accounts">
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

/** Deletes through the API, the failure shown in an alert. */
function useRemove(onDone: () => void) {
  const errorText = useErrorText();
  const [failure, setFailure] = useState<string | null>(null);
  const remove = async (call: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await call();
      onDone();
    } catch (e) {
      setFailure(errorText(asApiError(e)));
    }
  };
  return { failure, remove };
}

function Rates({
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
  const { failure, remove } = useRemove(onChanged);
  return (
    <>
      <h3 id="budget-rates">{t('budget.volunteers.rates')}</h3>
      {failure ? <Alert>{failure}</Alert> : null}
      {view.rates.length === 0 ? (
        <p className="muted">{t('budget.volunteers.ratesEmpty')}</p>
      ) : (
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
                      <td className="budget-actions">
                        <button
                          type="button"
                          className="button button-small button-secondary"
                          aria-label={t('budget.volunteers.rate.editLabel', { role, year: r.year })}
                          onClick={() => onEdit(r)}
                        >
                          {t('budget.edit')}
                        </button>
                        <button
                          type="button"
                          className="button button-small button-danger"
                          aria-label={t('budget.volunteers.rate.deleteLabel', { role, year: r.year })}
                          onClick={() => void remove(() => callApi(budgetRoutes.deleteRate, { params: { id: r.id } }))}
                        >
                          {t('budget.delete')}
                        </button>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}

function HoursLog({
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
  const { failure, remove } = useRemove(onChanged);
  if (view.logs.length === 0) return null;
  return (
    <>
      <h3 id="budget-hours">{t('budget.volunteers.hours')}</h3>
      {failure ? <Alert>{failure}</Alert> : null}
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
                <td>{formatDate(`${l.workedOn}T12:00:00`)}</td>
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
                  <td className="budget-actions">
                    <button
                      type="button"
                      className="button button-small button-secondary"
                      aria-label={t('budget.volunteers.hours.editLabel', {
                        date: formatDate(`${l.workedOn}T12:00:00`),
                        role: l.role,
                      })}
                      onClick={() => onEdit(l)}
                    >
                      {t('budget.edit')}
                    </button>
                    <button
                      type="button"
                      className="button button-small button-danger"
                      aria-label={t('budget.volunteers.hours.deleteLabel', {
                        date: formatDate(`${l.workedOn}T12:00:00`),
                        role: l.role,
                      })}
                      onClick={() => void remove(() => callApi(budgetRoutes.deleteHours, { params: { id: l.id } }))}
                    >
                      {t('budget.delete')}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
