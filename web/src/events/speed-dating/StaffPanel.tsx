import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import {
  type ScheduleView,
  type SpeedDatingSettings,
  type SpeedDatingView,
  speedDatingRoutes,
} from '../../../../src/modules/events/speed-dating/contract';
import { interestSources, meetingRules } from '../../../../src/modules/events/speed-dating/vocabulary';
import { actorFamilies } from '../../../../src/modules/reference/families';
import { type ApiError, asApiError, callApi, fieldErrorsOf } from '../../api/client';
import { useApiQuery } from '../../api/useApi';
import { useI18n } from '../../i18n';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { Field } from '../../ui/Field';
import { Alert, ApiErrorAlert, useErrorText } from '../../ui/feedback';
import { TableWrap } from '../../ui/TableWrap';
import { ScheduleGrid, SummaryLine } from './ScheduleGrid';
import { WishesForm } from './WishesForm';

const defaults: SpeedDatingSettings = {
  tables: 10,
  rounds: 8,
  roundMinutes: 7,
  changeoverMinutes: 2,
  rule: 'twoSided',
  sideA: ['association'],
  sideB: ['company'],
  interestSource: 'both',
  followUpsOpen: false,
};

/** Staff: the settings, the participants with their sides, the computation and its grid, the print links. */
export function StaffPanel({ view, onSaved }: { view: SpeedDatingView; onSaved(view: SpeedDatingView): void }) {
  const { t } = useI18n();
  const schedule = useApiQuery(
    speedDatingRoutes.schedule,
    { params: { id: view.eventId } },
    { enabled: view.summary !== null },
  );
  const errorText = useErrorText();
  const [plan, setPlan] = useState<ScheduleView | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const shown = plan ?? schedule.data ?? null;
  const compute = async () => {
    setBusy(true);
    setFailure(null);
    try {
      setPlan(await callApi(speedDatingRoutes.compute, { params: { id: view.eventId } }));
      onSaved(await callApi(speedDatingRoutes.get, { params: { id: view.eventId } }));
    } catch (error) {
      setFailure(errorText(asApiError(error)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <SettingsForm view={view} onSaved={onSaved} />
      <Participants view={view} onSaved={onSaved} />
      <div className="sd-compute">
        <button type="button" className="button" onClick={compute} disabled={busy || view.settings === null}>
          {busy ? t('sd.computing') : t('sd.compute')}
        </button>
        <span aria-live="polite">{failure ? <Alert>{failure}</Alert> : null}</span>
      </div>
      {view.summary?.stale ? <Alert kind="warning">{t('sd.stale')}</Alert> : null}
      {schedule.error && !plan ? <ApiErrorAlert error={schedule.error} /> : null}
      {shown ? (
        <section aria-labelledby="sd-grid" className="sd-plan">
          <h3 id="sd-grid">{t('sd.grid.title')}</h3>
          <SummaryLine summary={shown.summary} />
          <ScheduleGrid plan={shown} headingId="sd-grid" />
          {shown.excluded.length ? (
            <p className="muted">
              {t('sd.grid.excluded', {
                names: shown.excluded.map((p) => p.actorName ?? t('sd.unknownOrganisation')).join(', '),
              })}
            </p>
          ) : null}
          <p className="sd-print-links">
            <Link to={`/evenements/${view.eventId}/speed-dating/programmes`}>{t('sd.print.programmes')}</Link>
            <Link to={`/evenements/${view.eventId}/speed-dating/tables`}>{t('sd.print.tables')}</Link>
          </p>
        </section>
      ) : null}
    </>
  );
}

function SettingsForm({ view, onSaved }: { view: SpeedDatingView; onSaved(view: SpeedDatingView): void }) {
  const { t, locale } = useI18n();
  const [form, setForm] = useState<SpeedDatingSettings>(view.settings ?? defaults);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = error ? fieldErrorsOf(error, locale) : {};
  const set = <K extends keyof SpeedDatingSettings>(key: K, value: SpeedDatingSettings[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setSaved(false);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSaved(await callApi(speedDatingRoutes.settings, { params: { id: view.eventId }, body: form }));
      setSaved(true);
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(false);
    }
  };
  const number = (key: 'tables' | 'rounds' | 'roundMinutes' | 'changeoverMinutes') => (
    <Field id={`sd-${key}`} label={t(`sd.settings.${key}`)} error={errors[key]} required>
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode="numeric"
          min={key === 'changeoverMinutes' ? 0 : 1}
          value={Number.isNaN(form[key]) ? '' : form[key]}
          onChange={(e) => set(key, e.target.valueAsNumber)}
        />
      )}
    </Field>
  );
  const families = actorFamilies.map((f) => ({ value: f, label: t(`family.${f}`) }));
  return (
    <form className="card sd-settings" onSubmit={submit} noValidate aria-labelledby="sd-settings-title">
      <h3 id="sd-settings-title">{t('sd.settings.title')}</h3>
      <div className="sd-settings-numbers">
        {number('tables')}
        {number('rounds')}
        {number('roundMinutes')}
        {number('changeoverMinutes')}
      </div>
      <Field id="sd-rule" label={t('sd.settings.rule')} error={errors.rule}>
        {(control) => (
          <select {...control} value={form.rule} onChange={(e) => set('rule', e.target.value as typeof form.rule)}>
            {meetingRules.map((r) => (
              <option key={r} value={r}>
                {t(`sd.rule.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {form.rule === 'twoSided' ? (
        <div className="sd-sides">
          {(['sideA', 'sideB'] as const).map((side) => (
            <CheckboxGroup
              key={side}
              id={`sd-${side}`}
              legend={t(`sd.settings.${side}`)}
              options={families}
              selected={form[side]}
              onChange={(values) => set(side, values as SpeedDatingSettings['sideA'])}
              error={errors[side]}
            />
          ))}
        </div>
      ) : null}
      <Field id="sd-source" label={t('sd.settings.interestSource')} error={errors.interestSource}>
        {(control) => (
          <select
            {...control}
            value={form.interestSource}
            onChange={(e) => set('interestSource', e.target.value as typeof form.interestSource)}
          >
            {interestSources.map((s) => (
              <option key={s} value={s}>
                {t(`sd.source.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <p className="checkbox-line">
        <input
          type="checkbox"
          id="sd-follow-ups-open"
          checked={form.followUpsOpen}
          onChange={(e) => set('followUpsOpen', e.target.checked)}
        />{' '}
        <label htmlFor="sd-follow-ups-open">{t('sd.settings.followUpsOpen')}</label>
      </p>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {t('sd.settings.save')}
        </button>
        <span aria-live="polite">{saved ? t('sd.settings.saved') : null}</span>
      </div>
      {error && Object.keys(errors).length === 0 ? <ApiErrorAlert error={error} /> : null}
    </form>
  );
}

function Participants({ view, onSaved }: { view: SpeedDatingView; onSaved(view: SpeedDatingView): void }) {
  const { t, tn } = useI18n();
  // The participant whose paper form staff are entering, if any.
  const [paper, setPaper] = useState<string | null>(null);
  const editing = view.participants.find((p) => p.registrationId === paper && p.side !== null);
  const nameOf = (p: { actorName: string | null; displayName: string | null }) =>
    [p.actorName, p.displayName].filter(Boolean).join(' — ');
  return (
    <section aria-labelledby="sd-participants" className="sd-participants">
      <h3 id="sd-participants">{t('sd.participants.title')}</h3>
      <p className="muted">{tn('sd.wishes.count', view.wishesCount)}</p>
      {view.participants.length === 0 ? (
        <p className="muted">{t('sd.participants.none')}</p>
      ) : (
        <TableWrap labelledBy="sd-participants">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('sd.participants.organisation')}</th>
                <th scope="col">{t('sd.participants.person')}</th>
                <th scope="col">{t('sd.participants.side')}</th>
                <th scope="col">{t('sd.participants.wishes')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('sd.paper.enterShort')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {view.participants.map((p) => (
                <tr key={p.registrationId}>
                  <th scope="row">
                    {p.actorName ?? <span className="muted">{t('sd.participants.noOrganisation')}</span>}
                    {p.family ? <span className="muted"> — {t(`family.${p.family}`)}</span> : null}
                  </th>
                  <td>{p.displayName}</td>
                  <td>
                    {p.side ? t(`sd.side.${p.side}`) : <span className="badge badge-muted">{t('sd.side.out')}</span>}
                  </td>
                  <td>
                    {p.wishesGiven} / {p.wishesReceived ?? 0}
                  </td>
                  <td>
                    {p.side !== null && view.settings ? (
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        aria-label={t('sd.paper.enter', { name: nameOf(p) })}
                        aria-expanded={paper === p.registrationId}
                        onClick={() => setPaper(paper === p.registrationId ? null : p.registrationId)}
                      >
                        {t('sd.paper.enterShort')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {editing ? (
        <>
          <WishesForm
            key={editing.registrationId}
            view={view}
            from={editing}
            title={t('sd.paper.title', { name: nameOf(editing) })}
            submitLabel={t('sd.paper.save')}
            save={(wishes) =>
              callApi(speedDatingRoutes.wishesOf, {
                params: { id: view.eventId, registrationId: editing.registrationId },
                body: { wishes },
              })
            }
            onSaved={onSaved}
          />
          <button type="button" className="button button-secondary" onClick={() => setPaper(null)}>
            {t('sd.paper.close')}
          </button>
        </>
      ) : null}
    </section>
  );
}
