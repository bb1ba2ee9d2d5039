// What the territorial dialogue tells its authors: the answer to their proposal, their content hidden by moderation.
import type { Db } from '../../db/client.js';
import type { ModerationTarget, ProposalOutcome, ReportReason } from '../dialogue/vocabulary.js';
import { notify } from './service.js';

const outcomeWords: Record<ProposalOutcome, string> = {
  accepted: 'retenue',
  studied: 'à l’étude',
  notRetained: 'non retenue',
};

/** The report categories in French (as the web's moderation messages say them). */
const reasonWords: Record<ReportReason, string> = {
  abuse: 'propos injurieux ou irrespectueux',
  harassment: 'attaque personnelle, harcèlement',
  spam: 'publicité ou spam',
  personalData: 'données personnelles d’autrui',
  offTopic: 'hors sujet',
  other: 'autre motif',
};

const proposalLink = (proposalId: string) => `/dialogue/propositions/${proposalId}`;

/** Tells a proposal's author (if any account) that it was answered, with the outcome in words. */
export function tellProposalAnswered(
  db: Db,
  proposal: { id: string; title: string; authorUserId: string | null },
  outcome: ProposalOutcome,
  publicUrl: string,
) {
  if (!proposal.authorUserId) return Promise.resolve(0);
  return notify(
    db,
    [proposal.authorUserId],
    {
      kind: 'proposalAnswered',
      title: 'Votre proposition a reçu une réponse',
      body: `« ${proposal.title} » : proposition ${outcomeWords[outcome]}. La réponse et sa raison sont sur la page de la proposition.`,
      link: proposalLink(proposal.id),
    },
    publicUrl,
  );
}

/**
 * Tells the author that moderation hid their proposal or comment, with the categories of the upheld reports — never
 * who reported it.
 */
export function tellContentHidden(
  db: Db,
  content: { target: ModerationTarget; proposalId: string; authorUserId: string | null },
  reasons: ReportReason[],
  publicUrl: string,
) {
  if (!content.authorUserId) return Promise.resolve(0);
  const what = content.target === 'proposal' ? 'Votre proposition' : 'Votre commentaire';
  const categories = [...new Set(reasons)].map((r) => reasonWords[r]);
  const why = categories.length ? ` Motif signalé : ${categories.join(', ')}.` : '';
  return notify(
    db,
    [content.authorUserId],
    {
      kind: 'contentHidden',
      title: `${what} a été masqué${content.target === 'proposal' ? 'e' : ''} par la modération`,
      body: `${what} n’est plus visible des autres participants.${why} Pour en savoir plus, écrivez à l’équipe d’animation.`,
      link: proposalLink(content.proposalId),
    },
    publicUrl,
  );
}
