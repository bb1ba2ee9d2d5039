import type { DirectoryPage } from '../../../src/modules/actors/contract';
import { type ActorFamily, actorFamilies } from '../../../src/modules/reference/families';
import { useI18n } from '../i18n';
import { useReference } from '../reference/reference';
import { FilterGroup, type FilterOption, TerritoryFilter } from '../ui/FilterGroup';
import type { DirectoryState, ListFilter } from './urlState';

type Facets = DirectoryPage['facets'];

/** Past this many values, a filter shows the rest on demand. */
const collapseAfter = 8;

/** Facet values with their counts; selected values always appear, even at zero. */
function withCounts(facet: { value: string; count: number }[], selected: string[]): Map<string, number> {
  const counts = new Map(facet.map((f) => [f.value, f.count]));
  for (const v of selected) if (!counts.has(v)) counts.set(v, 0);
  return counts;
}

const byCountThenLabel = (a: FilterOption, b: FilterOption) =>
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
  const f = state.filters;
  const empty = { family: [], commune: [], theme: [], sdg: [], contribution: [], benefit: [] };
  const fc = facets ?? empty;

  const familyCounts = withCounts(fc.family, f.family);
  const familyOptions: FilterOption[] = actorFamilies.map((family) => ({
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
      <FilterGroup
        title={t('filters.family')}
        options={familyOptions}
        selected={f.family}
        onToggle={(value) => onToggle('family', value)}
        collapseAfter={collapseAfter}
        defaultOpen
      />
      <TerritoryFilter value={state.territory} onChange={onTerritory} />
      {ref.data || ref.failed ? (
        <>
          <FilterGroup
            title={t('filters.commune')}
            options={communeOptions}
            selected={f.commune}
            onToggle={(value) => onToggle('commune', value)}
            collapseAfter={collapseAfter}
            defaultOpen={false}
          />
          <FilterGroup
            title={t('filters.theme')}
            options={themeOptions}
            selected={f.theme}
            onToggle={(value) => onToggle('theme', value)}
            collapseAfter={collapseAfter}
            defaultOpen
          />
          <FilterGroup
            title={t('filters.sdg')}
            options={sdgOptions}
            selected={f.sdg}
            onToggle={(value) => onToggle('sdg', value)}
            collapseAfter={collapseAfter}
            defaultOpen={false}
          />
          <FilterGroup
            title={t('filters.contribution')}
            options={stakeholderOptions('contribution')}
            selected={f.contribution}
            onToggle={(value) => onToggle('contribution', value)}
            collapseAfter={collapseAfter}
            defaultOpen={false}
          />
          <FilterGroup
            title={t('filters.benefit')}
            options={stakeholderOptions('benefit')}
            selected={f.benefit}
            onToggle={(value) => onToggle('benefit', value)}
            collapseAfter={collapseAfter}
            defaultOpen={false}
          />
        </>
      ) : null}
    </div>
  );
}
