import { type FormEvent, useState } from 'react';
import type { SpeedDatingView, WishLine } from '../../../../src/modules/events/speed-dating/contract';
import { type ApiError, asApiError, fieldErrorsOf } from '../../api/client';
import { useI18n } from '../../i18n';
import { ApiErrorAlert } from '../../ui/feedback';

/**
 * Whom one participant wants to meet: a level select per organisation they may meet. Used by the participant for
 * their own wishes, and by staff to enter a paper form.
 */
export function WishesForm({
  view,
  from,
  title,
  submitLabel,
  save,
  onSaved,
}: {
  view: SpeedDatingView;
  from: { registrationId: string; side: 'A' | 'B' | null; wishes: WishLine[] };
  title: string;
  submitLabel: string;
  save(wishes: WishLine[]): Promise<SpeedDatingView>;
  onSaved(view: SpeedDatingView): void;
}) {
  const { t, locale } = useI18n();
  const [levels, setLevels] = useState<Record<string, number>>(() =>
    Object.fromEntries(from.wishes.map((w) => [w.registrationId, w.level])),
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  // The people this participant may meet: other seat holders, of the other side under the two-sided rule.
  const others = view.participants.filter(
    (p) =>
      p.registrationId !== from.registrationId &&
      p.side !== null &&
      (view.settings?.rule === 'oneSided' || p.side !== from.side),
  );
  const wishes = others.flatMap((p) => {
    const level = levels[p.registrationId] ?? 0;
    return level > 0 ? [{ registrationId: p.registrationId, level }] : [];
  });
  const errors = error ? fieldErrorsOf(error, locale) : {};
  const headingId = `sd-wishes-${from.registrationId}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSaved(await save(wishes));
      setSaved(true);
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card sd-wishes" onSubmit={submit} aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <p className="hint">{t('sd.wishesForm.hint')}</p>
      {others.length === 0 ? <p className="muted">{t('sd.wishesForm.none')}</p> : null}
      <ul className="sd-wish-list">
        {others.map((p) => {
          const name = p.actorName ?? t('sd.unknownOrganisation');
          const id = `${headingId}-${p.registrationId}`;
          const index = wishes.findIndex((w) => w.registrationId === p.registrationId);
          const fieldError = index >= 0 ? errors[`wishes.${index}.registrationId`] : undefined;
          return (
            <li key={p.registrationId}>
              <label htmlFor={id}>
                <span className="sd-wish-name" aria-hidden="true">
                  {name}
                </span>
                <span className="visually-hidden">{t('sd.wishesForm.level', { name })}</span>
              </label>
              <select
                id={id}
                value={levels[p.registrationId] ?? 0}
                aria-invalid={fieldError ? true : undefined}
                onChange={(e) => {
                  setLevels((l) => ({ ...l, [p.registrationId]: Number(e.target.value) }));
                  setSaved(false);
                }}
              >
                {[0, 1, 2, 3].map((level) => (
                  <option key={level} value={level}>
                    {t(`sd.level.${level}`)}
                  </option>
                ))}
              </select>
              {fieldError ? <span className="field-error">{fieldError}</span> : null}
            </li>
          );
        })}
      </ul>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy || others.length === 0}>
          {submitLabel}
        </button>
        <span aria-live="polite">{saved ? t('sd.wishesForm.saved') : null}</span>
      </div>
      {error && Object.keys(errors).length === 0 ? <ApiErrorAlert error={error} /> : null}
    </form>
  );
}
