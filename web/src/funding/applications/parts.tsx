import type { ApplicationSummary } from '../../../../src/modules/funding/applications/contract';
import type { ApplicationStatus } from '../../../../src/modules/funding/vocabulary';
import { useI18n } from '../../i18n';

/** An application's status as words (a badge whose colour only repeats them). */
export function ApplicationStatusText({ status }: { status: ApplicationStatus }) {
  const { t } = useI18n();
  return <span className={`badge funding-app-status funding-app-${status}`}>{t(`funding.app.status.${status}`)}</span>;
}

/** What an application funds, in words: « Programme · Pertuis », « Projet phare · … », « Partenariat · … ». */
export function useTargetText() {
  const { t } = useI18n();
  return (a: Pick<ApplicationSummary, 'programme' | 'territory' | 'project' | 'partnership'>) => {
    if (a.project) return `${t('funding.app.target.project')} · ${a.project.name}`;
    if (a.partnership) return `${t('funding.app.target.partnership')} · ${a.partnership.name}`;
    if (a.territory) return `${a.programme?.name ?? ''} · ${a.territory.name}`;
    return t('funding.app.target.wholeProgramme', { name: a.programme?.name ?? '' });
  };
}
