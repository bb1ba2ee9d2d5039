import { useState } from 'react';
import { type AllianceDetail, addAllianceMember } from '../../../src/modules/alliances/contract';
import { matchingRoutes } from '../../../src/modules/matching/contract';
import { actorFamilies } from '../../../src/modules/reference/families';
import { callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { ActorLine, ReasonList, ScoreBar, sentence } from '../matching/parts';
import { ApiErrorAlert, Loading } from '../ui/feedback';
import { TableWrap } from '../ui/TableWrap';

/**
 * « Qui inviter dans l’alliance ? »: who would cover the needs its members cannot meet among themselves, with a
 * variety of families. Shown to staff, the alliance's members and observers; the server answers 404 to the others,
 * and then the panel is not shown. `run` (staff) adds a proposed organisation as a member.
 */
export function AllianceSuggestions({
  alliance,
  run,
}: {
  alliance: AllianceDetail;
  run?: ((action: () => Promise<unknown>) => Promise<boolean>) | undefined;
}) {
  const { t, formatNumber } = useI18n();
  const { user } = useSession();
  const query = useApiQuery(
    matchingRoutes.allianceSuggestionsFor,
    { params: { id: alliance.id }, query: { size: 6 } },
    { enabled: user !== null },
  );
  const [adding, setAdding] = useState<string | null>(null);
  // 404: the viewer may not see this alliance's suggestions; then there is no panel. Other failures are said.
  if (!user || query.error?.status === 404) return null;
  const data = query.data;
  const resource = (r: string) => t(`needOffer.resource.${r}`);
  const before = new Map<string, number>();
  for (const m of alliance.members) before.set(m.family, (before.get(m.family) ?? 0) + 1);
  const families = actorFamilies.filter((f) => (before.get(f) ?? 0) > 0 || (data?.families[f] ?? 0) > 0);

  return (
    <section className="card alliance-suggestions" aria-labelledby="alliance-suggestions-title">
      <h2 id="alliance-suggestions-title">{t('allianceSuggestions.title')}</h2>
      <p className="muted small">{t('allianceSuggestions.intro')}</p>
      {query.error ? <ApiErrorAlert error={query.error} /> : null}
      {!data && !query.error ? <Loading /> : null}
      {data ? (
        <>
          <div className="alliance-suggestions-summary">
            <div>
              <h3>{t('allianceSuggestions.unmet')}</h3>
              <dl className="facts">
                <div>
                  <dt>{t('allianceSuggestions.before')}</dt>
                  <dd>
                    {data.unmetNeeds.length ? data.unmetNeeds.map(resource).join(', ') : t('allianceSuggestions.none')}
                  </dd>
                </div>
                <div>
                  <dt>{t('allianceSuggestions.after')}</dt>
                  <dd>
                    {data.stillUnmet.length ? data.stillUnmet.map(resource).join(', ') : t('allianceSuggestions.none')}
                  </dd>
                </div>
              </dl>
            </div>
            <div>
              <TableWrap labelledBy="alliance-suggestions-families">
                <table>
                  <caption id="alliance-suggestions-families">{t('allianceSuggestions.families')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('allianceSuggestions.family')}</th>
                      <th scope="col" className="numeric">
                        {t('allianceSuggestions.before')}
                      </th>
                      <th scope="col" className="numeric">
                        {t('allianceSuggestions.after')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {families.map((f) => (
                      <tr key={f}>
                        <th scope="row">{t(`family.${f}`)}</th>
                        <td className="numeric">{formatNumber(before.get(f) ?? 0)}</td>
                        <td className="numeric">{formatNumber(data.families[f] ?? 0)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </div>
          </div>
          {data.items.length === 0 ? <p className="muted">{t('allianceSuggestions.empty')}</p> : null}
          <ul className="alliance-proposals">
            {data.items.map((item) => (
              <li key={item.actor.id} className="alliance-proposal">
                <div className="alliance-proposal-head">
                  <div>
                    <ActorLine actor={item.actor} heading />
                  </div>
                  <ScoreBar score={item.score} />
                </div>
                <p className="small">
                  <strong>
                    {t('allianceSuggestions.contribution')}
                    {' : '}
                  </strong>
                  {sentence(item.contribution)}
                </p>
                <ReasonList reasons={item.reasons.map((r) => r.text)} />
                {run ? (
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    disabled={adding !== null}
                    aria-busy={adding === item.actor.id}
                    onClick={async () => {
                      setAdding(item.actor.id);
                      const added = await run(() =>
                        callApi(addAllianceMember, {
                          params: { id: alliance.id },
                          body: { actorId: item.actor.id, role: '' },
                        }),
                      );
                      setAdding(null);
                      // The new member is no longer a proposal: the panel asks again.
                      if (added) query.reload();
                    }}
                  >
                    {t('allianceSuggestions.add')}
                    <span className="visually-hidden"> : {item.actor.name}</span>
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
