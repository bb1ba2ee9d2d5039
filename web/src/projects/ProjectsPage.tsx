import { useEffect, useId, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { partnershipModes } from '../../../src/modules/partnerships/vocabulary';
import { listProjects } from '../../../src/modules/projects/contract';
import { projectStatuses } from '../../../src/modules/projects/vocabulary';
import { useApiQuery } from '../api/useApi';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { useReference } from '../reference/reference';
import { ApiErrorAlert, Loading } from '../ui/feedback';
import { Pagination } from '../ui/Pagination';
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
  const [filtersOpen, setFiltersOpen] = useState(false);
  const panelId = useId();
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
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const mayCreate = role === 'admin' || role === 'animator' || role === 'member';

  const group = (name: Multi, title: string, options: { value: string; label: string }[]) => (
    <details className="facet" open>
      <summary>{title}</summary>
      <fieldset>
        <legend className="visually-hidden">{title}</legend>
        <ul className="facet-options">
          {options.map((o) => {
            const id = `${panelId}-${name}-${o.value}`;
            return (
              <li key={o.value}>
                <input
                  type="checkbox"
                  id={id}
                  checked={selected[name].includes(o.value)}
                  onChange={() => toggle(name, o.value)}
                />
                <label htmlFor={id}>
                  <span className="facet-label">{o.label}</span>
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
    </details>
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

      <search className="search-bar">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            change((next) => {
              if (text.trim()) next.set('q', text.trim());
              else next.delete('q');
            });
          }}
        >
          <label htmlFor="projects-q" className="visually-hidden">
            {t('project.list.searchLabel')}
          </label>
          <input
            id="projects-q"
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('project.list.searchPlaceholder')}
            autoComplete="off"
            enterKeyHint="search"
          />
          <button type="submit" className="button">
            {t('project.list.searchButton')}
          </button>
        </form>
      </search>

      <div className="directory-layout">
        <aside className="directory-filters" aria-labelledby="project-filters-heading">
          <div className="filters-head">
            <h2 id="project-filters-heading" className="filters-heading">
              {t('project.list.filters')}
            </h2>
            <button
              type="button"
              className="button button-secondary filters-toggle"
              aria-expanded={filtersOpen}
              aria-controls={panelId}
              onClick={() => setFiltersOpen((o) => !o)}
            >
              {filtersOpen ? t('filters.hide') : t('filters.show')}
            </button>
          </div>
          <div id={panelId} className={`filters-panel${filtersOpen ? ' open' : ''}`}>
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
            <div className="facet facet-static">
              <label htmlFor="projects-commune" className="facet-title">
                {t('project.territory')}
              </label>
              <select
                id="projects-commune"
                value={commune}
                onChange={(e) =>
                  change((next) => {
                    if (e.target.value) next.set('commune', e.target.value);
                    else next.delete('commune');
                  })
                }
              >
                <option value="">{t('project.list.allCommunes')}</option>
                {communes.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
            {hasCriteria ? (
              <button type="button" className="link-button" onClick={clearAll}>
                {t('project.list.clear')}
              </button>
            ) : null}
          </div>
        </aside>

        <section className="directory-results" aria-labelledby="project-results-heading">
          <div className="results-head">
            <h2 id="project-results-heading" ref={headingRef} tabIndex={-1} aria-live="polite" aria-atomic="true">
              {data ? tn('project.list.count', data.total) : t('common.loading')}
            </h2>
          </div>
          {list.error ? <ApiErrorAlert error={list.error} /> : null}
          <div aria-busy={list.loading}>
            {!data && list.loading ? <Loading /> : null}
            {data && data.items.length === 0 ? (
              <div className="empty-state">
                <p>{hasCriteria ? t('project.list.emptyFiltered') : t('project.list.empty')}</p>
                {hasCriteria ? (
                  <button type="button" className="button button-secondary" onClick={clearAll}>
                    {t('project.list.clear')}
                  </button>
                ) : null}
              </div>
            ) : null}
            {data && data.items.length > 0 ? (
              <ul className={`result-list${list.loading ? ' stale' : ''}`}>
                {data.items.map((project) => (
                  <ProjectCard key={project.id} project={project} />
                ))}
              </ul>
            ) : null}
            {data ? (
              <Pagination
                page={page}
                pages={pages}
                hrefFor={(p) => {
                  const next = new URLSearchParams(params);
                  next.set('page', String(p));
                  return `?${next.toString()}`;
                }}
                onPage={(p) => {
                  const next = new URLSearchParams(params);
                  next.set('page', String(p));
                  setParams(next);
                  headingRef.current?.focus();
                }}
              />
            ) : null}
          </div>
        </section>
      </div>
    </div>
  );
}
