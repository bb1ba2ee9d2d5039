import { type FormEvent, useState } from 'react';
import {
  type EvaluationView,
  evaluationRoutes,
  type IndicatorsInput,
  type IndicatorView,
} from '../../../src/modules/evaluation/contract';
import { indicatorLibrary, indicatorsForMode } from '../../../src/modules/evaluation/indicator-library';
import { callApi } from '../api/client';
import { useI18n } from '../i18n';
import { FormStatus, useSaveForm } from '../programmes/parts';
import { amountText, parseAmount } from '../ui/amounts';
import { TextField } from '../ui/TextField';

/**
 * The year's indicators: a table of baseline, target, measure and evidence. Staff choose them from the library (the
 * ones suited to the partnership's mode) with their baseline and target; the partners' members enter the measures.
 */
export function Indicators({ evaluation, onSaved }: { evaluation: EvaluationView; onSaved(v: EvaluationView): void }) {
  const { t, locale, formatNumber, formatEuros } = useI18n();
  const [mode, setMode] = useState<'view' | 'choose' | { measure: string }>('view');
  const label = (i: IndicatorView) => (locale === 'fr' ? i.labelFr : i.labelEn);
  const unit = (i: IndicatorView) => (locale === 'fr' ? i.unitFr : i.unitEn);
  const value = (i: IndicatorView, v: number | null) =>
    v === null ? '—' : i.unitFr === '€' ? formatEuros(v) : `${formatNumber(v)}\u00a0${unit(i)}`.trim();
  const open = evaluation.closedAt === null;
  const saved = (v: EvaluationView) => {
    setMode('view');
    onSaved(v);
  };
  return (
    <section className="evaluation-section" aria-labelledby="evaluation-indicators-title">
      <h2 id="evaluation-indicators-title">{t('evaluation.indicators.title')}</h2>
      {evaluation.indicators.length === 0 ? (
        <p className="empty-state">{t('evaluation.indicators.none')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">
              {t('evaluation.indicators.caption', { year: evaluation.year })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('evaluation.indicators.name')}</th>
                <th scope="col" className="evaluation-num">
                  {t('evaluation.indicators.baseline')}
                </th>
                <th scope="col" className="evaluation-num">
                  {t('evaluation.indicators.target')}
                </th>
                <th scope="col" className="evaluation-num">
                  {t('evaluation.indicators.measured')}
                </th>
                <th scope="col">{t('evaluation.indicators.evidence')}</th>
                {evaluation.canMeasure ? (
                  <th scope="col" className="visually-hidden">
                    {t('evaluation.indicators.measure')}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {evaluation.indicators.map((i) => (
                <tr key={i.key}>
                  <th scope="row">{label(i)}</th>
                  <td className="evaluation-num">{value(i, i.baseline)}</td>
                  <td className="evaluation-num">{value(i, i.target)}</td>
                  <td className="evaluation-num">{value(i, i.measured)}</td>
                  <td>{/^https?:\/\//.test(i.evidence) ? <a href={i.evidence}>{i.evidence}</a> : i.evidence}</td>
                  {evaluation.canMeasure ? (
                    <td>
                      <button
                        type="button"
                        className="button button-secondary"
                        onClick={() => setMode({ measure: i.key })}
                      >
                        {t('evaluation.indicators.measure')}
                        <span className="visually-hidden"> — {label(i)}</span>
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {typeof mode === 'object' ? (
        <MeasureForm
          key={mode.measure}
          evaluation={evaluation}
          indicator={evaluation.indicators.find((i) => i.key === mode.measure)}
          onSaved={saved}
          onCancel={() => setMode('view')}
        />
      ) : null}
      {evaluation.canManage && open && mode === 'view' ? (
        <button type="button" className="button button-secondary" onClick={() => setMode('choose')}>
          {t('evaluation.indicators.edit')}
        </button>
      ) : null}
      {mode === 'choose' ? (
        <ChooseForm evaluation={evaluation} onSaved={saved} onCancel={() => setMode('view')} />
      ) : null}
    </section>
  );
}

/** A chosen indicator as typed; its measure and evidence are the partners' (MeasureForm), never sent from here. */
interface Row {
  key: string;
  baseline: string;
  target: string;
}

const numberIssue = (text: string) => Number.isNaN(parseAmount(text));

/** Staff: the indicators of the year, added from the library's ones for the mode, with baseline and target. */
function ChooseForm({
  evaluation,
  onSaved,
  onCancel,
}: {
  evaluation: EvaluationView;
  onSaved(v: EvaluationView): void;
  onCancel(): void;
}) {
  const { t, locale } = useI18n();
  const form = useSaveForm();
  const [rows, setRows] = useState<Row[]>(() =>
    evaluation.indicators.map((i) => ({
      key: i.key,
      baseline: amountText(i.baseline, locale),
      target: amountText(i.target, locale),
    })),
  );
  const available = indicatorsForMode(evaluation.partnership.mode).filter((i) => !rows.some((r) => r.key === i.key));
  const [adding, setAdding] = useState('');
  const name = (key: string) => {
    const i = indicatorLibrary.find((x) => x.key === key);
    return i ? `${locale === 'fr' ? i.labelFr : i.labelEn} (${locale === 'fr' ? i.unitFr : i.unitEn})` : key;
  };
  const set = (n: number, field: keyof Row, v: string) =>
    setRows((all) => all.map((r, i) => (i === n ? { ...r, [field]: v } : r)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const issues: Record<string, string> = {};
    rows.forEach((r, n) => {
      for (const f of ['baseline', 'target'] as const) {
        if (numberIssue(r[f])) issues[`indicators.${n}.${f}`] = t('evaluation.notNumber');
      }
    });
    if (form.refuse(issues)) return;
    const body = {
      indicators: rows.map((r) => ({
        key: r.key,
        baseline: parseAmount(r.baseline),
        target: parseAmount(r.target),
      })),
    } as IndicatorsInput;
    void form.run(() => callApi(evaluationRoutes.setIndicators, { params: { id: evaluation.id }, body }), onSaved);
  };
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="card" aria-labelledby="indicators-form-title">
      <h3 id="indicators-form-title">{t('evaluation.indicators.edit')}</h3>
      <FormStatus form={{ ...form, saved: false }} shown={(f) => f.startsWith('indicators.')} />
      {rows.map((r, n) => (
        <fieldset key={r.key} className="evaluation-scale">
          <legend>{name(r.key)}</legend>
          <div className="evaluation-inline">
            {(['baseline', 'target'] as const).map((f) => (
              <TextField
                key={f}
                id={`indicator-${r.key}-${f}`}
                label={t(`evaluation.indicators.${f}`)}
                value={r[f]}
                inputMode="decimal"
                onChange={(v) => set(n, f, v)}
                error={
                  form.err(`indicators.${n}.${f}`) ?? (f === 'target' ? form.err(`indicators.${n}.key`) : undefined)
                }
              />
            ))}
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setRows((all) => all.filter((_, i) => i !== n))}
            >
              {t('evaluation.indicators.remove', { name: name(r.key) })}
            </button>
          </div>
        </fieldset>
      ))}
      {available.length ? (
        <div className="evaluation-inline">
          <div className="field">
            <label htmlFor="indicator-add">{t('evaluation.indicators.choose')}</label>
            <select id="indicator-add" value={adding} onChange={(e) => setAdding(e.target.value)}>
              <option value="">—</option>
              {available.map((i) => (
                <option key={i.key} value={i.key}>
                  {name(i.key)}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="button button-secondary"
            disabled={!adding}
            onClick={() => {
              setRows((all) => [...all, { key: adding, baseline: '', target: '' }]);
              setAdding('');
            }}
          >
            {t('evaluation.indicators.add')}
          </button>
        </div>
      ) : (
        <p className="muted">{t('evaluation.indicators.addNone')}</p>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={form.saving}>
          {t('evaluation.indicators.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('evaluation.indicators.cancel')}
        </button>
      </div>
    </form>
  );
}

/** A partner's member (or staff): the measured value and its evidence. */
function MeasureForm({
  evaluation,
  indicator,
  onSaved,
  onCancel,
}: {
  evaluation: EvaluationView;
  indicator: IndicatorView | undefined;
  onSaved(v: EvaluationView): void;
  onCancel(): void;
}) {
  const { t, locale } = useI18n();
  const form = useSaveForm();
  const [measured, setMeasured] = useState(amountText(indicator?.measured ?? null, locale));
  const [evidence, setEvidence] = useState(indicator?.evidence ?? '');
  if (!indicator) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (form.refuse(numberIssue(measured) ? { measured: t('evaluation.notNumber') } : {})) return;
    void form.run(
      () =>
        callApi(evaluationRoutes.measure, {
          params: { id: evaluation.id, key: indicator.key },
          body: { measured: parseAmount(measured), evidence },
        }),
      onSaved,
    );
  };
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="card" aria-labelledby="measure-form-title">
      <h3 id="measure-form-title">
        {t('evaluation.indicators.measure')} — {locale === 'fr' ? indicator.labelFr : indicator.labelEn}
      </h3>
      <FormStatus form={{ ...form, saved: false }} shown={(f) => f === 'measured' || f === 'evidence'} />
      <div className="evaluation-inline">
        <TextField
          id="measure-value"
          label={`${t('evaluation.indicators.measured')} (${locale === 'fr' ? indicator.unitFr : indicator.unitEn})`}
          value={measured}
          inputMode="decimal"
          onChange={setMeasured}
          error={form.err('measured')}
        />
        <TextField
          id="measure-evidence"
          label={t('evaluation.indicators.evidence')}
          value={evidence}
          onChange={setEvidence}
          maxLength={2000}
          error={form.err('evidence')}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={form.saving}>
          {t('evaluation.indicators.saveMeasure')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('evaluation.indicators.cancel')}
        </button>
      </div>
    </form>
  );
}
