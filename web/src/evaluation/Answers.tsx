import type { EvaluationView } from '../../../src/modules/evaluation/contract';
import { evaluationDimensions } from '../../../src/modules/evaluation/vocabulary';
import { useI18n } from '../i18n';
import { dimensionKey } from './parts';

/** Every partner's answer side by side: its 1–5 scores and comments, its objectives, the balance it sees. */
export function Answers({ evaluation }: { evaluation: EvaluationView }) {
  const { t, formatDate } = useI18n();
  return (
    <section className="evaluation-section" aria-labelledby="evaluation-answers-title">
      <h2 id="evaluation-answers-title">{t('evaluation.answers.title')}</h2>
      <div className="evaluation-answers">
        {evaluation.partners.map((p) => (
          <div key={p.actorId} className="card">
            <h3>{p.name}</h3>
            {p.response ? (
              <>
                <p className="muted">
                  {t('evaluation.answers.answeredOn', { date: formatDate(p.response.answeredAt) })}
                  {p.response.onBehalf ? ` (${t('evaluation.answers.onBehalf')})` : ''}
                </p>
                <dl>
                  {evaluationDimensions.map((d) => {
                    const answer = p.response?.scores[d];
                    return (
                      <div key={d} style={{ display: 'contents' }}>
                        <dt>{t(dimensionKey(d))}</dt>
                        <dd>{answer?.score == null ? t('evaluation.dontKnow') : `${answer.score} / 5`}</dd>
                        {answer?.comment ? (
                          <dd className="evaluation-comment">{`«\u00a0${answer.comment}\u00a0»`}</dd>
                        ) : null}
                      </div>
                    );
                  })}
                </dl>
                {p.response.balance !== null ? (
                  <p>{t('evaluation.answers.balance', { text: t(`evaluation.balance.${p.response.balance}`) })}</p>
                ) : null}
                {p.response.balanceComment ? (
                  <p className="evaluation-comment">{`«\u00a0${p.response.balanceComment}\u00a0»`}</p>
                ) : null}
                {p.response.objectives.length ? (
                  <>
                    <h4>{t('evaluation.answers.objectives')}</h4>
                    <ul>
                      {p.response.objectives.map((o) => (
                        <li key={o.label}>
                          {o.label} — <strong>{t(`evaluation.objective.${o.status}`)}</strong>
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </>
            ) : (
              <p className="muted">{t('evaluation.answers.pending')}</p>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}
