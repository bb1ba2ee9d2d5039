import { type ReactNode, useEffect, useId, useState } from 'react';
import { useI18n } from '../i18n';
import { useReference } from '../reference/reference';
import { Swatch } from './chips';

export interface FilterOption {
  value: string;
  label: string;
  /** The number of results the value would give; undefined while unknown (or not counted). */
  count?: number | undefined;
  /** A colour shown before the label (SDGs). */
  swatch?: string;
}

/**
 * One filter of a list page: a group of checkboxes, each with the result count it would give. It opens by itself
 * when a value is selected; past `collapseAfter` options, the rest hide behind a « show all » button.
 */
export function FilterGroup({
  title,
  options,
  selected,
  onToggle,
  defaultOpen,
  showSelectedCount = true,
  collapseAfter,
  note,
  children,
}: {
  title: string;
  options: FilterOption[];
  selected: string[];
  onToggle(value: string): void;
  defaultOpen: boolean;
  showSelectedCount?: boolean;
  collapseAfter?: number;
  /** Shown above the options. */
  note?: ReactNode;
  /** Shown below the options. */
  children?: ReactNode;
}) {
  const { t, formatNumber } = useI18n();
  const idBase = useId();
  const [expanded, setExpanded] = useState(false);
  const [open, setOpen] = useState(defaultOpen || selected.length > 0);
  const hasSelection = selected.length > 0;
  useEffect(() => {
    if (hasSelection) setOpen(true);
  }, [hasSelection]);
  const collapsible = collapseAfter !== undefined && options.length > collapseAfter;
  const shown = collapsible && !expanded ? options.slice(0, collapseAfter) : options;
  return (
    <details className="facet" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {title}
        {showSelectedCount && selected.length ? (
          <span className="facet-selected-count"> ({formatNumber(selected.length)})</span>
        ) : null}
      </summary>
      <fieldset>
        <legend className="visually-hidden">{title}</legend>
        {note}
        {options.length === 0 ? <p className="muted small">{t('filters.noValue')}</p> : null}
        <ul className="facet-options">
          {shown.map((o) => {
            const id = `${idBase}-${o.value}`;
            const checked = selected.includes(o.value);
            return (
              <li key={o.value}>
                <input
                  type="checkbox"
                  id={id}
                  checked={checked}
                  onChange={() => onToggle(o.value)}
                  disabled={!checked && o.count === 0}
                />
                <label htmlFor={id}>
                  {o.swatch ? <Swatch colour={o.swatch}>{o.value}</Swatch> : null}
                  <span className="facet-label">{o.label}</span>
                  {o.count === undefined ? null : (
                    <span className="facet-count">
                      <span className="visually-hidden">, </span>
                      {t('filters.resultCount', { count: formatNumber(o.count) })}
                    </span>
                  )}
                </label>
              </li>
            );
          })}
        </ul>
        {collapsible ? (
          <button type="button" className="link-button small" onClick={() => setExpanded((x) => !x)}>
            {expanded ? t('filters.showLess') : t('filters.showAll', { count: formatNumber(options.length) })}
          </button>
        ) : null}
        {children}
      </fieldset>
    </details>
  );
}

/**
 * A filter that picks one value in a list (a territory, a commune), « all » first: in a filters column (`facet`) or
 * in a row of filters above a list (`field`).
 */
export function FilterSelect({
  label,
  value,
  onChange,
  allLabel,
  options,
  id,
  look = 'facet',
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  allLabel: string;
  options: { value: string; label: string }[];
  id?: string;
  look?: 'facet' | 'field';
}) {
  const generatedId = useId();
  const selectId = id ?? generatedId;
  return (
    <div className={look === 'facet' ? 'facet facet-static' : 'field'}>
      <label htmlFor={selectId} className={look === 'facet' ? 'facet-title' : undefined}>
        {label}
      </label>
      <select id={selectId} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The territory filter of a list page: one of the reference territories, or all. */
export function TerritoryFilter({ value, onChange }: { value: string; onChange(territoryId: string): void }) {
  const { t } = useI18n();
  const ref = useReference();
  return (
    <FilterSelect
      label={t('filters.territory')}
      value={value}
      onChange={onChange}
      allLabel={t('filters.allTerritories')}
      options={(ref.data?.territories ?? []).map((territory) => ({ value: territory.id, label: territory.name }))}
    />
  );
}
