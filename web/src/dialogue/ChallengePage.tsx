import { Link, useParams } from 'react-router';
import { dialogueRoutes as api, type ChallengeDetail } from '../../../src/modules/dialogue/contract';
import { useApiQuery } from '../api/useApi';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { useReference } from '../reference/reference';
import { Chip, SdgChip } from '../ui/chips';
import { Alert, ApiErrorAlert, Loading } from '../ui/feedback';
import { usePageTitle } from '../ui/usePageTitle';
import { ChallengePath } from './ChallengePath';
import { CloseForm } from './CloseForm';
import { ProposalList } from './ProposalList';
import { ProposeForm } from './ProposeForm';
import { ChallengeStatusBadge, DeadlineText, useDay } from './parts';
import './dialogue.css';

/** `/dialogue/defis/:id`: a challenge, its proposals, the way to answer it and what became of the answers. */
export function ChallengePage() {
  const { id = '' } = useParams();
  const challenge = useApiQuery(api.getChallenge, { params: { id } });
  usePageTitle(challenge.data?.title);
  if (challenge.error) return <ApiErrorAlert error={challenge.error} />;
  if (!challenge.data) return <Loading />;
  return <ChallengeView challenge={challenge.data} reload={challenge.reload} />;
}

function ChallengeView({ challenge: c, reload }: { challenge: ChallengeDetail; reload(): void }) {
  const { t, formatDate } = useI18n();
  const { user } = useSession();
  const day = useDay();
  return (
    <article className="dialogue-challenge-page">
      <p className="breadcrumb">
        <Link to="/dialogue">
          <span aria-hidden="true">← </span>
          {t('dialogue.challenge.back')}
        </Link>
      </p>
      <div className="page-head">
        <h1>{c.title}</h1>
        <ChallengeStatusBadge status={c.status} />
        {c.canEdit ? (
          <Link className="button button-secondary" to={`/dialogue/defis/${c.id}/modifier`}>
            {t('dialogue.challenge.edit')}
          </Link>
        ) : null}
      </div>
      {c.status === 'draft' ? <Alert kind="info">{t('dialogue.challenge.draftNotice')}</Alert> : null}
      {c.summary ? <p className="tagline">{c.summary}</p> : null}
      <dl className="facts">
        <div>
          <dt>{t('dialogue.challenge.programme')}</dt>
          <dd>
            <Link to={`/programmes/${c.programme.id}`}>{c.programme.name}</Link>
            {c.territory ? ` · ${c.territory.name}` : null}
          </dd>
        </div>
        <div>
          <dt>{t('dialogue.challenge.deadline')}</dt>
          <dd>
            <DeadlineText challenge={c} />
          </dd>
        </div>
        <div>
          <dt>{t('dialogue.challenge.answering')}</dt>
          <dd>
            {c.answeringActor ? (
              <Link to={`/acteurs/${c.answeringActor.id}`}>{c.answeringActor.name}</Link>
            ) : (
              t('dialogue.challenge.animators')
            )}
          </dd>
        </div>
        {c.postedBy ? (
          <div>
            <dt>{t('dialogue.challenge.postedBy')}</dt>
            <dd>
              <Link to={`/acteurs/${c.postedBy.id}`}>{c.postedBy.name}</Link>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('dialogue.challenge.communes')}</dt>
          <dd>{c.communes.map((x) => x.name).join(', ') || t('dialogue.challenge.allCommunes')}</dd>
        </div>
      </dl>
      <ChallengeContext challenge={c} />

      {c.status === 'closed' ? (
        <section aria-labelledby="challenge-closing" className="card dialogue-closing">
          <h2 id="challenge-closing">{t('dialogue.closing.title')}</h2>
          {c.closedAt ? (
            <p className="small muted">{t('dialogue.closing.closedOn', { date: formatDate(c.closedAt) })}</p>
          ) : null}
          <p className="dialogue-text">{c.closingNote}</p>
        </section>
      ) : null}

      <ProposalList challengeId={c.id} />

      {!c.acceptsContributions || c.canPropose || !user ? (
        <section aria-labelledby="challenge-propose" className="dialogue-propose">
          <h2 id="challenge-propose">{t('dialogue.challenge.propose')}</h2>
          {!c.acceptsContributions ? (
            <p className="muted">
              {t('dialogue.challenge.notAccepting')} ({day(c.contributionsCloseOn)})
            </p>
          ) : c.canPropose ? (
            <ProposeForm challengeId={c.id} />
          ) : (
            <p>
              {t('dialogue.challenge.signIn')}{' '}
              <Link to={`/connexion?next=${encodeURIComponent(`/dialogue/defis/${c.id}`)}`}>
                {t('dialogue.challenge.signInLink')}
              </Link>{' '}
              · <Link to="/inscription">{t('dialogue.challenge.signUpLink')}</Link>
            </p>
          )}
        </section>
      ) : null}

      <ChallengePath path={c.path} />

      {c.canClose && c.status !== 'closed' ? (
        <CloseForm challengeId={c.id} unanswered={c.unanswered} onClosed={reload} />
      ) : null}
    </article>
  );
}

function ChallengeContext({ challenge: c }: { challenge: ChallengeDetail }) {
  const { t } = useI18n();
  const ref = useReference();
  return (
    <>
      {c.context ? (
        <section aria-labelledby="challenge-context">
          <h2 id="challenge-context">{t('dialogue.challenge.context')}</h2>
          <p className="dialogue-text">{c.context}</p>
        </section>
      ) : null}
      {c.figures.length > 0 ? (
        <section aria-labelledby="challenge-figures">
          <h2 id="challenge-figures">{t('dialogue.challenge.figures')}</h2>
          <ul className="dialogue-figures-list">
            {c.figures.map((f) => (
              <li key={`${f.label}-${f.value}`} className="card">
                <strong className="dialogue-figure-value">{f.value}</strong>
                <span>{f.label}</span>
                {f.source ? (
                  <span className="small muted">{t('dialogue.challenge.source', { source: f.source })}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {c.themes.length > 0 ? (
        <section aria-labelledby="challenge-themes">
          <h2 id="challenge-themes">{t('dialogue.challenge.themes')}</h2>
          <ul className="chips">
            {c.themes.map((id) => (
              <li key={id}>
                <Chip>{ref.themeLabel(id)}</Chip>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {c.sdgs.length > 0 ? (
        <section aria-labelledby="challenge-sdgs">
          <h2 id="challenge-sdgs">{t('dialogue.challenge.sdgs')}</h2>
          <ul className="chips">
            {c.sdgs.map((n) => (
              <li key={n}>
                <SdgChip number={n} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
