import type { FormEvent } from 'react';
import { type EventKind, eventKinds } from '../../../../src/modules/events/vocabulary';
import { type ProgrammeDetail, programmeRoutes } from '../../../../src/modules/programmes/contract';
import { countsEvents, type IndicatorSource, indicatorSources } from '../../../../src/modules/programmes/vocabulary';
import { callApi } from '../../api/client';
import { useI18n } from '../../i18n';
import { Field } from '../../ui/Field';
import { TextField } from '../../ui/TextField';
import { FormStatus, nextKey, numberOrNull, RowLabel } from '../parts';
import { RemoveRow, useRowsEditor } from './rows';
import { PhaseSelect } from './TerritorySelect';

interface IndicatorRow {
  id?: string;
  key: number;
  label: string;
  unit: string;
  source: IndicatorSource;
  /** '' for every kind of event. */
  eventKind: EventKind | '';
  baseline: string;
  target: string;
  measured: string;
}
interface Row {
  id?: string;
  key: number;
  title: string;
  description: string;
  phaseId: string;
  indicators: IndicatorRow[];
}

const text = (n: number | null) => (n === null ? '' : String(n));
const rowsOf = (p: ProgrammeDetail): Row[] =>
  p.objectives.map((o) => ({
    id: o.id,
    key: nextKey(),
    title: o.title,
    description: o.description,
    phaseId: o.phaseId ?? '',
    indicators: o.indicators.map((i) => ({
      id: i.id,
      key: nextKey(),
      label: i.label,
      unit: i.unit,
      source: i.source,
      eventKind: i.eventKind ?? '',
      baseline: text(i.baseline),
      target: text(i.target),
      measured: text(i.measured),
    })),
  }));
const emptyIndicator = (): IndicatorRow => ({
  key: nextKey(),
  label: '',
  unit: '',
  source: 'manual',
  eventKind: '',
  baseline: '',
  target: '',
  measured: '',
});
const numberFields = ['baseline', 'target', 'measured'] as const;

