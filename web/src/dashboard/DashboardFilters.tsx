import type { RefObject } from 'react';
import type { Dashboard } from '../../../src/modules/dashboard/figures';
import { useI18n } from '../i18n';

/** The address's filter names (French, like the rest of the app's addresses). */
export const param = { programme: 'programme', territoryId: 'territoire', phaseId: 'phase', year: 'annee' } as const;

/** The filters applied, then a few key figures: said politely by screen readers once new figures are shown. */
export function FiguresStatus({ data }: { data: Dashboard }) {
  const { t, formatNumber } = useI18n();
  const chips = filterLabels(data, t);
  const k = data.keyFigures;
  return (
    <p className="visually-hidden" role="status" aria-live="polite" data-testid="dashboard-status">
      {t('dashboard.status', {
        filters: chips.length ? chips.map((c) => c.label).join(', ') : t('dashboard.noFilter'),
        partnerships: formatNumber(k.partnerships),
        events: formatNumber(k.eventsHeld),
        attendance: formatNumber(k.attendance),
      })}
    </p>
  );
}

/** The active filters' chips: the key of the address they clear, and what they say. */
function filterLabels(data: Dashboard, t: ReturnType<typeof useI18n>['t']) {
  const territory = data.territories.find((tr) => tr.id !== null && tr.id === data.filters.territoryId);
  const phase = data.phases.find((ph) => ph.id === data.filters.phaseId);
  return [
    territory
      ? {
          key: param.territoryId,
          label: t('dashboard.chip', { name: t('dashboard.territory'), value: territory.name }),
        }
      : null,
    phase
      ? { key: param.phaseId, label: t('dashboard.chip', { name: t('dashboard.phase'), value: phase.name }) }
      : null,
    data.filters.year
      ? { key: param.year, label: t('dashboard.chip', { name: t('dashboard.year'), value: data.filters.year }) }
      : null,
  ].filter((c) => c !== null);
}

/** The territory, phase and year selects, and the chips of the filters applied (each removes its own). */
export function Filters({
  data,
  onChange,
  onClearAll,
  filtersRef,
  chipsRef,
}: {
  data: Dashboard;
  onChange: (key: string, value: string) => void;
  onClearAll: () => void;
  filtersRef: RefObject<HTMLFieldSetElement | null>;
  chipsRef: RefObject<HTMLUListElement | null>;
}) {
  const { t } = useI18n();
  const territories = data.territories.filter((tr) => tr.id !== null);
  const chips = filterLabels(data, t);
  return (
    <>
      <fieldset className="dashboard-filters" ref={filtersRef} tabIndex={-1}>
        <legend>{t('dashboard.filters')}</legend>
        <label>
          {t('dashboard.territory')}
          <select value={data.filters.territoryId ?? ''} onChange={(e) => onChange(param.territoryId, e.target.value)}>
            <option value="">{t('dashboard.all')}</option>
            {territories.map((tr) => (
              <option key={tr.id} value={tr.id ?? ''}>
                {tr.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dashboard.phase')}
          <select value={data.filters.phaseId ?? ''} onChange={(e) => onChange(param.phaseId, e.target.value)}>
            <option value="">{t('dashboard.allFem')}</option>
            {data.phases.map((ph) => (
              <option key={ph.id} value={ph.id}>
                {ph.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dashboard.year')}
          <select value={data.filters.year ?? ''} onChange={(e) => onChange(param.year, e.target.value)}>
            <option value="">{t('dashboard.allFem')}</option>
            {data.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      {chips.length ? (
        <ul className="active-filters" aria-label={t('dashboard.activeFilters')} ref={chipsRef} tabIndex={-1}>
          {chips.map((c) => (
            <li key={c.key}>
              <button
                type="button"
                className="active-filter"
                aria-label={t('dashboard.removeFilter', { label: c.label })}
                onClick={() => onChange(c.key, '')}
              >
                {c.label}
                <span aria-hidden="true"> ×</span>
              </button>
            </li>
          ))}
          {chips.length > 1 ? (
            <li>
              <button type="button" className="link-button" onClick={onClearAll}>
                {t('dashboard.clearFilters')}
              </button>
            </li>
          ) : null}
        </ul>
      ) : null}
    </>
  );
}
