import { useState } from 'react';
import { useNavigate } from 'react-router';
import { eventKinds } from '../../../src/modules/events/vocabulary';
import type { TimelineView } from '../../../src/modules/programmes/contract';
import { formatEventDates } from '../events/parts';
import { useI18n } from '../i18n';
import { formatDay, parisDay, today } from './parts';

// The drawing's own units (the SVG scales to its box): a column of row labels, then the time axis.
const width = 1000;
const labelWidth = 230;
const rowHeight = 26;
const axisHeight = 40;
const dayMs = 86_400_000;

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / dayMs;

interface Tip {
  text: string;
  x: number;
  y: number;
}

/**
 * A Gantt-like drawing of a programme: years and quarters, the phases as a band, one row per action (a bar from
 * start to due date, coloured by status, late ones marked), one row of diamonds per kind of event, and today's line.
 * Each mark says what it is on hover and on focus; the same data is also given as tables (CalendarPage).
 */
export function Timeline({ view }: { view: TimelineView }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [tip, setTip] = useState<Tip | null>(null);
  const start = dayNumber(view.from);
  const end = Math.max(dayNumber(view.to) + 1, start + 1);
  const x = (day: string) => labelWidth + ((dayNumber(day) - start) / (end - start)) * (width - labelWidth - 18);
  const kinds = eventKinds.filter((k) => view.events.some((e) => e.kind === k));
  const rows = 1 + view.actions.length + kinds.length;
  // Room below the rows for the « today » label.
  const height = axisHeight + rows * rowHeight + 24;
  const rowY = (i: number) => axisHeight + i * rowHeight;

  // Years and their quarters over the span.
  const fromYear = Number(view.from.slice(0, 4));
  const toYear = Number(view.to.slice(0, 4));
  const ticks: { day: string; year: boolean; label: string }[] = [];
  // Quarters are named only when there is room for their names.
  const quarterLabels = ((width - labelWidth) / (end - start)) * 91 >= 30;
  for (let y = fromYear; y <= toYear; y++) {
    for (let q = 0; q < 4; q++) {
      const day = `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`;
      if (day < view.from || day > view.to) continue;
      ticks.push({ day, year: q === 0, label: q === 0 ? String(y) : quarterLabels ? `T${q + 1}` : '' });
    }
  }
  const now = today();
  const show = (text: string, px: number, row: number) =>
    setTip({ text, x: (px / width) * 100, y: ((rowY(row) + rowHeight) / height) * 100 });
  const tipProps = (text: string, px: number, row: number) => ({
    tabIndex: 0,
    role: 'img',
    'aria-label': text,
    onMouseEnter: () => show(text, px, row),
    onMouseLeave: () => setTip(null),
    onFocus: () => show(text, px, row),
    onBlur: () => setTip(null),
  });
  const trim = (s: string, n = 30) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

  return (
    <div className="programme-timeline">
      <svg viewBox={`0 0 ${width} ${height}`} aria-labelledby="timeline-title">
        <title id="timeline-title">{t('programme.calendar.chart')}</title>
        {/* time axis */}
        {ticks.map((tk) => (
          <g key={tk.day} className={tk.year ? 'timeline-tick timeline-tick-year' : 'timeline-tick'}>
            <line x1={x(tk.day)} x2={x(tk.day)} y1={axisHeight - 8} y2={height - 24} />
            <text x={x(tk.day) + 3} y={tk.year ? 16 : axisHeight - 12}>
              {tk.label}
            </text>
          </g>
        ))}
        {/* phases */}
        <text className="timeline-label" x={4} y={rowY(0) + 17}>
          {t('programme.calendar.phases')}
        </text>
        {view.phases.map((ph, i) => {
          const x1 = x(ph.startsOn);
          const w = Math.max(2, x(ph.endsOn) - x1);
          const text = t('programme.calendar.phaseTip', {
            name: ph.name,
            from: formatDay(ph.startsOn, locale),
            to: formatDay(ph.endsOn, locale),
          });
          const current = ph.startsOn <= now && now <= ph.endsOn;
          return (
            <g
              key={ph.id}
              {...tipProps(text, x1, 0)}
              className={`timeline-phase timeline-phase-${i % 2}${current ? ' timeline-phase-current' : ''}`}
            >
              <rect x={x1} y={rowY(0) + 2} width={w} height={rowHeight - 4} rx={3} />
              <text x={x1 + 4} y={rowY(0) + 17}>
                {trim(ph.name, Math.max(0, Math.floor(w / 7)))}
              </text>
            </g>
          );
        })}
        {/* actions */}
        {view.actions.map((a, i) => {
          const row = 1 + i;
          const x1 = x(a.startsOn);
          const w = Math.max(4, x(a.dueOn) - x1);
          const status = a.late
            ? `${t(`programme.status.${a.status}`)}, ${t('programme.late')}`
            : t(`programme.status.${a.status}`);
          const text = t('programme.calendar.actionTip', {
            title: a.title,
            from: formatDay(a.startsOn, locale),
            to: formatDay(a.dueOn, locale),
            status,
          });
          return (
            <g key={a.id}>
              <text className="timeline-label" x={4} y={rowY(row) + 17}>
                {trim(a.title)}
              </text>
              <g
                {...tipProps(text, x1, row)}
                className={`timeline-action timeline-status-${a.status}${a.late ? ' timeline-late' : ''}`}
              >
                <rect x={x1} y={rowY(row) + 5} width={w} height={rowHeight - 10} rx={3} />
                {a.late ? (
                  <text x={x1 + w + 4} y={rowY(row) + 18} className="timeline-late-mark">
                    !
                  </text>
                ) : null}
              </g>
            </g>
          );
        })}
        {/* events, one row per kind */}
        {kinds.map((kind, k) => {
          const row = 1 + view.actions.length + k;
          const cy = rowY(row) + rowHeight / 2;
          return (
            <g key={kind}>
              <text className="timeline-label" x={4} y={rowY(row) + 17}>
                {trim(t(`event.kind.${kind}`))}
              </text>
              {view.events
                .filter((e) => e.kind === kind)
                .map((e) => {
                  const cx = x(parisDay(e.startsAt));
                  const text = t('programme.calendar.eventTip', {
                    title: e.title,
                    date: formatEventDates(e.startsAt, e.endsAt, locale),
                    kind: t(`event.kind.${kind}`),
                  });
                  return (
                    <a
                      key={e.id}
                      href={`/evenements/${e.id}`}
                      aria-label={text}
                      className={`timeline-event timeline-event-${e.status}`}
                      onMouseEnter={() => show(text, cx, row)}
                      onMouseLeave={() => setTip(null)}
                      onFocus={() => show(text, cx, row)}
                      onBlur={() => setTip(null)}
                      onClick={(ev) => {
                        ev.preventDefault();
                        navigate(`/evenements/${e.id}`);
                      }}
                    >
                      <path d={`M ${cx} ${cy - 8} L ${cx + 8} ${cy} L ${cx} ${cy + 8} L ${cx - 8} ${cy} Z`} />
                    </a>
                  );
                })}
            </g>
          );
        })}
        {/* today */}
        {now >= view.from && now <= view.to ? (
          <g className="timeline-today">
            <line x1={x(now)} x2={x(now)} y1={axisHeight - 8} y2={height - 18} />
            <text x={x(now)} y={height - 5} textAnchor={x(now) > width - 80 ? 'end' : 'middle'}>
              {t('programme.calendar.today')}
            </text>
          </g>
        ) : null}
      </svg>
      {tip ? (
        <div className="programme-tooltip" role="tooltip" style={{ left: `${Math.min(tip.x, 70)}%`, top: `${tip.y}%` }}>
          {tip.text}
        </div>
      ) : null}
    </div>
  );
}
