import type { ScoreView } from '../../../src/modules/evaluation/contract';
import { type EvaluationDimension, evaluationDimensions } from '../../../src/modules/evaluation/vocabulary';
import { useI18n } from '../i18n';

/** A 0–100 score as « 62,5 », or a dash when nobody answered. */
export function useScoreText() {
  const { t, locale } = useI18n();
  const format = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 });
  return (score: number | null) => (score === null ? t('evaluation.noScore') : format.format(score));
}

export const dimensionKey = (d: EvaluationDimension) => `evaluation.dimension.${d}` as const;

/** The header cells of a scores table: the six dimensions, then the overall score. */
export function ScoreHeads() {
  const { t } = useI18n();
  return (
    <>
      {evaluationDimensions.map((d) => (
        <th key={d} scope="col" className="evaluation-num">
          {t(dimensionKey(d))}
        </th>
      ))}
      <th scope="col" className="evaluation-num">
        {t('evaluation.overall')}
      </th>
    </>
  );
}

/** The cells of a scores row, matching ScoreHeads; the overall score stands out. */
export function ScoreCells({ scores }: { scores: ScoreView }) {
  const text = useScoreText();
  return (
    <>
      {evaluationDimensions.map((d) => (
        <td key={d} className="evaluation-num">
          <ScoreBar score={scores.dimensions[d]} text={text(scores.dimensions[d])} />
        </td>
      ))}
      <td className="evaluation-num evaluation-overall">{text(scores.overall)}</td>
    </>
  );
}

/** A score with a small bar under it (decorative: the number is what is read). */
function ScoreBar({ score, text }: { score: number | null; text: string }) {
  return (
    <span className="evaluation-score">
      {text}
      {score === null ? null : (
        <span className="evaluation-bar" aria-hidden="true">
          <span style={{ width: `${score}%` }} />
        </span>
      )}
    </span>
  );
}
