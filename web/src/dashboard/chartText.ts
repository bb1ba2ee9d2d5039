import { useMemo } from 'react';
import type { ChartText } from '../../../src/modules/dashboard/charts';
import { useI18n } from '../i18n';

/** The words and formats of the charts: the app's, with euros rounded (a chart is read at a glance). */
export function useChartText(): ChartText {
  const { t, formatNumber, locale } = useI18n();
  return useMemo(() => {
    const euros = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      style: 'currency',
      currency: 'EUR',
      maximumFractionDigits: 0,
    });
    return { locale, t, formatNumber, formatEuros: (n: number) => euros.format(n) };
  }, [t, formatNumber, locale]);
}
