import { Link } from 'react-router';
import type { CompletedView } from '../../../src/modules/diagnostics/contract';
import type { Suggestion } from '../../../src/modules/diagnostics/result';
import { useI18n } from '../i18n';
import { ModeBadge } from '../partnerships/parts';
import { TableWrap } from '../ui/TableWrap';
import { ScoreBar, useQuantity, useSigned, useText } from './parts';

/**
 * A completed diagnostic: the overall score and each axis's as bars with their change since the previous one, the
 * strengths and weaknesses, then the suggestions, each with its mode, its reason and links to act on it.
 */
export function DiagnosticResults({ done, actorId }: { done: CompletedView; actorId: string }) {
  const { t, formatDate } = useI18n();
  const text = useText();
  const signed = useSigned();
  const { result, delta } = done;
  const labelOf = (id: string) => {
    const axis = result.axes.find((a) => a.id === id);
    return axis ? text(axis.label) : id;
  };
  return (
    <section className="diagnostic-results" aria-labelledby="diagnostic-results-heading">
      <h2 id="diagnostic-results-heading" tabIndex={-1}>
        {t('diagnostic.results.title', { date: formatDate(done.completedAt) })}
      </h2>
      <div className="card diagnostic-scores">
        <p className="diagnostic-overall">
          <span className="diagnostic-overall-label">{t('diagnostic.results.overall')}</span>
          <ScoreBar score={result.overall} label={t('diagnostic.results.overall')} thresholds={result.thresholds} />
          {delta ? (
            <span className="diagnostic-delta">
              {delta.overall === 0
                ? t('diagnostic.results.stableSince', { date: formatDate(delta.previousCompletedAt) })
                : t('diagnostic.results.since', {
                    delta: signed(delta.overall),
                    date: formatDate(delta.previousCompletedAt),
                  })}
            </span>
          ) : null}
        </p>
        <ul className="diagnostic-axes">
          {result.axes.map((a) => {
            const change = delta?.axes[a.id];
            return (
              <li key={a.id}>
                <span className="diagnostic-axis-label">{text(a.label)}</span>
                <ScoreBar score={a.score} label={text(a.label)} thresholds={result.thresholds} />
                {change !== undefined && change !== null ? (
                  <span className="diagnostic-delta">
                    {signed(change)}
                    <span className="visually-hidden"> {t('diagnostic.results.sincePrevious')}</span>
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      </div>

      <div className="grid-2 diagnostic-findings">
        <div className="card">
          <h3>{t('diagnostic.results.strengths')}</h3>
          {result.strengths.length ? (
            <ul>
              {result.strengths.map((id) => (
                <li key={id}>{labelOf(id)}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('diagnostic.results.noStrength', { score: result.thresholds.strengthAtLeast })}</p>
          )}
        </div>
        <div className="card">
          <h3>{t('diagnostic.results.weaknesses')}</h3>
          {result.weaknesses.length ? (
            <ul>
              {result.weaknesses.map((id) => (
                <li key={id}>{labelOf(id)}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('diagnostic.results.noWeakness', { score: result.thresholds.weaknessBelow })}</p>
          )}
        </div>
      </div>

      <h3>{t('diagnostic.results.suggestions')}</h3>
      {result.suggestions.length ? (
        <>
          <p className="muted">{t('diagnostic.results.suggestionsIntro')}</p>
          <ol className="diagnostic-suggestions">
            {result.suggestions.map((s) => (
              <SuggestionItem key={s.ruleId} suggestion={s} actorId={actorId} />
            ))}
          </ol>
        </>
      ) : (
        <p className="muted">{t('diagnostic.results.noSuggestion')}</p>
      )}

      <details className="diagnostic-answers">
        <summary>{t('diagnostic.results.answers')}</summary>
        <AnswersTable done={done} />
      </details>
    </section>
  );
}

function SuggestionItem({ suggestion: s, actorId }: { suggestion: Suggestion; actorId: string }) {
  const { t } = useI18n();
  const text = useText();
  const quantity = useQuantity();
  const why = s.trigger;
  const reason =
    why.questionLabel !== null && why.answer !== null
      ? t('diagnostic.suggestion.becauseAnswer', {
          axis: text(why.axisLabel),
          // « Les compétences … dans l’équipe ? » reads better without its question mark before the answer.
          question: text(why.questionLabel).replace(/[\s\u202f]*\?$/, ''),
          answer: why.answerLabel ? text(why.answerLabel) : quantity(Number(why.answer), why.unit),
        })
      : t('diagnostic.suggestion.becauseAxis', { axis: text(why.axisLabel), score: why.score ?? 0 });
  return (
    <li className="card diagnostic-suggestion">
      <ModeBadge mode={s.mode} />
      <p className="diagnostic-suggestion-text">{text(s.text)}</p>
      <p className="small muted">{reason}</p>
      <p className="diagnostic-suggestion-links">
        <Link to={`/suggestions?subjectKind=actor&subjectId=${actorId}`}>{t('diagnostic.suggestion.partners')}</Link>
        <Link to={`/vitrine?mode=${s.mode}`}>{t('diagnostic.suggestion.examples', { mode: t(`mode.${s.mode}`) })}</Link>
      </p>
    </li>
  );
}

function AnswersTable({ done }: { done: CompletedView }) {
  const { t } = useI18n();
  const text = useText();
  const quantity = useQuantity();
  return (
    <TableWrap labelledBy="diagnostic-answers-caption">
      <table className="diagnostic-table">
        <caption id="diagnostic-answers-caption" className="visually-hidden">
          {t('diagnostic.results.answers')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('diagnostic.col.question')}</th>
            <th scope="col">{t('diagnostic.col.answer')}</th>
            <th scope="col" className="num">
              {t('diagnostic.col.points')}
            </th>
          </tr>
        </thead>
        {done.result.axes.map((a) => (
          <tbody key={a.id}>
            <tr>
              <th scope="rowgroup" colSpan={3} className="diagnostic-table-axis">
                {text(a.label)}
              </th>
            </tr>
            {a.questions.map((q) => (
              <tr key={q.id}>
                <th scope="row">{text(q.label)}</th>
                <td>{q.answerLabel ? text(q.answerLabel) : quantity(Number(q.answer), q.unit)}</td>
                <td className="num">{t('diagnostic.points', { points: q.points, max: q.maxPoints })}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </TableWrap>
  );
}

/** Every completed diagnostic, newest first, with each axis's score and its change since the one before. */
export function DiagnosticHistory({ history }: { history: CompletedView[] }) {
  const { t, formatDate } = useI18n();
  const text = useText();
  const signed = useSigned();
  const latest = history[0];
  if (!latest) return null;
  const axes = latest.result.axes;
  return (
    <section className="diagnostic-history" aria-labelledby="diagnostic-history-heading">
      <h2 id="diagnostic-history-heading">{t('diagnostic.history.title')}</h2>
      {history.length < 2 ? <p className="muted">{t('diagnostic.history.single')}</p> : null}
      <TableWrap labelledBy="diagnostic-history-heading">
        <table className="diagnostic-table">
          <thead>
            <tr>
              <th scope="col">{t('diagnostic.col.date')}</th>
              <th scope="col" className="num">
                {t('diagnostic.results.overall')}
              </th>
              {axes.map((a) => (
                <th scope="col" className="num" key={a.id}>
                  {text(a.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {history.map((h) => (
              <tr key={h.id}>
                <th scope="row">{formatDate(h.completedAt)}</th>
                <td className="num">
                  {t('diagnostic.score', { score: h.result.overall })}
                  {h.delta ? <span className="diagnostic-delta"> ({signed(h.delta.overall)})</span> : null}
                </td>
                {axes.map((a) => {
                  const score = h.result.axes.find((x) => x.id === a.id)?.score;
                  const change = h.delta?.axes[a.id];
                  return (
                    <td className="num" key={a.id}>
                      {score === undefined ? '—' : t('diagnostic.score', { score })}
                      {change !== undefined && change !== null ? (
                        <span className="diagnostic-delta"> ({signed(change)})</span>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
