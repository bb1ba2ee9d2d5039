import type { ApplicationDetail } from '../../../../src/modules/funding/applications/contract';
import { useI18n } from '../../i18n';
import { type ActorChoice, ActorPicker } from '../../ui/ActorPicker';
import { amountText } from '../../ui/amounts';
import { TextField } from '../../ui/TextField';

/** A co-funder of the plan being edited: from the directory (actor) or typed (label). */
export interface Line {
  key: number;
  actor: ActorChoice;
  label: string;
  amount: string;
  secured: boolean;
}

let nextKey = 1;
/** A line of the form from a saved one, or an empty one. */
export const lineOf = (l?: ApplicationDetail['coFunding'][number], locale: 'fr' | 'en' = 'fr'): Line => ({
  key: nextKey++,
  actor: l?.actorId ? { id: l.actorId, text: l.name } : { id: null, text: '' },
  label: l?.actorId ? '' : (l?.label ?? ''),
  amount: amountText(l?.amount ?? null, locale),
  secured: l?.secured ?? false,
});

/** The application's co-funding plan: who else funds it, how much, and whether it is secured. */
export function CoFundingFieldset({
  lines,
  onChange,
  errorOf,
}: {
  lines: Line[];
  onChange: (lines: Line[]) => void;
  errorOf: (index: number, field: 'actorId' | 'label' | 'amount') => string | undefined;
}) {
  const { t } = useI18n();
  const setLine = (key: number, patch: Partial<Line>) =>
    onChange(lines.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  return (
    <fieldset className="funding-fieldset funding-cofunding">
      <legend>{t('funding.app.form.coFunding')}</legend>
      {lines.map((l, i) => (
        <div key={l.key} className="funding-cofunding-line">
          <ActorPicker
            id={`app-co-${l.key}-actor`}
            label={t('funding.app.form.coFunder')}
            value={l.actor}
            onChange={(actor) => setLine(l.key, { actor })}
            error={errorOf(i, 'actorId')}
          />
          {l.actor.id ? null : (
            <TextField
              id={`app-co-${l.key}-label`}
              label={t('funding.app.form.coLabel')}
              value={l.label}
              onChange={(label) => setLine(l.key, { label })}
              error={errorOf(i, 'label')}
            />
          )}
          <TextField
            id={`app-co-${l.key}-amount`}
            label={t('funding.app.form.coAmount')}
            inputMode="decimal"
            value={l.amount}
            onChange={(amount) => setLine(l.key, { amount })}
            error={errorOf(i, 'amount')}
          />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={l.secured}
              onChange={(e) => setLine(l.key, { secured: e.target.checked })}
            />{' '}
            {t('funding.app.form.coSecured')}
          </label>
          <button type="button" className="link-button" onClick={() => onChange(lines.filter((x) => x.key !== l.key))}>
            {t('funding.app.form.coRemove', { n: i + 1 })}
          </button>
        </div>
      ))}
      <button type="button" className="button button-secondary" onClick={() => onChange([...lines, lineOf()])}>
        {t('funding.app.form.coAdd')}
      </button>
    </fieldset>
  );
}
