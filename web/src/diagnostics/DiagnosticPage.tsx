import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  type ActorDiagnosticsView,
  type CompletedView,
  diagnosticRoutes,
} from '../../../src/modules/diagnostics/contract';
import { type ApiError, asApiError, callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { uuidPattern } from '../partnerships/parts';
import { Alert, ApiErrorAlert, Loading } from '../ui/feedback';
import { usePageTitle } from '../ui/usePageTitle';
import { DiagnosticForm } from './DiagnosticForm';
import { DiagnosticHistory, DiagnosticResults } from './DiagnosticResults';
import { useText } from './parts';
import './diagnostics.css';

/**
 * `/acteurs/:id/diagnostic`: an organisation's diagnostic. Its latest results and history when it has some, else (or
 * on demand) the questionnaire to fill in; a completed one appears at once with its scores and suggestions.
 */
export function DiagnosticPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const valid = uuidPattern.test(id);
  const view = useApiQuery(diagnosticRoutes.ofActor, { params: { id } }, { enabled: valid });
  usePageTitle(view.data ? t('diagnostic.page.title', { name: view.data.actor.name }) : t('diagnostic.nav'));
  if (!valid) return <Alert>{t('error.notFound')}</Alert>;
  if (view.error) {
    return (
      <div className="narrow">
        <h1>{t('diagnostic.nav')}</h1>
        <ApiErrorAlert error={view.error} />
        <p>
          <Link to={`/acteurs/${id}`}>{t('diagnostic.page.back')}</Link>
        </p>
      </div>
    );
  }
  if (!view.data) return <Loading />;
  return <DiagnosticView key={view.data.actor.id} data={view.data} setData={view.setData} />;
}

/** A completed diagnostic's answers, to start the next one from them (only the current questions are kept). */
const answersOf = (done: CompletedView) =>
  Object.fromEntries(done.result.axes.flatMap((a) => a.questions.map((q) => [q.id, q.answer])));

function DiagnosticView({
  data,
  setData,
}: {
  data: ActorDiagnosticsView;
  setData(update: (previous: ActorDiagnosticsView | undefined) => ActorDiagnosticsView | undefined): void;
}) {
  const { t, tn } = useI18n();
  const text = useText();
  // Straight to the questionnaire the first time; with a draft, first the choice to resume or discard it.
  const [answering, setAnswering] = useState(data.canAnswer && data.history.length === 0 && !data.draft);
  const [justCompleted, setJustCompleted] = useState(false);
  const [discarded, setDiscarded] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const latest = data.history[0];

  const discard = async () => {
    if (!window.confirm(t('diagnostic.page.discardConfirm'))) return;
    setFailure(null);
    try {
      await callApi(diagnosticRoutes.discardDraft, { params: { id: data.actor.id } });
      setData((prev) => (prev ? { ...prev, draft: null } : prev));
      setDiscarded(true);
    } catch (e) {
      setFailure(asApiError(e));
    }
  };

  useEffect(() => {
    if (justCompleted) document.getElementById('diagnostic-results-heading')?.focus();
  }, [justCompleted]);

  return (
    <article className="diagnostic-page">
      <p className="breadcrumb">
        <Link to={`/acteurs/${data.actor.id}`}>
          <span aria-hidden="true">← </span>
          {data.actor.name}
        </Link>
      </p>
      <h1>{t('diagnostic.page.title', { name: data.actor.name })}</h1>
      <p className="tagline">{text(data.questionnaire.title)}</p>

      {answering ? (
        <>
          <p>{text(data.questionnaire.intro)}</p>
          <DiagnosticForm
            actorId={data.actor.id}
            questionnaire={data.questionnaire}
            initialAnswers={data.draft?.answers ?? (latest ? answersOf(latest) : {})}
            onDraft={(draft) => setData((prev) => (prev ? { ...prev, draft } : prev))}
            onCompleted={(done) => {
              setData((prev) => (prev ? { ...prev, draft: null, history: [done, ...prev.history] } : prev));
              setAnswering(false);
              setJustCompleted(true);
            }}
            onCancel={latest ? () => setAnswering(false) : null}
          />
        </>
      ) : (
        <>
          {justCompleted ? <Alert kind="success">{t('diagnostic.page.completed')}</Alert> : null}
          {discarded ? <Alert kind="success">{t('diagnostic.page.discarded')}</Alert> : null}
          {failure ? <ApiErrorAlert error={failure} /> : null}
          {data.canAnswer ? (
            <div className="diagnostic-start">
              {data.draft ? (
                <p>{tn('diagnostic.page.draft', data.draft.answered, { total: data.draft.total })}</p>
              ) : null}
              <button
                type="button"
                className="button"
                onClick={() => {
                  setJustCompleted(false);
                  setDiscarded(false);
                  setAnswering(true);
                }}
              >
                {data.draft
                  ? t('diagnostic.page.resume')
                  : latest
                    ? t('diagnostic.page.again')
                    : t('diagnostic.page.start')}
              </button>
              {data.draft ? (
                <button type="button" className="button button-secondary" onClick={() => void discard()}>
                  {t('diagnostic.page.discard')}
                </button>
              ) : null}
            </div>
          ) : null}
          {latest ? (
            <>
              <DiagnosticResults done={latest} actorId={data.actor.id} />
              <DiagnosticHistory history={data.history} />
            </>
          ) : (
            <p className="muted">{t('diagnostic.page.none')}</p>
          )}
        </>
      )}
    </article>
  );
}
