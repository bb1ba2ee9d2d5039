import type { ClaimStatus } from '../../../src/modules/imports/claims/contract';
import { useI18n } from '../i18n';

/** « le Répertoire national des associations et le répertoire SIRENE des entreprises ». */
export function useSourcesText() {
  const { t } = useI18n();
  return (sources: ClaimStatus['sources']) => sources.map((s) => t(`claim.source.${s}`)).join(t('claim.sourceJoin'));
}
