import type { EventKind } from '../../../src/modules/events/vocabulary';
import { type Locale, useI18n } from '../i18n';
import './events.css';

/** Events happen in France: their dates are shown and typed in Paris time, whatever the browser's zone. */
export const eventTimeZone = 'Europe/Paris';

const pad = (n: number) => String(n).padStart(2, '0');

/** The Paris wall-clock parts of an instant. */
function parisParts(d: Date) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: eventTimeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/** An instant as the value of a datetime-local input, in Paris time. */
export function toParisInput(iso: string): string {
  const p = parisParts(new Date(iso));
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** A datetime-local value read in Paris time, as an ISO instant; null when empty or malformed. */
export function fromParisInput(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const wanted = Date.UTC(y, mo - 1, d, h, mi);
  let guess = wanted;
  // Two rounds settle the offset, summer time changes included.
  for (let i = 0; i < 2; i++) {
    const p = parisParts(new Date(guess));
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    guess += wanted - shown;
  }
  return new Date(guess).toISOString();
}

/** « 15 h », « 18 h 30 » in French; « 3:00 pm » in English. */
function timeOf(d: Date, locale: Locale): string {
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
  const p = parisParts(d);
  return p.minute ? `${p.hour}\u00a0h\u00a0${pad(p.minute)}` : `${p.hour}\u00a0h`;
}

/** « mardi 13 décembre 2016 ». */
function dayOf(d: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    timeZone: eventTimeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(d);
}

/** « mardi 13 décembre 2016, 15 h – 18 h 30 »; both days when the event spans several. */
export function formatEventDates(startsAt: string, endsAt: string, locale: Locale): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const startDay = dayOf(start, locale);
  const endDay = dayOf(end, locale);
  if (startDay === endDay) return `${startDay}, ${timeOf(start, locale)} – ${timeOf(end, locale)}`;
  return `${startDay}, ${timeOf(start, locale)} – ${endDay}, ${timeOf(end, locale)}`;
}

/** An agenda time `HH:MM` as « 9 h 30 » in French, as it is in English. */
export function formatAgendaTime(hhmm: string, locale: Locale): string {
  if (locale === 'en') return hhmm;
  const [h, m] = hhmm.split(':');
  return m === '00' ? `${Number(h)}\u00a0h` : `${Number(h)}\u00a0h\u00a0${m}`;
}

export function KindBadge({ kind }: { kind: EventKind }) {
  const { t } = useI18n();
  return <span className={`event-kind event-kind-${kind}`}>{t(`event.kind.${kind}`)}</span>;
}

/** « 3 places sur 20 », « complet — liste d’attente », or unlimited. */
export function useSeatsText() {
  const { t, formatNumber } = useI18n();
  return (e: { capacity: number | null; seatsLeft: number | null }) => {
    if (e.capacity === null || e.seatsLeft === null) return t('event.seats.unlimited');
    if (e.seatsLeft === 0) return t('event.seats.full');
    if (e.seatsLeft === 1) return t('event.seats.leftOne', { capacity: formatNumber(e.capacity) });
    return t('event.seats.left', { left: formatNumber(e.seatsLeft), capacity: formatNumber(e.capacity) });
  };
}
