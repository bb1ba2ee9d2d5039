import { type FormEvent, useState } from 'react';
import {
  type EvaluationPartner,
  type EvaluationView,
  evaluationRoutes,
  type ResponseInput,
} from '../../../src/modules/evaluation/contract';
import {
  type EvaluationDimension,
  evaluationDimensions,
  type ObjectiveStatus,
  objectiveStatuses,
} from '../../../src/modules/evaluation/vocabulary';
import { callApi } from '../api/client';
import { useI18n } from '../i18n';
import { FormStatus, useSaveForm } from '../programmes/parts';
import { errorId, FieldError } from '../ui/Field';
import { TextField } from '../ui/TextField';
import { dimensionKey } from './parts';

type ScoreChoice = number | 'unknown' | undefined;
interface Objective {
  key: number;
  label: string;
  status: ObjectiveStatus | '';
}

let lastKey = 0;

/**
 * One partner's questionnaire: a radio scale per dimension (1–5 or « Je ne sais pas », each with what 1 and 5 mean),
 * an optional comment, the partner's own objectives (seeded from last year or its framing expectations), the balance
 * of the relationship. Radio groups are fieldsets with a legend: the arrows move within a group, Tab between groups.
 */
export function ResponseForm({
  evaluation,
  partner,
  onBehalf,
  onSaved,
}: {
  evaluation: EvaluationView;
  partner: EvaluationPartner;
  onBehalf: boolean;
  onSaved(view: EvaluationView): void;
}) {
  const { t } = useI18n();
  const form = useSaveForm();
  const previous = partner.response;
  const [scores, setScores] = useState<Record<EvaluationDimension, ScoreChoice>>(
    () =>
      Object.fromEntries(
        evaluationDimensions.map((d) => {
          const s = previous?.scores[d];
          return [d, s ? (s.score ?? 'unknown') : undefined];
        }),
      ) as Record<EvaluationDimension, ScoreChoice>,
  );
  const [comments, setComments] = useState<Record<EvaluationDimension, string>>(
    () =>
      Object.fromEntries(evaluationDimensions.map((d) => [d, previous?.scores[d].comment ?? ''])) as Record<
        EvaluationDimension,
        string
      >,
  );
  const [objectives, setObjectives] = useState<Objective[]>(() =>
    (previous?.objectives ?? partner.suggestedObjectives.map((label) => ({ label, status: '' as const }))).map((o) => ({
      key: ++lastKey,
      label: o.label,
      status: o.status,
    })),
  );
  const [balance, setBalance] = useState<number | undefined>(previous?.balance ?? undefined);
  const [balanceComment, setBalanceComment] = useState(previous?.balanceComment ?? '');
  const idBase = `answer-${partner.actorId}`;
  const liveErrors = Object.fromEntries(
    Object.entries(form.errors).filter(([field]) => {
      const d = evaluationDimensions.find((x) => field === `scores.${x}`);
      return d === undefined || scores[d] === undefined;
    }),
  );

  /** Removes a row; the focus, which was on its button, goes to the next row (else the one before, else « add »). */
  const removeObjective = (key: number) => {
    const n = objectives.findIndex((x) => x.key === key);
    const next = objectives[n + 1] ?? objectives[n - 1];
    setObjectives((all) => all.filter((x) => x.key !== key));
    requestAnimationFrame(() =>
      document.getElementById(next ? `${idBase}-objective-${next.key}` : `${idBase}-add-objective`)?.focus(),
    );
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing: Record<string, string> = {};
    for (const d of evaluationDimensions) {
      if (scores[d] === undefined) missing[`scores.${d}`] = t('evaluation.form.chooseScore');
    }
    if (form.refuse(missing)) return;
    const body = {
      scores: Object.fromEntries(
        evaluationDimensions.map((d) => [
          d,
          { score: scores[d] === 'unknown' ? null : scores[d], comment: comments[d] },
        ]),
      ),
      objectives: objectives.map((o) => ({ label: o.label, status: o.status || undefined })),
      balance,
      balanceComment,
    } as ResponseInput;
    void form.run(
      () => callApi(evaluationRoutes.answer, { params: { id: evaluation.id, actorId: partner.actorId }, body }),
      onSaved,
    );
  };

  return (
    <form
      ref={form.formRef}
      onSubmit={submit}
      noValidate
      className="card evaluation-form"
      aria-labelledby={`${idBase}-title`}
    >
      <h3 id={`${idBase}-title`}>{t('evaluation.form.title', { name: partner.name })}</h3>
      <p className="muted">
        {onBehalf ? t('evaluation.form.onBehalf', { name: partner.name }) : t('evaluation.form.intro')}
      </p>
      <FormStatus
        form={{ ...form, errors: liveErrors, saved: false }}
        shown={(f) => f.startsWith('scores.') || f.startsWith('objectives.') || f === 'balance'}
      />
      <h4>{t('evaluation.form.dimensions')}</h4>
      {evaluationDimensions.map((d) => {
        const id = `${idBase}-${d}`;
        // A « choose a score » error goes as soon as a score is chosen. « No score at all » (every answer « je ne sais
        // pas ») is the first scale's, so that it is announced and focused there.
        const error =
          (scores[d] === undefined ? form.err(`scores.${d}`) : undefined) ??
          (d === evaluationDimensions[0] ? form.err('scores') : undefined);
        return (
          <fieldset
            key={d}
            className={`evaluation-scale${error ? ' field-invalid' : ''}`}
            aria-describedby={`${id}-hint${error ? ` ${errorId(id)}` : ''}`}
          >
            <legend>{t(dimensionKey(d))}</legend>
            <p className="hint" id={`${id}-hint`}>
              {t(`evaluation.dimension.${d}.hint`)}
            </p>
            <div className="evaluation-choices">
              {[1, 2, 3, 4, 5, 'unknown' as const].map((value) => (
                <label key={value}>
                  <input
                    type="radio"
                    name={id}
                    value={value}
                    checked={scores[d] === value}
                    aria-invalid={error ? true : undefined}
                    onChange={() => setScores((s) => ({ ...s, [d]: value }))}
                  />
                  {value === 'unknown'
                    ? t('evaluation.dontKnow')
                    : value === 1
                      ? t(`evaluation.scale.low.${d}`)
                      : value === 5
                        ? t(`evaluation.scale.high.${d}`)
                        : String(value)}
                </label>
              ))}
            </div>
            {error ? <FieldError id={errorId(id)}>{error}</FieldError> : null}
            <TextField
              id={`${id}-comment`}
              label={t('evaluation.comment')}
              value={comments[d]}
              onChange={(v) => setComments((c) => ({ ...c, [d]: v }))}
              maxLength={2000}
              error={form.err(`scores.${d}.comment`)}
            />
          </fieldset>
        );
      })}

      <h4>{t('evaluation.form.objectives')}</h4>
      <p className="hint">{t('evaluation.form.objectivesHint')}</p>
      {objectives.map((o, i) => (
        <div key={o.key} className="evaluation-objective">
          <TextField
            id={`${idBase}-objective-${o.key}`}
            label={t('evaluation.form.objective', { n: i + 1 })}
            value={o.label}
            onChange={(v) => setObjectives((all) => all.map((x) => (x.key === o.key ? { ...x, label: v } : x)))}
            maxLength={300}
            error={form.err(`objectives.${i}.label`)}
          />
          <div className={`field${form.err(`objectives.${i}.status`) ? ' field-invalid' : ''}`}>
            <label htmlFor={`${idBase}-objective-${o.key}-status`}>
              {t('evaluation.form.objectiveStatus', { n: i + 1 })}
            </label>
            <select
              id={`${idBase}-objective-${o.key}-status`}
              value={o.status}
              aria-invalid={form.err(`objectives.${i}.status`) ? true : undefined}
              aria-describedby={
                form.err(`objectives.${i}.status`) ? `${idBase}-objective-${o.key}-status-error` : undefined
              }
              onChange={(e) =>
                setObjectives((all) =>
                  all.map((x) => (x.key === o.key ? { ...x, status: e.target.value as ObjectiveStatus } : x)),
                )
              }
            >
              <option value="">—</option>
              {objectiveStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`evaluation.objective.${s}`)}
                </option>
              ))}
            </select>
            {form.err(`objectives.${i}.status`) ? (
              <FieldError id={`${idBase}-objective-${o.key}-status-error`}>
                {form.err(`objectives.${i}.status`)}
              </FieldError>
            ) : null}
          </div>
          <button type="button" className="button button-secondary" onClick={() => removeObjective(o.key)}>
            {t('evaluation.form.removeObjective', { n: i + 1 })}
          </button>
        </div>
      ))}
      <p>
        <button
          id={`${idBase}-add-objective`}
          type="button"
          className="button button-secondary"
          onClick={() => setObjectives((all) => [...all, { key: ++lastKey, label: '', status: '' }])}
        >
          {t('evaluation.form.addObjective')}
        </button>
      </p>

      <fieldset
        className={`evaluation-scale evaluation-balance${form.err('balance') ? ' field-invalid' : ''}`}
        aria-describedby={`${idBase}-balance-hint${form.err('balance') ? ` ${errorId(`${idBase}-balance`)}` : ''}`}
      >
        <legend>{t('evaluation.form.balance')}</legend>
        <p className="hint" id={`${idBase}-balance-hint`}>
          {t('evaluation.form.balanceHint')}
        </p>
        <div className="evaluation-choices">
          {[1, 2, 3, 4, 5].map((value) => (
            <label key={value}>
              <input
                type="radio"
                name={`${idBase}-balance`}
                value={value}
                checked={balance === value}
                aria-invalid={form.err('balance') ? true : undefined}
                onChange={() => setBalance(value)}
              />
              {t(`evaluation.balance.${value}`)}
            </label>
          ))}
        </div>
        {form.err('balance') ? <FieldError id={errorId(`${idBase}-balance`)}>{form.err('balance')}</FieldError> : null}
        <TextField
          id={`${idBase}-balance-comment`}
          label={t('evaluation.form.balanceComment')}
          value={balanceComment}
          onChange={setBalanceComment}
          maxLength={2000}
        />
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button" disabled={form.saving}>
          {previous ? t('evaluation.form.update') : t('evaluation.form.submit')}
        </button>
      </div>
      {form.saved ? (
        <p className="alert alert-success" role="status">
          {t('evaluation.form.sent')}
        </p>
      ) : null}
    </form>
  );
}
