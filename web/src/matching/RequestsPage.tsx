import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { type ContactRequest, matchingRoutes } from '../../../src/modules/matching/contract';
import type { DismissReason } from '../../../src/modules/matching/vocabulary';
import { type ApiError, asApiError, callApi, fieldErrorsOf } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { isStaff, useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { type ActorChoice, ActorPicker } from '../ui/ActorPicker';
import { Alert, ApiErrorAlert, Loading, useErrorText } from '../ui/feedback';
import { usePageTitle } from '../ui/usePageTitle';
import { ActorLine, DismissForm, ReasonList } from './parts';

type Box = 'received' | 'sent';

/** `/mises-en-relation`: the contact requests an organisation received (to answer) and sent, with their status. */
export function RequestsPage() {
  const { t } = useI18n();
  const { user, role } = useSession();
  usePageTitle(t('matching.requests.title'));
  const staffOrObserver = isStaff(role) || role === 'observer';
  const [picked, setPicked] = useState<ActorChoice>({ id: null, text: '' });
  const [answered, setAnswered] = useState<{ text: string; partnershipId: string | null } | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const actorId = staffOrObserver ? (picked.id ?? undefined) : (user?.actorId ?? undefined);
  const canAnswer = role === 'admin' || role === 'animator' || role === 'member';

  useEffect(() => {
    if (answered) noticeRef.current?.focus();
  }, [answered]);

  const onAnswered = (request: ContactRequest, partnershipId: string | null) =>
    setAnswered({
      text: partnershipId
        ? t('matching.requests.accepted', { name: request.from.name })
        : t('matching.requests.declined', { name: request.from.name }),
      partnershipId,
    });

  return (
    <div className="matching-page">
      <h1>{t('matching.requests.title')}</h1>
      <p className="tagline">{t('matching.requests.intro')}</p>
      {staffOrObserver ? (
        <div className="card match-picker">
          <ActorPicker
            id="requests-actor"
            label={t('matching.requests.actorLabel')}
            hint={t('matching.requests.actorHint')}
            value={picked}
            onChange={(choice) => {
              if (choice.id || picked.id) setAnswered(null);
              setPicked(choice);
            }}
          />
        </div>
      ) : null}
      {!staffOrObserver && !user?.actorId ? (
        <p className="card muted">{t('matching.suggestions.noOrganisation')}</p>
      ) : null}

      <div ref={noticeRef} tabIndex={-1} className="match-notice" role="status">
        {answered ? (
          <div className="alert alert-success">
            <p>{answered.text}</p>
            {answered.partnershipId ? (
              <p>
                <Link to={`/partenariats/${answered.partnershipId}`}>{t('matching.done.openPartnership')}</Link>
              </p>
            ) : null}
          </div>
        ) : null}
      </div>

      {actorId ? (
        <div className="match-boxes">
          <RequestBox box="received" actorId={actorId} canAnswer={canAnswer} onAnswered={onAnswered} />
          <RequestBox box="sent" actorId={actorId} canAnswer={false} onAnswered={onAnswered} />
        </div>
      ) : staffOrObserver ? (
        <RequestBox box={null} actorId={undefined} canAnswer={canAnswer} onAnswered={onAnswered} />
      ) : null}
    </div>
  );
}

/** One box of requests: received, sent, or (staff, no organisation chosen) all of them. */
function RequestBox({
  box,
  actorId,
  canAnswer,
  onAnswered,
}: {
  box: Box | null;
  actorId: string | undefined;
  canAnswer: boolean;
  onAnswered(request: ContactRequest, partnershipId: string | null): void;
}) {
  const { t } = useI18n();
  const list = useApiQuery(matchingRoutes.requests, { query: { box: box ?? 'received', actorId } });
  const titleId = `requests-${box ?? 'all'}`;
  const title =
    box === 'received'
      ? 'matching.requests.received'
      : box === 'sent'
        ? 'matching.requests.sent'
        : 'matching.requests.all';
  const empty =
    box === 'received'
      ? 'matching.requests.emptyReceived'
      : box === 'sent'
        ? 'matching.requests.emptySent'
        : 'matching.requests.emptyAll';
  const items = list.data?.items ?? [];
  return (
    <section className="card match-box" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {t(title)}
        {list.data ? <span className="badge badge-muted">{items.length}</span> : null}
      </h2>
      {list.error ? <ApiErrorAlert error={list.error} /> : null}
      {!list.data && list.loading ? <Loading /> : null}
      {list.data && items.length === 0 ? (
        <p className="muted">
          {t(empty)} {box === 'sent' ? <Link to="/suggestions">{t('matching.requests.toSuggestions')}</Link> : null}
        </p>
      ) : null}
      {items.length > 0 ? (
        <ul className="match-requests">
          {items.map((r) => (
            <RequestItem
              key={r.id}
              request={r}
              box={box}
              canAnswer={canAnswer && box !== 'sent' && r.status === 'pending'}
              onAnswered={(partnershipId, status) => {
                list.setData((prev) =>
                  prev
                    ? {
                        items: prev.items.map((x) =>
                          x.id === r.id ? { ...x, status, partnershipId, respondedAt: new Date().toISOString() } : x,
                        ),
                      }
                    : prev,
                );
                onAnswered(r, partnershipId);
              }}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function RequestItem({
  request: r,
  box,
  canAnswer,
  onAnswered,
}: {
  request: ContactRequest;
  box: Box | null;
  canAnswer: boolean;
  onAnswered(partnershipId: string | null, status: ContactRequest['status']): void;
}) {
  const { t, locale, formatDate } = useI18n();
  const errorText = useErrorText();
  const id = useId();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const declineButton = useRef<HTMLButtonElement>(null);
  const wasDeclining = useRef(false);
  const fieldErrors = error ? fieldErrorsOf(error, locale) : {};
  const generalError =
    error && (error.errors.length === 0 || error.errors.some((x) => !['reason', 'note'].includes(x.field)))
      ? errorText(error)
      : null;
  // The other side, as the box shows it: the sender of a received request, the addressee of a sent one.
  const other = box === 'sent' ? r.to : r.from;

  useEffect(() => {
    if (declining) document.getElementById(`${id}-decline-reason`)?.focus();
    else if (wasDeclining.current) declineButton.current?.focus();
    wasDeclining.current = declining;
  }, [declining, id]);

  const answer = async (accept: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const result = await callApi(matchingRoutes.answerRequest, {
        params: { id: r.id },
        body: { accept, reason: accept ? null : reason ? (reason as DismissReason) : null, note: accept ? '' : note },
      });
      setDeclining(false);
      onAnswered(result.partnershipId, accept ? 'accepted' : 'declined');
    } catch (e) {
      const apiError = asApiError(e);
      setError(apiError);
      if (apiError.errors.some((x) => x.field === 'reason')) document.getElementById(`${id}-decline-reason`)?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="match-request">
      <div className="match-request-head">
        <div id={`${id}-who`}>
          {box === null ? (
            <p className="match-name">
              <Link to={`/acteurs/${r.from.id}`}>{r.from.name}</Link>
              <span aria-hidden="true"> → </span>
              <span className="visually-hidden"> {t('matching.requests.to')} </span>
              <Link to={`/acteurs/${r.to.id}`}>{r.to.name}</Link>
            </p>
          ) : (
            <ActorLine actor={other} />
          )}
        </div>
        <span className={`request-status request-status-${r.status}`}>{t(`matching.requests.status.${r.status}`)}</span>
      </div>
      <p className="small muted">
        {r.subjectKind !== 'actor' ? (
          <>
            {t('matching.requests.about', {
              kind: t(`matching.subjectKind.${r.subjectKind}`).toLocaleLowerCase(locale),
              title: r.subjectTitle,
            })}
            {' · '}
          </>
        ) : null}
        {t('matching.requests.sentOn', { date: formatDate(r.createdAt) })}
        {r.respondedAt ? ` · ${t('matching.requests.answeredOn', { date: formatDate(r.respondedAt) })}` : ''}
      </p>
      {r.message ? (
        <blockquote className="match-message">
          <span className="visually-hidden">{t('matching.requests.message')} : </span>
          {r.message}
        </blockquote>
      ) : null}
      {r.reasons.length ? (
        <>
          {/* The reasons are the sender's: « vous » in them is the sender. */}
          <p className="small match-reasons-title" id={`${id}-reasons`}>
            {box === 'sent' ? t('matching.requests.reasonsSent') : t('matching.requests.reasonsOf')}
          </p>
          <ReasonList reasons={r.reasons} labelledBy={`${id}-reasons`} />
        </>
      ) : null}
      {r.partnershipId ? (
        <p className="small">
          <Link to={`/partenariats/${r.partnershipId}`}>{t('matching.requests.viewPartnership')}</Link>
        </p>
      ) : null}
      {generalError && !declining ? <Alert>{generalError}</Alert> : null}
      {canAnswer && !declining ? (
        <div className="match-actions">
          <button type="button" className="button button-small" disabled={busy} onClick={() => answer(true)}>
            {t('matching.requests.accept')}
            <span className="visually-hidden"> : {r.from.name}</span>
          </button>
          <button
            ref={declineButton}
            type="button"
            className="button button-secondary button-small"
            disabled={busy}
            onClick={() => setDeclining(true)}
          >
            {t('matching.requests.decline')}
            <span className="visually-hidden"> : {r.from.name}</span>
          </button>
        </div>
      ) : null}
      {canAnswer && declining ? (
        <DismissForm
          idPrefix={`${id}-decline`}
          label={t('matching.requests.declineReason')}
          submitLabel={t('matching.requests.declineSubmit')}
          busy={busy}
          reason={reason}
          note={note}
          onReason={setReason}
          onNote={setNote}
          fieldErrors={fieldErrors}
          generalError={generalError}
          onSubmit={() => void answer(false)}
          onCancel={() => {
            setDeclining(false);
            setError(null);
          }}
        />
      ) : null}
    </li>
  );
}
