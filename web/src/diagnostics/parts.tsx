// Small pieces shared by the diagnostic pages.
import type { Bilingual } from '../../../src/modules/diagnostics/definition';
import type { ScoreThresholds } from '../../../src/modules/diagnostics/result';
import { useI18n } from '../i18n';

/** A questionnaire's text in the interface's language. */
export function useText() {
  const { locale } = useI18n();
  return (text: Bilingual) => text[locale];
}

/** « +8 », « −3 », « = »: how a score moved, with a real minus sign. */
export function useSigned() {
  const { locale } = useI18n();
  const format = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { signDisplay: 'exceptZero' });
  return (n: number) => (n === 0 ? '=' : format.format(n).replace('-', '−'));
}

/** A number and its unit, French style: « 65 % » with a narrow no-break space, « 35 bénévoles ». */
export function useQuantity() {
  const { formatNumber } = useI18n();
  const text = useText();
  return (value: number, unit: Bilingual | null) => {
    if (!unit) return formatNumber(value);
    const u = text(unit);
    return `${formatNumber(value)}${u === '%' ? '\u202f' : '\u00a0'}${u}`;
  };
}

/**
 * A score out of 100 as an accessible bar (a <meter> with its value written next to it), coloured by the thresholds
 * of the questionnaire it was computed with: low below its weakness threshold, high from its strength one.
 */
export function ScoreBar({ score, label, thresholds }: { score: number; label: string; thresholds: ScoreThresholds }) {
  const { t } = useI18n();
  return (
    <span className="diagnostic-bar">
      <meter
        min={0}
        max={100}
        low={thresholds.weaknessBelow}
        high={thresholds.strengthAtLeast}
        optimum={100}
        value={score}
        aria-label={label}
      >
        {t('diagnostic.score', { score })}
      </meter>
      <span className="diagnostic-bar-value" aria-hidden="true">
        {t('diagnostic.score', { score })}
      </span>
    </span>
  );
}
