import { type FormEvent, useEffect, useState } from 'react';
import {
  type BudgetView,
  budgetRoutes,
  type LineInput,
  type LineView,
  type SourceChoices,
} from '../../../../src/modules/funding/budget/contract';
import {
  type BudgetCategory,
  budgetCategories,
  type FundingSourceKind,
  fundingSourceKinds,
} from '../../../../src/modules/funding/vocabulary';
import { callApi } from '../../api/client';
import { useApiQuery } from '../../api/useApi';
import { useI18n } from '../../i18n';
import { FormStatus, nextKey, RowLabel, useSaveForm } from '../../programmes/parts';
import { amountText, parseAmount } from '../../ui/amounts';
import { Field } from '../../ui/Field';
import { TextField } from '../../ui/TextField';
import { TerritorySelect } from './parts';

interface SourceRow {
  key: number;
  kind: FundingSourceKind;
  ref: string;
  label: string;
  amount: string;
}

const lineFieldNames = ['year', 'territoryId', 'category', 'label', 'forecast', 'committed', 'actual'];

/** Adds a budget line or replaces one, with its funding sources (picked among the programme's). */
export function LineForm({
  budget,
  years,
  line,
  defaultYear,
  onSaved,
  onCancel,
}: {
  budget: BudgetView;
  years: number[];
  line: LineView | null;
  defaultYear: number;
  onSaved(): void;
  onCancel(): void;
}) {
  const { t, locale } = useI18n();
  const form = useSaveForm();
  const choices = useApiQuery(budgetRoutes.sources, { query: { programmeId: budget.programme.id } });
  const [year, setYear] = useState(String(line?.year ?? defaultYear));
  const [territoryId, setTerritoryId] = useState(line?.territoryId ?? '');
  const [category, setCategory] = useState<BudgetCategory>(line?.category ?? 'production');
  const [label, setLabel] = useState(line?.label ?? '');
  const shown = (value: number | undefined) => amountText(value ?? null, locale);
  const [amounts, setAmounts] = useState({
    forecast: shown(line?.forecast),
    committed: shown(line?.committed),
    actual: shown(line?.actual),
  });
  const [sources, setSources] = useState<SourceRow[]>(
    (line?.sources ?? []).map((s) => ({
      key: nextKey(),
      kind: s.kind,
      ref: s.applicationId ?? s.contributionId ?? '',
      label: s.kind === 'ownFunds' ? s.label : '',
      amount: amountText(s.amount, locale),
    })),
  );
  // The form opens above the table: the focus goes to its first field, so that keyboard users land in it.
  useEffect(() => document.getElementById('budget-line-year')?.focus(), []);
  const change = (key: number, patch: Partial<SourceRow>) =>
    setSources((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    const euros = (field: string, text: string) => {
      const value = parseAmount(text);
      if (Number.isNaN(value)) found[field] = t('budget.form.notAmount');
      return value ?? 0;
    };
    if (label.trim().length < 2) found.label = t('programme.form.required');
    sourceErrors(sources).forEach(([field, key]) => {
      found[field] = t(key);
    });
    const body: LineInput = {
      year: Number(year),
      territoryId: territoryId || null,
      category,
      label,
      forecast: euros('forecast', amounts.forecast),
      committed: euros('committed', amounts.committed),
      actual: euros('actual', amounts.actual),
      position: line?.position ?? 0,
      sources: sources.map((s) => ({
        kind: s.kind,
        applicationId: s.kind === 'application' ? s.ref || null : null,
        contributionId: s.kind === 'contribution' ? s.ref || null : null,
        label: s.kind === 'ownFunds' ? s.label : '',
        amount: parseAmount(s.amount) ?? 0,
      })),
    };
    if (form.refuse(found)) return;
    void form.run(
      () =>
        line
          ? callApi(budgetRoutes.updateLine, { params: { id: line.id }, body })
          : callApi(budgetRoutes.createLine, { body: { ...body, programmeId: budget.programme.id } }),
      onSaved,
    );
  };

  return (
    <section className="card budget-form" aria-labelledby="budget-form-title">
      <h3 id="budget-form-title">{line ? t('budget.form.editTitle') : t('budget.form.newTitle')}</h3>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormStatus
          form={{ ...form, saved: false }}
          shown={(f) => lineFieldNames.includes(f) || f.startsWith('sources.')}
        />
        <div className="grid-3">
          <Field id="budget-line-year" label={t('budget.form.year')} required error={form.err('year')}>
            {(control) => (
              <select {...control} value={year} onChange={(e) => setYear(e.target.value)}>
                {[...new Set([...years, Number(year)])].sort().map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TerritorySelect
            id="budget-line-territory"
            label={t('budget.form.territory')}
            territories={budget.territories}
            value={territoryId}
            error={form.err('territoryId')}
            onChange={setTerritoryId}
          />
          <Field id="budget-line-category" label={t('budget.form.category')} required error={form.err('category')}>
            {(control) => (
              <select {...control} value={category} onChange={(e) => setCategory(e.target.value as BudgetCategory)}>
                {budgetCategories.map((c) => (
                  <option key={c} value={c}>
                    {t(`budget.category.${c}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <TextField
          id="budget-line-label"
          label={t('budget.form.label')}
          required
          maxLength={200}
          error={form.err('label')}
          value={label}
          onChange={setLabel}
        />
        <div className="grid-3">
          {(['forecast', 'committed', 'actual'] as const).map((k) => (
            <TextField
              key={k}
              id={`budget-line-${k}`}
              label={t(`budget.form.${k}`)}
              inputMode="decimal"
              error={form.err(k)}
              value={amounts[k]}
              onChange={(v) => setAmounts((a) => ({ ...a, [k]: v }))}
            />
          ))}
        </div>
        <fieldset className="budget-sources-editor">
          <legend>{t('budget.form.sources')}</legend>
          <p className="hint">{t('budget.form.sourcesHint')}</p>
          {sources.map((s, i) => (
            <SourceEditor
              key={s.key}
              n={i + 1}
              row={s}
              choices={choices.data}
              err={(f) => form.err(`sources.${i}.${f}`)}
              onChange={(patch) => change(s.key, patch)}
              onRemove={() => setSources((rows) => rows.filter((r) => r.key !== s.key))}
            />
          ))}
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() =>
              setSources((rows) => [...rows, { key: nextKey(), kind: 'application', ref: '', label: '', amount: '' }])
            }
          >
            {t('budget.form.addSource')}
          </button>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.saving}>
            {t('budget.form.save')}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('budget.form.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

/**
 * The sources checked before sending, as the server will (one round of corrections): the application or contribution
 * or own funds' label its kind needs, an amount above zero, the same application or contribution only once.
 */
function sourceErrors(sources: SourceRow[]): [field: string, messageKey: string][] {
  const seen = new Set<string>();
  return sources.flatMap((s, i): [string, string][] => {
    const found: [string, string][] = [];
    const refField = s.kind === 'application' ? 'applicationId' : s.kind === 'contribution' ? 'contributionId' : null;
    if (refField && !s.ref) found.push([`sources.${i}.${refField}`, 'programme.form.required']);
    if (refField && s.ref && seen.has(s.ref)) found.push([`sources.${i}.${refField}`, 'budget.form.duplicateSource']);
    if (s.ref) seen.add(s.ref);
    if (s.kind === 'ownFunds' && !s.label.trim()) found.push([`sources.${i}.label`, 'programme.form.required']);
    const amount = parseAmount(s.amount);
    if (amount === null || Number.isNaN(amount)) found.push([`sources.${i}.amount`, 'budget.form.notAmount']);
    else if (amount <= 0) found.push([`sources.${i}.amount`, 'budget.form.notPositive']);
    return found;
  });
}

function SourceEditor({
  n,
  row,
  choices,
  err,
  onChange,
  onRemove,
}: {
  n: number;
  row: SourceRow;
  choices: SourceChoices | undefined;
  err(field: string): string | undefined;
  onChange(patch: Partial<SourceRow>): void;
  onRemove(): void;
}) {
  const { t, formatEuros } = useI18n();
  const what = t('budget.form.sourceRow');
  const id = (f: string) => `budget-source-${row.key}-${f}`;
  return (
    <div className="budget-source-row">
      <Field id={id('kind')} label={<RowLabel text={t('budget.form.kind')} what={what} n={n} />} error={err('kind')}>
        {(control) => (
          <select
            {...control}
            value={row.kind}
            onChange={(e) => onChange({ kind: e.target.value as FundingSourceKind, ref: '' })}
          >
            {fundingSourceKinds.map((k) => (
              <option key={k} value={k}>
                {t(`budget.kind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {row.kind === 'application' ? (
        <Field
          id={id('ref')}
          label={<RowLabel text={t('budget.form.application')} what={what} n={n} />}
          required
          error={err('applicationId')}
        >
          {(control) => (
            <select {...control} value={row.ref} onChange={(e) => onChange({ ref: e.target.value })}>
              <option value="">{t('budget.form.choose')}</option>
              {(choices?.applications ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {a.title} — {a.funderName}, {a.year} ({t(`budget.status.${a.status}`)},{' '}
                  {formatEuros(a.amountGranted ?? a.amountRequested)})
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {row.kind === 'contribution' ? (
        <Field
          id={id('ref')}
          label={<RowLabel text={t('budget.form.contribution')} what={what} n={n} />}
          required
          error={err('contributionId')}
        >
          {(control) => (
            <select {...control} value={row.ref} onChange={(e) => onChange({ ref: e.target.value })}>
              <option value="">{t('budget.form.choose')}</option>
              {(choices?.contributions ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.actorName} — {c.description} ({c.ownerTitle}
                  {c.value === null ? '' : `, ${formatEuros(c.value)}`})
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {row.kind === 'ownFunds' ? (
        <TextField
          id={id('label')}
          label={<RowLabel text={t('budget.form.ownLabel')} what={what} n={n} />}
          required
          maxLength={200}
          error={err('label')}
          value={row.label}
          onChange={(label) => onChange({ label })}
        />
      ) : null}
      <TextField
        id={id('amount')}
        label={<RowLabel text={t('budget.form.amount')} what={what} n={n} />}
        required
        inputMode="decimal"
        error={err('amount')}
        value={row.amount}
        onChange={(amount) => onChange({ amount })}
      />
      <button type="button" className="button button-small button-danger budget-source-remove" onClick={onRemove}>
        {t('budget.form.removeSource', { n })}
      </button>
    </div>
  );
}