/** The objectives, each with its indicators (typed, or counted from the programme's records). */
export function ObjectivesEditor({ p, onSaved }: { p: ProgrammeDetail; onSaved(p: ProgrammeDetail): void }) {
  const { t } = useI18n();
  const { form, rows, setRow, add, remove, save } = useRowsEditor(p, rowsOf, onSaved);
  const what = t('programme.edit.objective');
  const whatIndicator = t('programme.edit.indicator');
  const setIndicator = (row: Row, key: number, patch: Partial<IndicatorRow>) =>
    setRow(row.key, { indicators: row.indicators.map((x) => (x.key === key ? { ...x, ...patch } : x)) });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    rows.forEach((r, i) => {
      if (!r.title.trim()) found[`objectives.${i}.title`] = t('programme.form.required');
      r.indicators.forEach((x, j) => {
        const path = `objectives.${i}.indicators.${j}`;
        if (!x.label.trim()) found[`${path}.label`] = t('programme.form.required');
        for (const f of numberFields) {
          if (Number.isNaN(numberOrNull(x[f]))) found[`${path}.${f}`] = t('programme.form.badNumber');
        }
      });
    });
    if (form.refuse(found)) return;
    const objectives = rows.map((r) => ({
      ...(r.id ? { id: r.id } : {}),
      title: r.title,
      description: r.description,
      phaseId: r.phaseId || null,
      indicators: r.indicators.map((x) => ({
        ...(x.id ? { id: x.id } : {}),
        label: x.label,
        unit: x.unit,
        source: x.source,
        eventKind: countsEvents(x.source) ? x.eventKind || null : null,
        baseline: numberOrNull(x.baseline),
        target: numberOrNull(x.target),
        measured: x.source === 'manual' ? numberOrNull(x.measured) : null,
      })),
    }));
    save(() => callApi(programmeRoutes.putObjectives, { params: { id: p.id }, body: { objectives } }));
  };
  const shown = (path: string) =>
    /^objectives\.\d+\.(title|description|phaseId)$/.test(path) ||
    /^objectives\.\d+\.indicators\.\d+\.(label|unit|source|eventKind|baseline|target|measured)$/.test(path);

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <FormStatus form={form} shown={shown} />
      <ol className="programme-rows">
        {rows.map((r, i) => {
          const n = i + 1;
          const id = `objective-${r.key}`;
          const label = (s: string) => <RowLabel text={s} what={what} n={n} />;
          return (
            <li key={r.key} className="programme-row">
              <TextField
                id={`${id}-title`}
                label={label(t('programme.edit.objectiveTitle'))}
                required
                error={form.err(`objectives.${i}.title`)}
                value={r.title}
                onChange={(title) => setRow(r.key, { title })}
              />
              <div className="grid-2">
                <TextField
                  id={`${id}-description`}
                  kind="textarea"
                  label={label(t('programme.edit.objectiveDescription'))}
                  error={form.err(`objectives.${i}.description`)}
                  value={r.description}
                  onChange={(description) => setRow(r.key, { description })}
                />
                <PhaseSelect
                  id={`${id}-phase`}
                  label={label(t('programme.edit.objectivePhase'))}
                  p={p}
                  value={r.phaseId}
                  noneLabel={t('programme.edit.allPhases')}
                  onChange={(phaseId) => setRow(r.key, { phaseId })}
                  error={form.err(`objectives.${i}.phaseId`)}
                />
              </div>
              <fieldset className="programme-indicators-editor">
                <legend>
                  {t('programme.edit.indicators')}
                  <span className="visually-hidden"> {t('programme.form.row', { what, n })}</span>
                </legend>
                <ol className="programme-rows">
                  {r.indicators.map((x, j) => {
                    const m = `${n}.${j + 1}`;
                    const xid = `${id}-indicator-${x.key}`;
                    const path = `objectives.${i}.indicators.${j}`;
                    const xlabel = (s: string) => (
                      <>
                        {s}
                        <span className="visually-hidden">
                          {' '}
                          {t('programme.form.row', { what: whatIndicator, n: m })}
                        </span>
                      </>
                    );
                    return (
                      <li key={x.key} className="programme-indicator-row">
                        <div className="grid-3">
                          <TextField
                            id={`${xid}-label`}
                            label={xlabel(t('programme.edit.indicatorLabel'))}
                            required
                            error={form.err(`${path}.label`)}
                            value={x.label}
                            onChange={(label) => setIndicator(r, x.key, { label })}
                          />
                          <Field
                            id={`${xid}-source`}
                            label={xlabel(t('programme.edit.source'))}
                            error={form.err(`${path}.source`)}
                          >
                            {(control) => (
                              <select
                                {...control}
                                value={x.source}
                                onChange={(e) => setIndicator(r, x.key, { source: e.target.value as IndicatorSource })}
                              >
                                {indicatorSources.map((s) => (
                                  <option key={s} value={s}>
                                    {t(`programme.source.${s}`)}
                                  </option>
                                ))}
                              </select>
                            )}
                          </Field>
                          {countsEvents(x.source) ? (
                            <Field
                              id={`${xid}-event-kind`}
                              label={xlabel(t('programme.edit.eventKind'))}
                              error={form.err(`${path}.eventKind`)}
                            >
                              {(control) => (
                                <select
                                  {...control}
                                  value={x.eventKind}
                                  onChange={(e) =>
                                    setIndicator(r, x.key, { eventKind: e.target.value as EventKind | '' })
                                  }
                                >
                                  <option value="">{t('programme.edit.eventKindAll')}</option>
                                  {eventKinds.map((k) => (
                                    <option key={k} value={k}>
                                      {t(`event.kind.${k}`)}
                                    </option>
                                  ))}
                                </select>
                              )}
                            </Field>
                          ) : null}
                          <TextField
                            id={`${xid}-unit`}
                            label={xlabel(t('programme.edit.unit'))}
                            error={form.err(`${path}.unit`)}
                            value={x.unit}
                            onChange={(unit) => setIndicator(r, x.key, { unit })}
                          />
                        </div>
                        <div className="grid-3">
                          {numberFields.map((f) =>
                            f === 'measured' && x.source !== 'manual' ? (
                              <p key={f} className="hint programme-counted">
                                {t('programme.edit.measuredCounted')}
                              </p>
                            ) : (
                              <TextField
                                key={f}
                                id={`${xid}-${f}`}
                                label={xlabel(t(`programme.edit.${f}`))}
                                error={form.err(`${path}.${f}`)}
                                inputMode="decimal"
                                value={x[f]}
                                onChange={(v) => setIndicator(r, x.key, { [f]: v })}
                              />
                            ),
                          )}
                        </div>
                        <RemoveRow
                          what={whatIndicator}
                          n={`${n}.${j + 1}`}
                          onRemove={() => setRow(r.key, { indicators: r.indicators.filter((y) => y.key !== x.key) })}
                        />
                      </li>
                    );
                  })}
                </ol>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => setRow(r.key, { indicators: [...r.indicators, emptyIndicator()] })}
                >
                  {t('programme.edit.addIndicator')}
                  <span className="visually-hidden"> {t('programme.form.row', { what, n })}</span>
                </button>
              </fieldset>
              <RemoveRow what={what} n={n} onRemove={() => remove(r.key)} />
            </li>
          );
        })}
      </ol>
      <div className="form-actions">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => add({ title: '', description: '', phaseId: '', indicators: [] })}
        >
          {t('programme.edit.addObjective')}
        </button>
        <button type="submit" className="button" disabled={form.saving}>
          {form.saving ? t('programme.form.saving') : t('programme.form.save')}
        </button>
      </div>
    </form>
  );
}
