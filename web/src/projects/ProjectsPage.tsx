import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { partnershipModes } from '../../../src/modules/partnerships/vocabulary';
import { listProjects } from '../../../src/modules/projects/contract';
import { projectStatuses } from '../../../src/modules/projects/vocabulary';
import { useApiQuery } from '../api/useApi';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { useReference } from '../reference/reference';
import { FilterGroup, type FilterOption, FilterSelect } from '../ui/FilterGroup';
import { ApiErrorAlert } from '../ui/feedback';
import { FiltersPanel, ResultList, ResultsHeading, withPage } from '../ui/ListLayout';
import { SearchBar } from '../ui/SearchBar';
import { usePageTitle } from '../ui/usePageTitle';
import { ProjectCard } from './parts';
import '../directory/directory.css';
import './projects.css';

const pageSize = 20;
const multi = ['status', 'mode', 'theme'] as const;
type Multi = (typeof multi)[number];

/** `/projets`: search (French full text), filters and cards; the state lives in the URL. */
export function ProjectsPage() {
  const { t, tn } = useI18n();
  const { role } = useSession();
  const ref = useReference();
  usePageTitle(t('project.list.title'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const selected: Record<Multi, string[]> = {
    status: params.getAll('status'),
    mode: params.getAll('mode'),
    theme: params.getAll('theme'),
  };
  const commune = params.get('commune') ?? '';
  const actor = params.get('actor') ?? '';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const list = useApiQuery(listProjects, {
    query: {
      q: q || undefined,
      ...selected,
      commune: commune ? [commune] : [],
      actor: actor || undefined,
      page,
      pageSize,
    },
  });

  const change = (mutate: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    mutate(next);
    next.delete('page');
    setParams(next);
  };
  const toggle = (name: Multi, value: string) =>
    change((next) => {
      const values = next.getAll(name);
      next.delete(name);
      for (const v of values.includes(value) ? values.filter((x) => x !== value) : [...values, value]) {
        next.append(name, v);
      }
    });
  const clearAll = () => {
    setText('');
    setParams(new URLSearchParams());
  };

  const communes = (ref.data?.territories ?? [])
    .flatMap((territory) => territory.communes)
    .filter((c, i, all) => all.findIndex((x) => x.code === c.code) === i)
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const hasCriteria = q !== '' || commune !== '' || actor !== '' || multi.some((n) => selected[n].length > 0);
  const data = list.data;
  const mayCreate = role === 'admin' || role === 'animator' || role === 'member';

  const group = (name: Multi, title: string, options: FilterOption[]) => (
    <FilterGroup
      title={title}
      options={options}
      selected={selected[name]}
      onToggle={(value) => toggle(name, value)}
      defaultOpen
      showSelectedCount={false}
    />
  );

  return (
    <div className="directory projects-page">
      <div className="page-head">
        <div>
          <h1>{t('project.list.title')}</h1>
          <p className="tagline">{t('project.list.intro')}</p>
        </div>
        {mayCreate ? (
          <Link className="button" to="/projets/nouveau">
            {t('project.new')}
          </Link>
        ) : null}
      </div>

      <SearchBar
        id="projects-q"
        label={t('project.list.searchLabel')}
        placeholder={t('project.list.searchPlaceholder')}
        buttonLabel={t('project.list.searchButton')}
        value={text}
        onChange={setText}
        onSearch={() =>
          change((next) => {
            if (text.trim()) next.set('q', text.trim());
            else next.delete('q');
          })
        }
      />

      <div className="directory-layout">
        <FiltersPanel
          headingId="project-filters-heading"
          title={t('project.list.filters')}
          clear={hasCriteria ? { label: t('project.list.clear'), onClick: clearAll } : null}
        >
          {group(
            'status',
            t('project.field.status'),
            projectStatuses
              .filter((s) => s !== 'draft' || role !== null)
              .map((s) => ({ value: s, label: t(`project.status.${s}`) })),
          )}
          {group(
            'mode',
            t('project.field.modes'),
            partnershipModes.map((m) => ({ value: m, label: t(`mode.${m}`) })),
          )}
          {group(
            'theme',
            t('project.field.themes'),
            (ref.data?.themes ?? []).map((x) => ({ value: x.id, label: ref.themeLabel(x.id) })),
          )}
          <FilterSelect
            id="projects-commune"
            label={t('project.territory')}
            value={commune}
            onChange={(value) =>
              change((next) => {
                if (value) next.set('commune', value);
                else next.delete('commune');
              })
            }
            allLabel={t('project.list.allCommunes')}
            options={communes.map((c) => ({ value: c.code, label: c.name }))}
          />
        </FiltersPanel>

        <section className="directory-results" aria-labelledby="project-results-heading">
          <div className="results-head">
            <ResultsHeading id="project-results-heading" ref={headingRef}>
              {data ? tn('project.list.count', data.total) : t('common.loading')}
            </ResultsHeading>
          </div>
          {list.error ? <ApiErrorAlert error={list.error} /> : null}
          <ResultList
            data={data}
            loading={list.loading}
            emptyMessage={hasCriteria ? t('project.list.emptyFiltered') : t('project.list.empty')}
            clearLabel={hasCriteria ? t('project.list.clear') : null}
            onClear={clearAll}
            renderItem={(project) => <ProjectCard key={project.id} project={project} />}
            page={page}
            hrefFor={(p) => `?${withPage(params, p).toString()}`}
            onPage={(p) => {
              setParams(withPage(params, p));
              headingRef.current?.focus();
            }}
          />
        </section>
      </div>
    </div>
  );
}
