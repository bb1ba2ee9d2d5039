import { Link, useParams } from 'react-router';
import { dialogueRoutes as api, type ProposalDetail } from '../../../src/modules/dialogue/contract';
import { useApiQuery } from '../api/useApi';
import { isStaff, useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { ModerationControls } from '../moderation/ModerationControls';
import { ReportButton } from '../moderation/ReportButton';
import { ApiErrorAlert, Loading } from '../ui/feedback';
import { usePageTitle } from '../ui/usePageTitle';
import { AnswerPanel, AnswerView } from './AnswerPanel';
import { CommentSection } from './CommentSection';
import { ConversionPanel } from './ConversionPanel';
import { PledgeSection } from './PledgeSection';
import { OutcomeBadge, Participant } from './parts';
import { SupportSection } from './SupportSection';
import './dialogue.css';

/** `/dialogue/propositions/:id`: a proposal, its supports, pledges, comments, answer and conversion. */
export function ProposalPage() {
  const { id = '' } = useParams();
  const proposal = useApiQuery(api.getProposal, { params: { id } });
  usePageTitle(proposal.data?.title);
  if (proposal.error) return <ApiErrorAlert error={proposal.error} />;
  if (!proposal.data) return <Loading />;
  return <ProposalView proposal={proposal.data} reload={proposal.reload} />;
}

function ProposalView({ proposal: p, reload }: { proposal: ProposalDetail; reload(): void }) {
  const { t, formatDate } = useI18n();
  const { role } = useSession();
  const texts = [
    { key: 'whoActs', title: t('dialogue.proposal.whoActs'), body: p.whoActs },
    { key: 'needs', title: t('dialogue.proposal.needs'), body: p.needs },
  ].filter((x) => x.body.trim() !== '');
  return (
    <article className="dialogue-proposal-page">
      <p className="breadcrumb">
        {t('dialogue.proposal.challenge')} <Link to={`/dialogue/defis/${p.challenge.id}`}>{p.challenge.title}</Link>
      </p>
      <div className="page-head">
        <h1>{p.title}</h1>
        <OutcomeBadge outcome={p.outcome?.outcome ?? null} />
      </div>
      <p className="dialogue-byline">
        {t('dialogue.proposal.by')} <Participant label={p.author} />{' '}
        {t('dialogue.proposal.on', { date: formatDate(p.createdAt) })}
      </p>
      <div className="dialogue-moderation">
        <ReportButton target="proposal" id={p.id} />
        {isStaff(role) ? <ModerationControls target="proposal" id={p.id} hidden={p.hidden} onChange={reload} /> : null}
      </div>
      {p.project ? (
        <p className="alert alert-success">
          {t('dialogue.proposal.converted.project')} <Link to={`/projets/${p.project.id}`}>{p.project.name}</Link>
        </p>
      ) : null}
      {p.alliance ? (
        <p className="alert alert-success">
          {t('dialogue.proposal.converted.alliance')} <Link to={`/alliances/${p.alliance.id}`}>{p.alliance.name}</Link>
        </p>
      ) : null}

      <section aria-labelledby="proposal-what">
        <h2 id="proposal-what">{t('dialogue.proposal.what')}</h2>
        <p className="dialogue-text">{p.description}</p>
      </section>
      {texts.map((x) => (
        <section key={x.key} aria-labelledby={`proposal-${x.key}`}>
          <h2 id={`proposal-${x.key}`}>{x.title}</h2>
          <p className="dialogue-text">{x.body}</p>
        </section>
      ))}
      {p.modes.length > 0 ? (
        <section aria-labelledby="proposal-modes">
          <h2 id="proposal-modes">{t('dialogue.proposal.modes')}</h2>
          <ul>
            {p.modes.map((m) => (
              <li key={m}>{t(`mode.${m}`)}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {p.outcome ? <AnswerView outcome={p.outcome} /> : null}
      {p.canAnswer && !p.outcome ? <AnswerPanel proposal={p} onDone={reload} /> : null}
      {p.canAnswer && p.outcome ? (
        // Already answered: changing the answer stays possible, folded away.
        <details className="dialogue-change-answer">
          <summary>{t('dialogue.answer.change')}</summary>
          <AnswerPanel proposal={p} onDone={reload} />
        </details>
      ) : null}
      {p.canConvert ? <ConversionPanel proposal={p} /> : null}

      <SupportSection proposal={p} onChange={reload} />
      <PledgeSection proposal={p} onChange={reload} />
      <CommentSection proposal={p} onChange={reload} />
    </article>
  );
}
