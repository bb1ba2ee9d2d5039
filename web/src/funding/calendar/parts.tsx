import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type {
  DeadlineView,
  MatchReasons,
  SuitedCall,
  SuitedLevel,
} from '../../../../src/modules/funding/calendar/contract';
import { useI18n } from '../../i18n';
import { formatDay } from '../../programmes/parts';
import { useReference } from '../../reference/reference';
import './calendar.css';

/** « dans 3 jours », « demain »; once passed « depuis 2 jours » (a report, beside its « En retard »), « clôturé depuis 5 jours » (a call). */
export function useDaysLeftText() {
  const { t, tn } = useI18n();
  return (d: Pick<DeadlineView, 'daysLeft' | 'kind'>) => {
    if (d.daysLeft === 0) return t('fundingCalendar.days.today');
    if (d.daysLeft === 1) return t('fundingCalendar.days.tomorrow');
    if (d.daysLeft > 1) return t('fundingCalendar.days.ahead', { count: d.daysLeft });
    return tn(d.kind === 'reportDue' ? 'fundingCalendar.days.late' : 'fundingCalendar.days.closed', -d.daysLeft);
  };
}

/** « Très adapté » / « Adapté »: the score in words. */
function LevelBadge({ level }: { level: SuitedLevel }) {
  const { t } = useI18n();
  return <span className={`badge suited-level suited-${level}`}>{t(`fundingCalendar.level.${level}`)}</span>;
}

/** Why a call and a project or territory match, as short lines. */
function Reasons({ reasons }: { reasons: MatchReasons }) {
  const { t } = useI18n();
  const ref = useReference();
  const lines: string[] = [];
  if (reasons.sharedThemes.length)
    lines.push(t('fundingCalendar.reason.themes', { list: reasons.sharedThemes.map(ref.themeLabel).join(', ') }));
  if (reasons.sharedSdgs.length)
    lines.push(t('fundingCalendar.reason.sdgs', { list: reasons.sharedSdgs.map(ref.sdgLabel).join(', ') }));
  if (reasons.sharedCommunes.length)
    lines.push(t('fundingCalendar.reason.communes', { list: reasons.sharedCommunes.map((c) => c.name).join(', ') }));
  else if (reasons.anywhere) lines.push(t('fundingCalendar.reason.anywhere'));
  else if (reasons.sameTerritory) lines.push(t('fundingCalendar.reason.sameTerritory'));
  else if (reasons.km !== null) lines.push(t('fundingCalendar.reason.km', { km: reasons.km }));
  if (reasons.eligibleFamilies.length)
    lines.push(
      t('fundingCalendar.reason.families', {
        list: reasons.eligibleFamilies.map((f) => t(`family.${f}`)).join(', '),
      }),
    );
  if (reasons.budgetFits !== null)
    lines.push(t(reasons.budgetFits ? 'fundingCalendar.reason.budget' : 'fundingCalendar.reason.budgetOut'));
  return (
    <ul className="match-reasons" aria-label={t('fundingCalendar.reasons')}>
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  );
}

/**
 * One suited call, project or territory of a list `ul.suited-calls`: its link, its level (and `badge` after it), the
 * lines the list adds (`children`), then the reasons.
 */
export function MatchCard(props: {
  link: ReactNode;
  level: SuitedLevel;
  reasons: MatchReasons;
  badge?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <li className="card suited-call">
      <p className="suited-call-head">
        {props.link}
        <LevelBadge level={props.level} />
        {props.badge}
      </p>
      {props.children}
      <Reasons reasons={props.reasons} />
    </li>
  );
}

/** Open or announced calls that suit a project or a territory, with their closing dates and a link to each. */
export function SuitedCallList({ calls }: { calls: SuitedCall[] }) {
  const { t, locale } = useI18n();
  return (
    <ul className="suited-calls">
      {calls.map((c) => (
        <MatchCard
          key={c.id}
          link={<Link to={`/financements/appels/${c.id}`}>{c.title}</Link>}
          level={c.level}
          reasons={c.reasons}
          badge={<span className={`badge call-status-${c.status}`}>{t(`fundingCalendar.status.${c.status}`)}</span>}
        >
          <p className="muted">
            {c.funder.name} ·{' '}
            {c.closesOn
              ? t('fundingCalendar.closesOn', { date: formatDay(c.closesOn, locale) })
              : t('fundingCalendar.noClosingDate')}
          </p>
        </MatchCard>
      ))}
    </ul>
  );
}
