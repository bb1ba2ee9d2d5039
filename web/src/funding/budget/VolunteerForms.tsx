import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import {
  type HoursView,
  type RateView,
  volunteerRoutes,
} from '../../../../src/modules/funding/budget/volunteer-contract';
import type { ProgrammeSummary } from '../../../../src/modules/programmes/contract';
import { callApi } from '../../api/client';
import { useI18n } from '../../i18n';
import { FormStatus, today, useSaveForm } from '../../programmes/parts';
import { type ActorChoice, ActorPicker } from '../../ui/ActorPicker';
import { amountText, parseAmount } from '../../ui/amounts';
import { Field } from '../../ui/Field';
import { TextField } from '../../ui/TextField';
import { TerritorySelect } from './parts';

type SaveForm = ReturnType<typeof useSaveForm>;

/**
 * The frame of the rate and hours forms: a card with its title, the errors summary, the fields, and the save and
 * cancel buttons. It opens on demand, so the focus goes to its first field (keyboard and screen readers).
 */
function InlineForm({
  id,
  title,
  submitLabel,
  form,
  fieldNames,
  firstFieldId,
  onSubmit,
  onCancel,
  children,
}: {
  id: string;
  title: string;
  submitLabel: string;
  form: SaveForm;
  fieldNames: string[];
  firstFieldId: string;
  onSubmit(e: FormEvent): void;
  onCancel(): void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the form opens (it is keyed by what it edits)
  useEffect(() => document.getElementById(firstFieldId)?.focus(), []);
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="card budget-inline-form" aria-labelledby={id}>
      <h4 id={id}>{title}</h4>
      <FormStatus form={{ ...form, saved: false }} shown={(f) => fieldNames.includes(f)} />
      {children}
      <div className="form-actions">
        <button type="submit" className="button" disabled={form.saving}>
          {submitLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('budget.form.cancel')}
        </button>
      </div>
    </form>
  );
}

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
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const hourlyRate = parseAmount(rate);
    if (form.refuse(hourlyRate === null || Number.isNaN(hourlyRate) ? { hourlyRate: t('budget.form.notAmount') } : {}))
      return;
    const body = { year: Number(year), role, hourlyRate: hourlyRate ?? 0 };
    void form.run(
      () =>
        current
          ? callApi(volunteerRoutes.updateRate, { params: { id: current.id }, body })
          : callApi(volunteerRoutes.createRate, { body: { ...body, programmeId } }),
      onSaved,
    );
  };
  return (
    <InlineForm
      id="budget-rate-form"
      title={current ? t('budget.volunteers.rate.edit') : t('budget.volunteers.rate.new')}
      submitLabel={current ? t('budget.volunteers.save') : t('budget.volunteers.rate.add')}
      form={form}
      fieldNames={['year', 'role', 'hourlyRate']}
      firstFieldId="budget-rate-year"
      onSubmit={submit}
      onCancel={onCancel}
    >
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
    </InlineForm>
  );
}

/** A day to start from: today when it falls within the years shown and the programme, else their first day. */
function firstDayWithin(programme: ProgrammeSummary, from: number | undefined, to: number | undefined): string {
  const start = [programme.startsOn, from ? `${from}-01-01` : ''].sort().at(-1) ?? programme.startsOn;
  const end = [programme.endsOn, to ? `${to}-12-31` : programme.endsOn].sort()[0] ?? programme.endsOn;
  const day = today();
  return day >= start && day <= end ? day : start;
}

/** The roles of a year (its rates', then those already logged), offered when logging hours: a new one may be typed. */
function rolesOfYear(rates: RateView[], logs: HoursView[], year: string): string[] {
  const of = (role: string, y: number | string) => (String(y) === year ? [role] : []);
  return [
    ...new Set([
      ...rates.flatMap((r) => of(r.role, r.year)),
      ...logs.flatMap((l) => of(l.role, l.workedOn.slice(0, 4))),
    ]),
  ].filter(Boolean);
}

/** Logs volunteer hours: a person-role (never a name), a date, a territory, an organisation when known; or changes them. */
export function HoursForm({
  programme,
  from,
  to,
  rates,
  logs,
  current,
  onSaved,
  onCancel,
}: {
  programme: ProgrammeSummary;
  from: number | undefined;
  to: number | undefined;
  rates: RateView[];
  logs: HoursView[];
  /** The hours being changed; null to log new ones. */
  current: HoursView | null;
  onSaved(): void;
  onCancel(): void;
}) {
  const { t, locale } = useI18n();
  const form = useSaveForm();
  const [role, setRole] = useState(current?.role ?? '');
  const [workedOn, setWorkedOn] = useState(current?.workedOn ?? firstDayWithin(programme, from, to));
  const [territoryId, setTerritoryId] = useState(current?.territoryId ?? '');
  const [actor, setActor] = useState<ActorChoice>({ id: current?.actorId ?? null, text: current?.actorName ?? '' });
  const [hours, setHours] = useState(amountText(current?.hours ?? null, locale));
  const [description, setDescription] = useState(current?.description ?? '');
  const roles = rolesOfYear(rates, logs, workedOn.slice(0, 4));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    const value = parseAmount(hours);
    if (value === null || Number.isNaN(value)) found.hours = t('budget.volunteers.hours.notHours');
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
          ? callApi(volunteerRoutes.updateHours, { params: { id: current.id }, body })
          : callApi(volunteerRoutes.createHours, { body: { ...body, programmeId: programme.id } }),
      onSaved,
    );
  };
  return (
    <InlineForm
      id="budget-hours-form"
      title={current ? t('budget.volunteers.hours.edit') : t('budget.volunteers.hours.new')}
      submitLabel={current ? t('budget.volunteers.save') : t('budget.volunteers.hours.add')}
      form={form}
      fieldNames={['role', 'workedOn', 'territoryId', 'actorId', 'hours', 'description']}
      firstFieldId="budget-hours-role"
      onSubmit={submit}
      onCancel={onCancel}
    >
      <div className="grid-3">
        <Field
          id="budget-hours-role"
          label={t('budget.volunteers.hours.role')}
          hint={t('budget.volunteers.hours.roleHint')}
          required
          error={form.err('role')}
        >
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
          hint={t('budget.volunteers.hours.workedOnHint')}
          required
          min={programme.startsOn}
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
        <TerritorySelect
          id="budget-hours-territory"
          label={t('budget.volunteers.hours.territory')}
          territories={programme.territories}
          value={territoryId}
          error={form.err('territoryId')}
          onChange={setTerritoryId}
        />
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
        hint={t('budget.volunteers.hours.descriptionHint')}
        maxLength={2000}
        error={form.err('description')}
        value={description}
        onChange={setDescription}
      />
    </InlineForm>
  );
}
