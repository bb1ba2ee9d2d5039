import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { matchingRoutes, type SuggestionList } from '../../../src/modules/matching/contract';
import { type SubjectKind, subjectKinds } from '../../../src/modules/matching/vocabulary';
import { useApiQuery } from '../api/useApi';
import { isStaff, useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { type ActorChoice, ActorPicker } from '../ui/ActorPicker';
import { Alert, ApiErrorAlert, Loading } from '../ui/feedback';
import { usePageTitle } from '../ui/usePageTitle';
import { FeedbackPanel } from './FeedbackPanel';
import { type DecisionResult, SuggestionCard } from './SuggestionCard';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Suggestions come ten at a time; « Voir plus » asks for ten more, up to the server's fifty. */
const step = 10;
const maxTop = 50;

/** Where a subject's page is: an organisation, a need or offer, a flagship project. */
function subjectPath(kind: SubjectKind, id: string): string {
  if (kind === 'actor') return `/acteurs/${id}`;
  if (kind === 'project') return `/projets/${id}`;
  return `/besoins-offres/${id}`;
}

/** The page's subject from its address (`?subjectKind=need&subjectId=…`), else the member's own organisation. */
function useSubject() {
  const [params, setParams] = useSearchParams();
  const { user } = useSession();
  const kind = params.get('subjectKind') ?? '';
  const id = params.get('subjectId') ?? '';
  const top = Math.min(maxTop, Math.max(step, Math.ceil(Number(params.get('top') ?? step) / step) * step || step));
  const fromUrl =
    (subjectKinds as readonly string[]).includes(kind) && uuidPattern.test(id)
      ? { kind: kind as SubjectKind, id, fromUrl: true }
      : null;
  const subject = fromUrl ?? (user?.actorId ? { kind: 'actor' as const, id: user.actorId, fromUrl: false } : null);
  return { subject, top, params, setParams };
}

/** `/suggestions` « Partenaires suggérés »: the best partners for an organisation, a need, an offer or a project. */
export function SuggestionsPage() {
  const { t, tn } = useI18n();
  const { user, role } = useSession();
  usePageTitle(t('matching.suggestions.title'));
  const { subject, top, params, setParams } = useSubject();
  const list = useApiQuery(
    matchingRoutes.suggestions,
    { query: { subjectKind: subject?.kind ?? 'actor', subjectId: subject?.id ?? '', top } },
    { enabled: subject !== null },
  );
  const [picked, setPicked] = useState<ActorChoice>({ id: null, text: '' });
  const [notice, setNotice] = useState<{ text: string; partnershipId: string | null } | null>(null);
  const [partnerships, setPartnerships] = useState<Record<string, string>>({});
  const noticeRef = useRef<HTMLDivElement>(null);
  const staff = isStaff(role);
  const canChoose = staff || role === 'observer';
  const canDecide = role === 'admin' || role === 'animator' || role === 'member';
  const data = list.data;
  const subjectKey = subject ? `${subject.kind}:${subject.id}` : '';

  // A new subject starts without the previous one's notices.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the subject is the trigger
  useEffect(() => {
    setNotice(null);
    setPartnerships({});
  }, [subjectKey]);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  // The picker shows the organisation whose suggestions are on screen (also when reached by its address).
  const shownActor = data?.subject.actor;
  useEffect(() => {
    if (shownActor) setPicked((p) => (p.id === shownActor.id ? p : { id: shownActor.id, text: shownActor.name }));
  }, [shownActor]);

  const choose = (choice: ActorChoice) => {
    setPicked(choice);
    if (choice.id) setParams({ subjectKind: 'actor', subjectId: choice.id }, { replace: false });
  };

  const more = () => {
    const next = new URLSearchParams(params);
    if (!subject?.fromUrl && subject) {
      next.set('subjectKind', subject.kind);
      next.set('subjectId', subject.id);
    }
    next.set('top', String(Math.min(maxTop, top + step)));
    setParams(next, { replace: true, preventScrollReset: true });
  };

  const accepted = (name: string, actorId: string, result: DecisionResult) => {
    list.setData((prev) =>
      prev
        ? {
            ...prev,
            items: prev.items.map((i) =>
              i.actor.id === actorId && result.requestId
                ? {
                    ...i,
                    request: {
                      id: result.requestId,
                      direction: result.partnershipId ? 'received' : 'sent',
                      status: result.partnershipId ? 'accepted' : 'pending',
                    },
                  }
                : i,
            ),
          }
        : prev,
    );
    if (result.partnershipId) {
      const partnershipId = result.partnershipId;
      setPartnerships((prev) => ({ ...prev, [actorId]: partnershipId }));
    }
    setNotice({
      text: result.partnershipId ? t('matching.done.partnership', { name }) : t('matching.done.sent', { name }),
      partnershipId: result.partnershipId,
    });
  };

  const dismissed = (name: string, actorId: string) => {
    list.setData((prev) => (prev ? { ...prev, items: prev.items.filter((i) => i.actor.id !== actorId) } : prev));
    setNotice({ text: t('matching.done.dismissed', { name }), partnershipId: null });
  };

  return (
    <div className="matching-page">
      <h1>{t('matching.suggestions.title')}</h1>
      <p className="tagline">{t('matching.suggestions.intro')}</p>

      {canChoose ? (
        <div className="card match-picker">
          <ActorPicker
            id="suggestions-actor"
            label={t('matching.suggestions.actorLabel')}
            hint={t('matching.suggestions.actorHint')}
            value={picked}
            onChange={choose}
          />
        </div>
      ) : null}
      {!canChoose && subject?.fromUrl && user?.actorId && !(subject.kind === 'actor' && subject.id === user.actorId) ? (
        <p>
          <Link to="/suggestions">{t('matching.suggestions.ownOrganisation')}</Link>
        </p>
      ) : null}

      {!subject ? (
        <p className="card muted">
          {canChoose ? t('matching.suggestions.pickFirst') : t('matching.suggestions.noOrganisation')}
        </p>
      ) : null}

      {subject && data ? <SubjectLine subject={data.subject} /> : null}
      {role === 'observer' && data ? <Alert kind="info">{t('matching.suggestions.readOnly')}</Alert> : null}

      <div ref={noticeRef} tabIndex={-1} className="match-notice" role="status">
        {notice ? (
          <div className="alert alert-success">
            <p>{notice.text}</p>
            {notice.partnershipId ? (
              <p>
                <Link to={`/partenariats/${notice.partnershipId}`}>{t('matching.done.openPartnership')}</Link>
              </p>
            ) : null}
          </div>
        ) : null}
      </div>

      {list.error ? <ApiErrorAlert error={list.error} /> : null}
      {subject && !data && list.loading ? <Loading /> : null}
      {data && !list.error ? (
        <>
          <p className="muted small" aria-live="polite">
            {tn('matching.suggestions.count', data.items.length)}
          </p>
          {data.items.length === 0 ? <p className="card muted">{t('matching.suggestions.empty')}</p> : null}
          <ol className="match-list">
            {data.items.map((item) => (
              <li key={item.actor.id}>
                <SuggestionCard
                  item={item}
                  subject={data.subject}
                  canDecide={canDecide}
                  partnershipId={partnerships[item.actor.id]}
                  onAccepted={(result) => accepted(item.actor.name, item.actor.id, result)}
                  onDismissed={() => dismissed(item.actor.name, item.actor.id)}
                />
              </li>
            ))}
          </ol>
          {data.items.length >= top && top < maxTop ? (
            <p className="match-more">
              <button type="button" className="button button-secondary" onClick={more} disabled={list.loading}>
                {list.loading ? t('common.loading') : t('matching.suggestions.more')}
              </button>
            </p>
          ) : null}
        </>
      ) : null}

      {staff ? <FeedbackPanel /> : null}
    </div>
  );
}

function SubjectLine({ subject }: { subject: SuggestionList['subject'] }) {
  const { t } = useI18n();
  return (
    <p className="match-subject">
      <span className="muted">{t('matching.suggestions.for')} </span>
      <span className="badge badge-muted">{t(`matching.subjectKind.${subject.kind}`)}</span>{' '}
      <Link to={subjectPath(subject.kind, subject.id)}>{subject.title}</Link>
      {subject.kind !== 'actor' ? (
        <span className="muted"> · {t('matching.suggestions.ofActor', { name: subject.actor.name })}</span>
      ) : null}
    </p>
  );
}
