import { type KeyboardEvent, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { partnershipBoard } from '../../../src/modules/partnerships/contract';
import { type PartnershipMode, partnershipModes } from '../../../src/modules/partnerships/vocabulary';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { ApiErrorAlert, Loading } from '../ui/feedback';
import { usePageTitle } from '../ui/usePageTitle';
import { DateRange, StatusBadge } from './parts';

/**
 * The board of one mode (the mode in the URL, `?mode=`): tabs for the four modes (arrow keys move between them, as
 * the WAI-ARIA tabs pattern says), one column per step, each card a link to its partnership.
 */
export function BoardPage() {
  const { t, tn } = useI18n();
  usePageTitle(t('partnership.board.title'));
  const [params, setParams] = useSearchParams();
  const wanted = params.get('mode');
  const mode: PartnershipMode = (partnershipModes as readonly string[]).includes(wanted ?? '')
    ? (wanted as PartnershipMode)
    : 'support';
  const board = useApiQuery(partnershipBoard, { query: { mode } });
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  const choose = (m: PartnershipMode, focus = false) => {
    setParams({ mode: m }, { replace: true });
    if (focus) tabs.current[partnershipModes.indexOf(m)]?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    const i = partnershipModes.indexOf(mode);
    const n = partnershipModes.length;
    const target =
      e.key === 'ArrowRight'
        ? (i + 1) % n
        : e.key === 'ArrowLeft'
          ? (i - 1 + n) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : null;
    if (target === null) return;
    e.preventDefault();
    const next = partnershipModes[target];
    if (next) choose(next, true);
  };

  return (
    <div className="partnerships-page">
      <header className="page-head partnership-list-head">
        <div>
          <h1>{t('partnership.board.title')}</h1>
          <p className="tagline">{t('partnership.board.intro')}</p>
        </div>
        <div className="partnership-actions">
          <Link className="button button-secondary" to="/partenariats">
            {t('partnership.board.toList')}
          </Link>
          <Link className="button" to="/partenariats/nouveau">
            {t('partnership.list.new')}
          </Link>
        </div>
      </header>
      <div className="board-tabs" role="tablist" aria-label={t('partnership.board.modes')}>
        {partnershipModes.map((m, i) => (
          <button
            key={m}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`board-tab-${m}`}
            aria-selected={m === mode}
            aria-controls="board-panel"
            tabIndex={m === mode ? 0 : -1}
            className={`board-tab mode-${m}${m === mode ? ' active' : ''}`}
            onClick={() => choose(m)}
            onKeyDown={onKey}
          >
            {t(`mode.${m}`)}
          </button>
        ))}
      </div>
      <div id="board-panel" role="tabpanel" aria-labelledby={`board-tab-${mode}`}>
        {board.error ? <ApiErrorAlert error={board.error} /> : null}
        {!board.data && board.loading ? <Loading /> : null}
        {board.data ? (
          <div className="board">
            {board.data.columns.map((column, i) => (
              <section key={column.step} className="board-column" aria-labelledby={`column-${column.step}`}>
                <h2 id={`column-${column.step}`}>
                  <span className="step-number" aria-hidden="true">
                    {i + 1}
                  </span>
                  <span>{t(`step.${column.step}`)}</span>
                </h2>
                <p className="muted small column-count">{tn('partnership.board.cards', column.cards.length)}</p>
                {column.cards.length === 0 ? (
                  <p className="muted small">{t('partnership.board.empty')}</p>
                ) : (
                  <ul>
                    {column.cards.map((card) => (
                      <li key={card.id} className="board-card">
                        <Link to={`/partenariats/${card.id}`}>{card.title}</Link>
                        <p className="small">{card.partners.join(' · ')}</p>
                        <p className="muted small">
                          <DateRange start={card.startsOn} end={card.endsOn} />
                          {card.status !== 'active' ? <StatusBadge status={card.status} /> : null}
                        </p>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            ))}
          </div>
        ) : null}
      </div>
    </div>
  );
}
