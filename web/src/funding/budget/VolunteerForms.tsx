import { type FormEvent, useEffect, useState } from 'react';
import { budgetRoutes, type HoursView, type RateView } from '../../../../src/modules/funding/budget/contract';
import type { ProgrammeSummary } from '../../../../src/modules/programmes/contract';
import { callApi } from '../../api/client';
import { useI18n } from '../../i18n';
import { FormStatus, today, useSaveForm } from '../../programmes/parts';
import { type ActorChoice, ActorPicker } from '../../ui/ActorPicker';
import { amountText, parseAmount } from '../../ui/amounts';
import { Field } from '../../ui/Field';
import { TextField } from '../../ui/TextField';

/** A change opens in the form below the table: the focus goes to its first field (keyboard and screen readers). */
function useFocusWhenEditing(current: unknown, firstFieldId: string) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the form opens (it is keyed by what it edits)
  useEffect(() => {
    if (current) document.getElementById(firstFieldId)?.focus();
  }, []);
}

const rateFieldNames = ['year', 'role', 'hourlyRate'];

/** Adds an hourly rate for a year and a person-role (empty role: the year's default rate), or changes one. */
export function RateForm({
  programmeId,
  years,
  defaultYear,
  current,
  onSaved,
  onCancel,
}: {
  programmeId: string;
  years: number[];
  defaultYear: number | undefined;
  /** The rate being changed; null to add one. */
  current: RateView | null;
  onSaved(): void;
  onCancel(): void;
}) {
  const { t, locale } = useI18n();
  const form = useSaveForm();
  const [year, setYear] = useState(String(current?.year ?? defaultYear ?? years[0] ?? new Date().getFullYear()));
  const [role, setRole] = useState(current?.role ?? '');
  const [rate, setRate] = useState(amountText(current?.hourlyRate ?? null, locale));
  useFocusWhenEditing(current, 'budget-rate-year');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const hourlyRate = parseAmount(rate);
    if (form.refuse(hourlyRate === null || Number.isNaN(hourlyRate) ? { hourlyRate: t('budget.form.notAmount') } : {}))
      return;
    const body = { year: Number(year), role, hourlyRate: hourlyRate ?? 0 };
    void form.run(
      () =>
        current
          ? callApi(budgetRoutes.updateRate, { params: { id: current.id }, body })
          : callApi(budgetRoutes.createRate, { body: { ...body, programmeId } }),
      () => {
        setRole('');
        setRate('');
        onSaved();
      },
    );
  };
  return (
    <form
      ref={form.formRef}
      onSubmit={submit}
      noValidate
      className="card budget-inline-form"
      aria-labelledby="budget-rate-form"
    >
      <h4 id="budget-rate-form">{current ? t('budget.volunteers.rate.edit') : t('budget.volunteers.rate.add')}</h4>
      <FormStatus form={form} shown={(f) => rateFieldNames.includes(f)} />
      <div className="grid-3">
        <Field id="budget-rate-year" label={t('budget.volunteers.rate.year')} required error={form.err('year')}>
          {(control) => (
            <select {...control} value={year} onChange={(e) => setYear(e.target.value)}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          id="budget-rate-role"
          label={t('budget.volunteers.rate.role')}
          hint={t('budget.volunteers.rate.roleHint')}
          maxLength={120}
          error={form.err('role')}
          value={role}
          onChange={setRole}
        />
        <TextField
          id="budget-rate-value"
          label={t('budget.volunteers.rate.hourlyRate')}
          required
          inputMode="decimal"
          error={form.err('hourlyRate')}
          value={rate}
          onChange={setRate}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={form.saving}>
          {current ? t('budget.volunteers.save') : t('budget.volunteers.rate.add')}
        </button>
        {current ? (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('budget.form.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

const hoursFieldNames = ['role', 'workedOn', 'territoryId', 'actorId', 'hours', 'description'];

/** Logs volunteer hours: a person-role (never a name), a date, a territory, an organisation when known; or changes them. */
export function HoursForm({
  programme,
  roles,
  current,
  onSaved,
  onCancel,
}: {
  programme: ProgrammeSummary;
  roles: string[];
  /** The hours being changed; null to log new ones. */
  current: HoursView | null;
  onSaved(): void;
  onCancel(): void;
}) {
  const { t, locale } = useI18n();
  const form = useSaveForm();
  const [role, setRole] = useState(current?.role ?? '');
  const [workedOn, setWorkedOn] = useState(current?.workedOn ?? today());
  const [territoryId, setTerritoryId] = useState(current?.territoryId ?? '');
  const [actor, setActor] = useState<ActorChoice>({ id: current?.actorId ?? null, text: current?.actorName ?? '' });
  const [hours, setHours] = useState(amountText(current?.hours ?? null, locale));
  const [description, setDescription] = useState(current?.description ?? '');
  useFocusWhenEditing(current, 'budget-hours-role');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    const value = parseAmount(hours);
    if (value === null || Number.isNaN(value)) found.hours = t('budget.form.notAmount');
    if (actor.text.trim() && !actor.id) found.actorId = t('programme.form.unknownActor');
    if (form.refuse(found)) return;
    const body = {
      role,
      workedOn,
      territoryId: territoryId || null,
      actorId: actor.text.trim() ? actor.id : null,
      hours: value ?? 0,
      description,
    };
    void form.run(
      () =>
        current
          ? callApi(budgetRoutes.updateHours, { params: { id: current.id }, body })
          : callApi(budgetRoutes.createHours, { body: { ...body, programmeId: programme.id } }),
      () => {
        setHours('');
        setDescription('');
        onSaved();
      },
    );
  };
  return (
    <form
      ref={form.formRef}
      onSubmit={submit}
      noValidate
      className="card budget-inline-form"
      aria-labelledby="budget-hours-form"
    >
      <h4 id="budget-hours-form">{current ? t('budget.volunteers.hours.edit') : t('budget.volunteers.hours.add')}</h4>
      <FormStatus form={form} shown={(f) => hoursFieldNames.includes(f)} />
      <div className="grid-3">
        <Field id="budget-hours-role" label={t('budget.volunteers.hours.role')} required error={form.err('role')}>
          {(control) => (
            <>
              <input
                {...control}
                list="budget-hours-roles"
                maxLength={120}
                value={role}
                onChange={(e) => setRole(e.target.value)}
              />
              <datalist id="budget-hours-roles">
                {roles.map((r) => (
                  <option key={r} value={r} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <TextField
          id="budget-hours-date"
          kind="date"
          label={t('budget.volunteers.hours.workedOn')}
          required
          error={form.err('workedOn')}
          value={workedOn}
          onChange={setWorkedOn}
        />
        <TextField
          id="budget-hours-hours"
          label={t('budget.volunteers.hours.hours')}
          required
          inputMode="decimal"
          error={form.err('hours')}
          value={hours}
          onChange={setHours}
        />
      </div>
      <div className="grid-2">
        <Field
          id="budget-hours-territory"
          label={t('budget.volunteers.hours.territory')}
          error={form.err('territoryId')}
        >
          {(control) => (
            <select {...control} value={territoryId} onChange={(e) => setTerritoryId(e.target.value)}>
              <option value="">{t('budget.transversal')}</option>
              {programme.territories.map((tr) => (
                <option key={tr.id} value={tr.id}>
                  {tr.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <ActorPicker
          id="budget-hours-actor"
          label={t('budget.volunteers.hours.actor')}
          value={actor}
          onChange={setActor}
          error={form.err('actorId')}
        />
      </div>
      <TextField
        id="budget-hours-description"
        kind="textarea"
        label={t('budget.volunteers.hours.description')}
        maxLength={2000}
        error={form.err('description')}
        value={description}
        onChange={setDescription}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={form.saving}>
          {current ? t('budget.volunteers.save') : t('budget.volunteers.hours.add')}
        </button>
        {current ? (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('budget.form.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
