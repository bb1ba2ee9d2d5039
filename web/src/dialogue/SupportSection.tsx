import { useRef, useState } from 'react';
import { dialogueRoutes as api, type ProposalDetail } from '../../../src/modules/dialogue/contract';
import { callApi } from '../api/client';
import { useI18n } from '../i18n';
import { OnBehalfChoice, Participant, useAction } from './parts';

/** The support button (a toggle: aria-pressed), its count, and the list of supporters. */
export function SupportSection({ proposal: p, onChange }: { proposal: ProposalDetail; onChange(): void }) {
  const { t, tn, formatDate } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const action = useAction(ref);
  const [onBehalf, setOnBehalf] = useState(true);
  const toggle = async () => {
    const ok = p.supportedByMe
      ? await action.run(() => callApi(api.withdrawSupport, { params: { id: p.id } }), t('dialogue.support.removed'))
      : await action.run(
          () => callApi(api.support, { params: { id: p.id }, body: { onBehalfOfOrganisation: onBehalf } }),
          t('dialogue.support.added'),
        );
    if (ok) onChange();
  };
  return (
    <section aria-labelledby="proposal-supporters" className="dialogue-supports">
      <h2 id="proposal-supporters">{t('dialogue.supporters.title')}</h2>
      <div ref={ref} className="dialogue-support-bar">
        {p.canSupport || p.supportedByMe ? (
          <>
            {!p.supportedByMe ? (
              <OnBehalfChoice
                id="support-behalf"
                organisation={p.organisation}
                value={onBehalf}
                onChange={setOnBehalf}
              />
            ) : null}
            <button
              type="button"
              className={`button${p.supportedByMe ? ' button-secondary' : ''}`}
              aria-pressed={p.supportedByMe}
              disabled={action.sending}
              onClick={toggle}
            >
              {p.supportedByMe ? t('dialogue.support.remove') : t('dialogue.support.add')}
            </button>
          </>
        ) : null}
        <strong className="dialogue-support-count">{tn('dialogue.counts.supports', p.supports)}</strong>
        <span role="status" className="dialogue-live">
          {action.done}
        </span>
        {action.failure ? (
          <p className="alert alert-error" role="alert">
            {action.failure}
          </p>
        ) : null}
      </div>
      {p.supporters.length === 0 ? (
        <p className="muted">{t('dialogue.supporters.empty')}</p>
      ) : (
        <ul className="dialogue-people">
          {p.supporters.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: citizens' supports have no public identity but their place
            <li key={`${s.actor?.id ?? 'citizen'}-${s.supportedAt}-${i}`}>
              <Participant label={s} />{' '}
              <span className="small muted">
                · <span className="dialogue-date">{formatDate(s.supportedAt)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
