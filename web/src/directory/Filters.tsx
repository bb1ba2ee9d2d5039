import { type ReactNode, useEffect, useId, useState } from 'react';
import type { DirectoryPage } from '../../../src/modules/actors/contract';
import { type ActorFamily, actorFamilies } from '../../../src/modules/reference/families';
import { useI18n } from '../i18n';
import { useReference } from '../reference/reference';
import { textColourOn } from '../ui/chips';
import type { DirectoryState, ListFilter } from './urlState';

type Facets = DirectoryPage['facets'];

interface Option {
  value: string;
  label: string;
  /** Undefined while the first answer is awaited. */
  count: number | undefined;
  swatch?: string;
}

const collapsedSize = 8;

/** One filter: a group of checkboxes with the result count each would give. */
function FacetGroup({
  name,
  title,
  options,
  selected,
  onToggle,
  defaultOpen,
  note,
}: {
  name: ListFilter;
  title: string;
  options: Option[];
  selected: string[];
  onToggle(name: ListFilter, value: string): void;
  defaultOpen: boolean;
  note?: ReactNode;
}) {
  const { t, formatNumber } = useI18n();
  const [expanded, setExpanded] = useState(false);
  const [open, setOpen] = useState(defaultOpen || selected.length > 0);
  const hasSelection = selected.length > 0;
  useEffect(() => {
    if (hasSelection) setOpen(true);
  }, [hasSelection]);
  const idBase = useId();
  const shown = expanded ? options : options.slice(0, collapsedSize);
  return (
    <details className="facet" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {title}
        {selected.length ? <span className="facet-selected-count"> ({formatNumber(selected.length)})</span> : null}
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
                  onChange={() => onToggle(name, o.value)}
                  disabled={!checked && o.count === 0}
                />
                <label htmlFor={id}>
                  {o.swatch ? (
                    <span
                      className="facet-swatch"
                      aria-hidden="true"
                      style={{ background: o.swatch, color: textColourOn(o.swatch) }}
                    >
                      {o.value}
                    </span>
                  ) : null}
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
        {options.length > collapsedSize ? (
          <button type="button" className="link-button small" onClick={() => setExpanded((x) => !x)}>
            {expanded ? t('filters.showLess') : t('filters.showAll', { count: formatNumber(options.length) })}
          </button>
        ) : null}
      </fieldset>
    </details>
  );
}

/** Facet values with their counts; selected values always appear, even at zero. */
function withCounts(facet: { value: string; count: number }[], selected: string[]): Map<string, number> {
  const counts = new Map(facet.map((f) => [f.value, f.count]));
  for (const v of selected) if (!counts.has(v)) counts.set(v, 0);
  return counts;
}

const byCountThenLabel = (a: Option, b: Option) =>
  (b.count ?? 0) - (a.count ?? 0) || a.label.localeCompare(b.label, 'fr');

export function Filters({
  state,
  facets,
  onToggle,
  onTerritory,
}: {
  state: DirectoryState;
  facets: Facets | undefined;
  onToggle(name: ListFilter, value: string): void;
  onTerritory(id: string): void;
}) {
  const { t } = useI18n();
  const ref = useReference();
  const territoryId = useId();
  const f = state.filters;
  const empty = { family: [], commune: [], theme: [], sdg: [], contribution: [], benefit: [] };
  const fc = facets ?? empty;

  const familyCounts = withCounts(fc.family, f.family);
  const familyOptions: Option[] = actorFamilies.map((family) => ({
    value: family,
    label: t(`family.${family}`),
    count: facets ? (familyCounts.get(family) ?? 0) : undefined,
  }));

  const communeOptions = [...withCounts(fc.commune, f.commune)]
    .map(([value, count]) => ({ value, label: ref.communeName(value) ?? value, count }))
    .sort(byCountThenLabel);

  const themeOptions = [...withCounts(fc.theme, f.theme)]
    .filter(([value, count]) => count > 0 || f.theme.includes(value))
    .map(([value, count]) => ({ value, label: ref.themeLabel(value), count }))
    .sort(byCountThenLabel);

  const sdgCounts = withCounts(fc.sdg, f.sdg);
  const sdgOptions = (ref.data?.sdgs ?? [])
    .map((s) => ({
      value: String(s.number),
      label: ref.sdgLabel(s.number),
      count: sdgCounts.get(String(s.number)) ?? 0,
      swatch: s.color,
    }))
    .filter((o) => o.count > 0 || f.sdg.includes(o.value));

  /** Contributions and benefits belong to a family: their labels say which, as some repeat across families. */
  const stakeholderOptions = (name: 'contribution' | 'benefit') =>
    [...withCounts(fc[name], f[name])]
      .filter(([value, count]) => count > 0 || f[name].includes(value))
      .map(([value, count]) => {
        const item = ref.item(value);
        const family = item?.family as ActorFamily | undefined;
        return {
          value,
          label: family ? `${ref.itemLabel(value)} (${t(`family.${family}.short`)})` : ref.itemLabel(value),
          count,
        };
      })
      .sort(byCountThenLabel);

  return (
    <div className="filters">
      <FacetGroup
        name="family"
        title={t('filters.family')}
        options={familyOptions}
        selected={f.family}
        onToggle={onToggle}
        defaultOpen
      />
      <div className="facet facet-static">
        <label htmlFor={territoryId} className="facet-title">
          {t('filters.territory')}
        </label>
        <select id={territoryId} value={state.territory} onChange={(e) => onTerritory(e.target.value)}>
          <option value="">{t('filters.allTerritories')}</option>
          {(ref.data?.territories ?? []).map((territory) => (
            <option key={territory.id} value={territory.id}>
              {territory.name}
            </option>
          ))}
        </select>
      </div>
      {ref.data || ref.failed ? (
        <>
          <FacetGroup
            name="commune"
            title={t('filters.commune')}
            options={communeOptions}
            selected={f.commune}
            onToggle={onToggle}
            defaultOpen={false}
          />
          <FacetGroup
            name="theme"
            title={t('filters.theme')}
            options={themeOptions}
            selected={f.theme}
            onToggle={onToggle}
            defaultOpen
          />
          <FacetGroup
            name="sdg"
            title={t('filters.sdg')}
            options={sdgOptions}
            selected={f.sdg}
            onToggle={onToggle}
            defaultOpen={false}
          />
          <FacetGroup
            name="contribution"
            title={t('filters.contribution')}
            options={stakeholderOptions('contribution')}
            selected={f.contribution}
            onToggle={onToggle}
            defaultOpen={false}
          />
          <FacetGroup
            name="benefit"
            title={t('filters.benefit')}
            options={stakeholderOptions('benefit')}
            selected={f.benefit}
            onToggle={onToggle}
            defaultOpen={false}
          />
        </>
      ) : null}
    </div>
  );
}
