import type { Dashboard } from '../../../src/modules/dashboard/figures';
import { useChartText } from './chartText';

/** The dashboard's headline figures, each under its name. */
export function KeyFigures({ data }: { data: Dashboard }) {
  const { t, formatNumber, formatEuros } = useChartText();
  const k = data.keyFigures;
  const figures: [string, string][] = [
    ['participants', formatNumber(k.participants)],
    ['directoryActors', formatNumber(k.directoryActors)],
    ['partnerships', formatNumber(k.partnerships)],
    ['alliances', formatNumber(k.alliances)],
    ['eventsHeld', formatNumber(k.eventsHeld)],
    ['attendance', formatNumber(k.attendance)],
    ['fundingSecured', formatEuros(k.fundingSecured)],
    ['volunteerValue', formatEuros(k.volunteerValue)],
    ['dialogueContributions', formatNumber(k.dialogueContributions)],
    ['averageScore', k.averageScore === null ? '—' : `${formatNumber(k.averageScore)}\u202f/\u202f100`],
  ];
  return (
    <dl className="key-figures">
      {figures.map(([key, value]) => (
        <div key={key} className="key-figure" data-key-figure={key}>
          <dt>{t(`dashboard.key.${key}`)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
