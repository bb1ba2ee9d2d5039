import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { CallDetail, CallSummary } from '../../../../src/modules/funding/calls/contract';
import type { CallStatus } from '../../../../src/modules/funding/vocabulary';
import { useI18n } from '../../i18n';
import { formatDay } from '../../programmes/parts';
import { useReference } from '../../reference/reference';

/** A call's status as a word in a badge (the colour only repeats it). */
export function CallStatusBadge({ status }: { status: CallStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge funding-call-status funding-call-${status}`}>{t(`funding.call.status.${status}`)}</span>
  );
}

/** « Clôture le 2 mars 2018 », « Clôturé le 30 novembre 2017 », « Ouverture le … » or « Dates à venir ». */
export function useCallDates() {
  const { t, locale } = useI18n();
  return (c: Pick<CallSummary, 'status' | 'opensOn' | 'closesOn'>) => {
    if (c.status === 'closed' && c.closesOn) return t('funding.call.closedOn', { date: formatDay(c.closesOn, locale) });
    if (c.status === 'announced' && c.opensOn) return t('funding.call.opensOn', { date: formatDay(c.opensOn, locale) });
    if (c.closesOn) return t('funding.call.closesOn', { date: formatDay(c.closesOn, locale) });
    return t('funding.call.noDates');
  };
}

/** « Enveloppe de 500 000,00 € · de 10 000,00 € à 50 000,00 € par projet », or null when the funder says nothing. */
function useCallAmounts() {
  const { t, formatEuros } = useI18n();
  return (c: Pick<CallSummary, 'envelope' | 'amountMin' | 'amountMax'>) => {
    const parts: string[] = [];
    if (c.envelope !== null) parts.push(t('funding.call.envelope', { amount: formatEuros(c.envelope) }));
    if (c.amountMin !== null && c.amountMax !== null) {
      parts.push(t('funding.call.range', { min: formatEuros(c.amountMin), max: formatEuros(c.amountMax) }));
    } else if (c.amountMin !== null) parts.push(t('funding.call.min', { min: formatEuros(c.amountMin) }));
    else if (c.amountMax !== null) parts.push(t('funding.call.max', { max: formatEuros(c.amountMax) }));
    return parts.length ? parts.join(' · ') : null;
  };
}

/**
 * What a call is, as a list of facts: its funder, amounts and themes on the calls list; on its own page (`detail`)
 * also its period, SDGs, eligible families, communes and link.
 */
export function CallFacts({ call: c, detail }: { call: CallSummary; detail?: Pick<CallDetail, 'link'> }) {
  const { t, locale } = useI18n();
  const reference = useReference();
  const dates = useCallDates();
  const amounts = useCallAmounts()(c);
  const period =
    c.opensOn !== null && c.closesOn !== null
      ? `${formatDay(c.opensOn, locale)} – ${formatDay(c.closesOn, locale)}`
      : dates(c);
  const fact = (key: string, value: ReactNode) => (
    <div key={key}>
      <dt>{t(`funding.call.${key}`)}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <dl className="facts">
      {fact('funder', detail ? <Link to={`/acteurs/${c.funder.id}`}>{c.funder.name}</Link> : c.funder.name)}
      {detail ? fact('period', period) : null}
      {amounts ? fact('amounts', amounts) : null}
      {c.themes.length ? fact('themes', c.themes.map((th) => reference.themeLabel(th)).join(', ')) : null}
      {detail && c.sdgs.length ? fact('sdgs', c.sdgs.map((n) => reference.sdgLabel(n)).join(', ')) : null}
      {detail
        ? fact(
            'families',
            c.eligibleFamilies.length
              ? c.eligibleFamilies.map((f) => t(`family.${f}`)).join(', ')
              : t('funding.call.allFamilies'),
          )
        : null}
      {detail
        ? fact('communes', c.communes.length ? c.communes.map((x) => x.name).join(', ') : t('funding.call.anywhere'))
        : null}
      {detail?.link
        ? fact(
            'link',
            <a href={detail.link} rel="noopener noreferrer" target="_blank">
              {detail.link}
            </a>,
          )
        : null}
    </dl>
  );
}
