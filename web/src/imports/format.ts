// How an import run is named on the pages: its state, its scope, sizes and durations in the reader's locale.

import { formatBytes } from '../../../src/modules/imports/bytes';
import type { RunView } from '../../../src/modules/imports/contract';
import { useI18n } from '../i18n';

/**
 * A 'running' run that is not live was stopped with its server (the pages call it stopped), unless it was started from
 * the command line: this server cannot tell whether it goes on in its terminal.
 */
export const stateOf = (run: RunView): 'running' | 'stopped' | 'commandLine' | 'done' | 'failed' =>
  run.status === 'running' && !run.live ? (run.fromCommandLine ? 'commandLine' : 'stopped') : run.status;

export function useImportFormat() {
  const { t, locale, formatNumber } = useI18n();
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  return {
    bytes: (n: number) => formatBytes(n, locale === 'fr' ? 'fr' : 'en'),
    duration(seconds: number) {
      const s = Math.max(1, Math.round(seconds));
      const style = { style: 'unit', unitDisplay: 'short' } as const;
      const part = (n: number, unit: 'hour' | 'minute' | 'second') =>
        new Intl.NumberFormat(tag, { ...style, unit }).format(n);
      if (s < 60) return part(s, 'second');
      const m = Math.floor(s / 60);
      if (m < 60) return `${part(m, 'minute')} ${part(s % 60, 'second')}`;
      return `${part(Math.floor(m / 60), 'hour')} ${part(m % 60, 'minute')}`;
    },
    scope(run: RunView) {
      if (run.scope.territoryName) return run.scope.territoryName;
      if (run.scope.departement) return t('import.scope.departement', { code: run.scope.departement });
      return t('import.scope.communes', { count: formatNumber(run.scope.communeCount ?? 0) });
    },
    state(run: RunView) {
      return t(`import.status.${stateOf(run)}`);
    },
  };
}
