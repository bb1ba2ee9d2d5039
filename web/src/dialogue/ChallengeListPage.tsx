import { useState } from 'react';
import { Link } from 'react-router';
import { dialogueRoutes as api, type ChallengeSummary } from '../../../src/modules/dialogue/contract';
import { challengeStatuses } from '../../../src/modules/dialogue/vocabulary';
import { programmeRoutes } from '../../../src/modules/programmes/contract';
import { useApiQuery } from '../api/useApi';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { useReference } from '../reference/reference';
import { Chip } from '../ui/chips';
import { Field } from '../ui/Field';
import { ApiErrorAlert, Loading } from '../ui/feedback';
import { Pagination } from '../ui/Pagination';
import { SearchBar } from '../ui/SearchBar';
import { usePageTitle } from '../ui/usePageTitle';
import { useUrlFilters } from '../ui/useUrlFilters';
import { ChallengeStatusBadge, DeadlineText } from './parts';
import './dialogue.css';

const pageSize = 20;
const isStatus = (v: string | null): v is (typeof challengeStatuses)[number] =>
  (challengeStatuses as readonly (string | null)[]).includes(v);
/** The roles that may try to post; the server then checks that a member's organisation is a public authority. */
export const posterRoles = ['admin', 'animator', 'member'] as const;

/** `/dialogue`: the territory's challenges, filtered in the address. */
export function ChallengeListPage() {
  const { t, tn } = useI18n();
  const ref = useReference();
  const { role } = useSession();
  usePageTitle(t('dialogue.list.title'));
  const { params, setFilter, page, pageHref, goToPage } = useUrlFilters();
  const status = params.get('statut');
  const filters = {
    territoryId: params.get('territoire') ?? undefined,
    status: isStatus(status) ? status : undefined,
    theme: params.get('theme') ?? undefined,
    q: params.get('q') ?? undefined,
  };
  const [search, setSearch] = useState(filters.q ?? '');
  const programmes = useApiQuery(programmeRoutes.list, {});
  const list = useApiQuery(api.listChallenges, { query: { ...filters, page, pageSize } });
  const data = list.data;

  return (
    <div className="dialogue-list-page">
      <div className="page-head">
        <h1>{t('dialogue.list.title')}</h1>
        {role && (posterRoles as readonly string[]).includes(role) ? (
          <Link className="button" to="/dialogue/defis/nouveau">
            {t('dialogue.list.new')}
          </Link>
        ) : null}
      </div>
      <p className="tagline">{t('dialogue.list.intro')}</p>
      <p>
        <Link to="/charte">{t('dialogue.list.charter')}</Link>
      </p>
      <SearchBar
        id="challenges-q"
        label={t('dialogue.list.q')}
        placeholder={t('dialogue.list.q')}
        buttonLabel={t('dialogue.list.search')}
        value={search}
        onChange={setSearch}
        onSearch={() => setFilter('q', search.trim())}
      />
      <form
        className="card dialogue-filters"
        aria-label={t('dialogue.list.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <Field id="challenges-territory" label={t('dialogue.list.territory')}>
          {(control) => (
            <select
              {...control}
              value={filters.territoryId ?? ''}
              onChange={(e) => setFilter('territoire', e.target.value)}
            >
              <option value="">{t('dialogue.list.anyTerritory')}</option>
              {(programmes.data?.items ?? []).map((p) => (
                <optgroup key={p.id} label={p.name}>
                  {p.territories.map((x) => (
                    <option key={x.id} value={x.id}>
                      {x.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <Field id="challenges-status" label={t('dialogue.list.status')}>
          {(control) => (
            <select {...control} value={filters.status ?? ''} onChange={(e) => setFilter('statut', e.target.value)}>
              <option value="">{t('dialogue.list.anyStatus')}</option>
              {challengeStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`dialogue.status.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="challenges-theme" label={t('dialogue.list.theme')}>
          {(control) => (
            <select {...control} value={filters.theme ?? ''} onChange={(e) => setFilter('theme', e.target.value)}>
              <option value="">{t('dialogue.list.anyTheme')}</option>
              {(ref.data?.themes ?? []).map((x) => (
                <option key={x.id} value={x.id}>
                  {ref.themeLabel(x.id)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </form>

      {list.error ? <ApiErrorAlert error={list.error} /> : null}
      {!data && list.loading ? <Loading /> : null}
      {data ? (
        <section aria-labelledby="challenges-results">
          <h2 id="challenges-results" aria-live="polite">
            {tn('dialogue.list.count', data.total)}
          </h2>
          {data.items.length === 0 ? (
            <p className="muted">{t('dialogue.list.empty')}</p>
          ) : (
            <ul className="dialogue-cards">
              {data.items.map((c) => (
                <ChallengeCard key={c.id} challenge={c} />
              ))}
            </ul>
          )}
          <Pagination page={page} pages={Math.ceil(data.total / pageSize)} onPage={goToPage} hrefFor={pageHref} />
        </section>
      ) : null}
    </div>
  );
}

function ChallengeCard({ challenge: c }: { challenge: ChallengeSummary }) {
  const { t, tn } = useI18n();
  const ref = useReference();
  return (
    <li className="card dialogue-card">
      <div className="dialogue-card-head">
        <h3>
          <Link to={`/dialogue/defis/${c.id}`}>{c.title}</Link>
        </h3>
        <ChallengeStatusBadge status={c.status} />
      </div>
      <p className="small muted">{[c.programme.name, c.territory?.name].filter(Boolean).join(' · ')}</p>
      {c.summary ? <p>{c.summary}</p> : null}
      {c.themes.length > 0 ? (
        <ul className="chips" aria-label={t('dialogue.challenge.themes')}>
          {c.themes.map((id) => (
            <li key={id}>
              <Chip>{ref.themeLabel(id)}</Chip>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="dialogue-card-facts small">
        <strong>
          <DeadlineText challenge={c} />
        </strong>
        <span>{tn('dialogue.counts.proposals', c.counts.proposals)}</span>
        <span>{tn('dialogue.counts.supports', c.counts.supports)}</span>
      </p>
      <p className="small">
        {c.answeringActor ? t('dialogue.answering', { name: c.answeringActor.name }) : t('dialogue.answeringAnimators')}
      </p>
    </li>
  );
}
