// Small formatting helpers of the speed-dating pages: round times in Paris time, ratios, party names.
import type { SpeedDatingParty } from '../../../../src/modules/events/speed-dating/contract';
import type { Locale } from '../../i18n';
import { eventTimeZone } from '../parts';

/** « 17 h 10 » in French, « 5:10 pm » in English, Paris time. */
export function roundTime(iso: string, locale: Locale): string {
  const d = new Date(iso);
  if (locale === 'en') {
    return new Intl.DateTimeFormat('en-GB', {
      timeZone: eventTimeZone,
      hour: 'numeric',
      minute: '2-digit',
      hour12: true,
    })
      .format(d)
      .replace(/\s/g, '\u00a0');
  }
  const parts = new Intl.DateTimeFormat('fr-FR', {
    timeZone: eventTimeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  return minute === '00' ? `${hour}\u00a0h` : `${hour}\u00a0h\u00a0${minute}`;
}

/** « 17 h 10 – 17 h 17 ». */
export const roundSpan = (r: { startsAt: string; endsAt: string }, locale: Locale) =>
  `${roundTime(r.startsAt, locale)} – ${roundTime(r.endsAt, locale)}`;

/** « 87 % » (the narrow no-break space of French comes with the locale). */
export const percent = (x: number, locale: Locale) =>
  new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(x);

/** The organisation, and the person's name when the API gave it (staff). */
export function partyName(p: SpeedDatingParty, fallback: string): string {
  const org = p.actorName ?? fallback;
  return p.displayName ? `${org} (${p.displayName})` : org;
}
