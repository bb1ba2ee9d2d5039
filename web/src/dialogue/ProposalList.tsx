import { useState } from 'react';
import { Link } from 'react-router';
import { dialogueRoutes as api, proposalSorts } from '../../../src/modules/dialogue/contract';
import { proposalOutcomes } from '../../../src/modules/dialogue/vocabulary';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { Field } from '../ui/Field';
import { ApiErrorAlert, Loading } from '../ui/feedback';
import { OutcomeBadge, Participant } from './parts';

type Outcome = (typeof proposalOutcomes)[number] | 'none';

/** A challenge's proposals, most recent or most supported first, filtered by their answer. */
export function ProposalList({ challengeId }: { challengeId: string }) {
  const { t, tn, formatDate } = useI18n();
  const [sort, setSort] = useState<(typeof proposalSorts)[number]>('recent');
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const list = useApiQuery(api.listProposals, {
    query: { challengeId, sort, outcome: outcome || undefined, pageSize: 100 },
  });
  return (
    <section aria-labelledby="challenge-proposals" className="dialogue-proposals">
      <h2 id="challenge-proposals">{t('dialogue.challenge.proposals')}</h2>
      <div className="dialogue-proposal-filters">
        <Field id="proposals-sort" label={t('dialogue.challenge.sort')}>
          {(control) => (
            <select {...control} value={sort} onChange={(e) => setSort(e.target.value as typeof sort)}>
              {proposalSorts.map((s) => (
                <option key={s} value={s}>
                  {t(`dialogue.challenge.sort.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="proposals-outcome" label={t('dialogue.challenge.outcome')}>
          {(control) => (
            <select {...control} value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome | '')}>
              <option value="">{t('dialogue.challenge.anyOutcome')}</option>
              {[...proposalOutcomes, 'none' as const].map((o) => (
                <option key={o} value={o}>
                  {t(`dialogue.outcome.${o}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <p className="visually-hidden" role="status">
        {list.data ? tn('dialogue.counts.proposals', list.data.total) : ''}
      </p>
      {list.error ? <ApiErrorAlert error={list.error} /> : null}
      {!list.data && list.loading ? <Loading /> : null}
      {list.data ? (
        list.data.items.length === 0 ? (
          <p className="muted">{outcome ? t('dialogue.challenge.noMatch') : t('dialogue.challenge.noProposal')}</p>
        ) : (
          <ul className="dialogue-cards">
            {list.data.items.map((p) => (
              <li key={p.id} className="card dialogue-card">
                <div className="dialogue-card-head">
                  <h3>
                    <Link to={`/dialogue/propositions/${p.id}`}>{p.title}</Link>
                  </h3>
                  <OutcomeBadge outcome={p.outcome?.outcome ?? null} />
                </div>
                {p.hidden ? (
                  <p className="alert alert-warning">{t('dialogue.hidden', { reason: p.hidden.reason })}</p>
                ) : null}
                <p className="small muted">
                  <Participant label={p.author} /> · {formatDate(p.createdAt)}
                </p>
                <p className="dialogue-excerpt">{p.description}</p>
                <p className="dialogue-card-facts small">
                  <span>{tn('dialogue.counts.supports', p.supports)}</span>
                </p>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
