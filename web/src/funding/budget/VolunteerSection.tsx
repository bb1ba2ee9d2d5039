import { useState } from 'react';
import {
  type HoursView,
  type RateView,
  volunteerRoutes,
} from '../../../../src/modules/funding/budget/volunteer-contract';
import type { ProgrammeSummary } from '../../../../src/modules/programmes/contract';
import { useApiQuery } from '../../api/useApi';
import { useI18n } from '../../i18n';
import { Alert, ApiErrorAlert, Loading } from '../../ui/feedback';
import { HoursLog } from './HoursLog';
import { Rates } from './Rates';
import { ValuationTables } from './ValuationTables';
import { HoursForm, RateForm } from './VolunteerForms';

/**
 * « Contributions volontaires en nature »: the valuation as the accounts show it, per year, territory and role, with
 * the hours left without a rate; then the rates and the (folded) hours log. Staff open the rate and hours forms on
 * demand (« Ajouter un taux », « Enregistrer des heures », « Modifier » on a row), so the page stays short.
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
  const view = useApiQuery(volunteerRoutes.volunteers, { query: { programmeId: programme.id, from, to } });
  const [rate, setRate] = useState<RateView | 'new' | null>(null);
  const [hours, setHours] = useState<HoursView | 'new' | null>(null);
  const saved = () => {
    setRate(null);
    setHours(null);
    view.reload();
  };
  const current = <T,>(v: T | 'new' | null) => (v === 'new' ? null : v);
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
          {canEdit && rate !== null ? (
            <RateForm
              key={current(rate)?.id ?? 'new-rate'}
              programmeId={programme.id}
              years={years}
              defaultYear={from}
              current={current(rate)}
              onSaved={saved}
              onCancel={() => setRate(null)}
            />
          ) : null}
          {canEdit && rate === null ? (
            <p className="budget-open-form">
              <button type="button" className="button button-secondary" onClick={() => setRate('new')}>
                {t('budget.volunteers.rate.open')}
              </button>
            </p>
          ) : null}
          <HoursLog view={view.data} canEdit={canEdit} onEdit={setHours} onChanged={saved} />
          {canEdit && hours !== null ? (
            <HoursForm
              key={current(hours)?.id ?? 'new-hours'}
              programme={programme}
              from={from}
              to={to}
              rates={view.data.rates}
              logs={view.data.logs}
              current={current(hours)}
              onSaved={saved}
              onCancel={() => setHours(null)}
            />
          ) : null}
          {canEdit && hours === null ? (
            <p className="budget-open-form">
              <button type="button" className="button button-secondary" onClick={() => setHours('new')}>
                {t('budget.volunteers.hours.open')}
              </button>
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
