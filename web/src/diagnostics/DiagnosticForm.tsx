import { useEffect, useRef, useState } from 'react';
import type { CompletedView, DraftView, QuestionnaireView } from '../../../src/modules/diagnostics/contract';
import { diagnosticRoutes } from '../../../src/modules/diagnostics/contract';
import type { Question } from '../../../src/modules/diagnostics/definition';
import { type ApiError, asApiError, callApi } from '../api/client';
import { useI18n } from '../i18n';
import { errorId, Field, FieldError, hintId } from '../ui/Field';
import { Alert, ApiErrorAlert, issuesByField, serverIssueText } from '../ui/feedback';
import { useText } from './parts';

type Raw = Record<string, string>;

/** The form's text values from saved answers (numbers written the French way). */
function rawOf(answers: Record<string, string | number | null>, locale: 'fr' | 'en'): Raw {
  return Object.fromEntries(
    Object.entries(answers)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, typeof v === 'number' ? String(v).replace('.', locale === 'fr' ? ',' : '.') : String(v)]),
  );
}

/** What is sent: options as they are; numbers read with a comma or a point (spaces ignored), else the text as typed. */
function answersOf(questionnaire: QuestionnaireView, raw: Raw): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const q of questionnaire.axes.flatMap((a) => a.questions)) {
    const value = (raw[q.id] ?? '').trim();
    if (value === '') out[q.id] = null;
    else if (q.type === 'choice') out[q.id] = value;
    else {
      const n = Number(value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'));
      out[q.id] = Number.isFinite(n) ? n : value;
    }
  }
  return out;
}

/**
 * The questionnaire, one axis per step (« Étape 2 sur 3 »): radio groups and number fields, a draft saved on demand,
 * « Terminer » on the last step. It starts from the draft's answers, or the latest diagnostic's when taken again. The
 * server checks every answer: its issues are shown on their questions, and the form goes to the step of the first one.
 */
export function DiagnosticForm({
  actorId,
  questionnaire,
  initialAnswers,
  onDraft,
  onCompleted,
  onCancel,
}: {
  actorId: string;
  questionnaire: QuestionnaireView;
  initialAnswers: Record<string, string | number | null>;
  onDraft(draft: DraftView): void;
  onCompleted(done: CompletedView): void;
  onCancel: (() => void) | null;
}) {
  const { t, tn, locale, formatDateTime } = useI18n();
  const text = useText();
  const [raw, setRaw] = useState<Raw>(() => rawOf(initialAnswers, locale));
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<DraftView | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusOnStep = useRef<string | null>(null);
  const axes = questionnaire.axes;
  const axis = axes[step] ?? axes[0];
  const all = axes.flatMap((a) => a.questions);
  const answered = all.filter((q) => (raw[q.id] ?? '').trim() !== '').length;

  // The first question in error when there is one (and it is found), else the step's heading, takes the focus: the
  // request is used once, so that the next step starts at its heading again.
  const focusStep = () => {
    const target = (focusOnStep.current && document.getElementById(focusOnStep.current)) || headingRef.current;
    focusOnStep.current = null;
    target?.focus();
  };

  // A new step: keyboard and screen reader users start at its top (or at its first question in error).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the step is the trigger
  useEffect(focusStep, [step]);

  const showIssues = (error: ApiError) => {
    const byField = issuesByField(error, (path) => path.replace(/^answers\./, ''));
    const texts = Object.fromEntries(Object.entries(byField).map(([k, v]) => [k, serverIssueText(v, locale)]));
    setIssues(texts);
    const first = axes.findIndex((a) => a.questions.some((q) => texts[q.id]));
    if (first >= 0) {
      const q = axes[first]?.questions.find((x) => texts[x.id]);
      focusOnStep.current = q ? controlId(q) : null;
      if (first === step) focusStep();
      else setStep(first);
    }
    setFailure(Object.keys(texts).length && first >= 0 ? null : error);
  };

  const run = async (action: 'draft' | 'complete') => {
    setBusy(true);
    setFailure(null);
    setSaved(null);
    try {
      const body = { answers: answersOf(questionnaire, raw) };
      if (action === 'draft') {
        const result = await callApi(diagnosticRoutes.saveDraft, { params: { id: actorId }, body });
        setIssues({});
        setSaved(result);
        onDraft(result);
      } else {
        const result = await callApi(diagnosticRoutes.complete, { params: { id: actorId }, body });
        onCompleted(result);
      }
    } catch (e) {
      showIssues(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const set = (id: string, value: string) => {
    setRaw((r) => ({ ...r, [id]: value }));
    setIssues((x) => {
      const { [id]: _, ...rest } = x;
      return rest;
    });
  };

  if (!axis) return null;
  const last = step === axes.length - 1;
  return (
    <form
      className="diagnostic-form card"
      aria-labelledby="diagnostic-step-heading"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (last) void run('complete');
        else setStep(step + 1);
      }}
    >
      <div className="diagnostic-progress">
        <p className="diagnostic-step">{t('diagnostic.form.step', { step: step + 1, count: axes.length })}</p>
        <ol className="diagnostic-steps" aria-label={t('diagnostic.form.steps')}>
          {axes.map((a, i) => (
            <li key={a.id} aria-current={i === step ? 'step' : undefined} className={i === step ? 'current' : ''}>
              {text(a.label)}
            </li>
          ))}
        </ol>
        <label className="diagnostic-answered">
          <span>{tn('diagnostic.form.answered', answered, { total: all.length })}</span>
          <progress max={all.length} value={answered} />
        </label>
      </div>
      <h2 id="diagnostic-step-heading" ref={headingRef} tabIndex={-1}>
        {text(axis.label)}
      </h2>
      <p className="muted">{text(axis.description)}</p>
      {axis.questions.map((q) => (
        <QuestionField key={q.id} question={q} value={raw[q.id] ?? ''} error={issues[q.id]} onChange={set} />
      ))}
      {failure ? <ApiErrorAlert error={failure} /> : null}
      {saved ? (
        <Alert kind="success">
          {tn('diagnostic.form.saved', saved.answered, { at: formatDateTime(saved.updatedAt), total: saved.total })}
        </Alert>
      ) : null}
      <div className="form-actions diagnostic-actions">
        {step > 0 ? (
          <button type="button" className="button button-secondary" onClick={() => setStep(step - 1)}>
            {t('diagnostic.form.previous')}
          </button>
        ) : null}
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => void run('draft')}>
          {t('diagnostic.form.saveDraft')}
        </button>
        <button type="submit" className="button" disabled={busy}>
          {last ? t('diagnostic.form.finish') : t('diagnostic.form.next')}
        </button>
        {onCancel ? (
          <button type="button" className="link-button" onClick={onCancel}>
            {t('diagnostic.form.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

const unitId = (questionId: string) => `q-${questionId}-unit`;
const controlId = (q: Question) => (q.type === 'choice' ? `q-${q.id}-${q.options[0]?.value}` : `q-${q.id}`);

/** A question: a radio group (arrow keys move between options) or a number field with its unit. */
function QuestionField({
  question: q,
  value,
  error,
  onChange,
}: {
  question: Question;
  value: string;
  error: string | undefined;
  onChange(id: string, value: string): void;
}) {
  const text = useText();
  if (q.type === 'number') {
    return (
      <Field
        id={`q-${q.id}`}
        label={text(q.label)}
        hint={q.help ? text(q.help) : undefined}
        error={error}
        className="diagnostic-question"
      >
        {(control) => (
          <span className="diagnostic-number">
            <input
              {...control}
              // The unit (« ETP », « % ») is read with the field, after its hint and error.
              aria-describedby={[control['aria-describedby'], unitId(q.id)].filter(Boolean).join(' ')}
              type="text"
              inputMode={q.integer ? 'numeric' : 'decimal'}
              autoComplete="off"
              value={value}
              onChange={(e) => onChange(q.id, e.target.value)}
            />
            <span className="diagnostic-unit" id={unitId(q.id)}>
              {text(q.unit)}
            </span>
          </span>
        )}
      </Field>
    );
  }
  const group = `q-${q.id}`;
  const describedBy = [q.help ? hintId(group) : null, error ? errorId(group) : null].filter(Boolean).join(' ');
  return (
    <fieldset
      className={`diagnostic-question diagnostic-choice${error ? ' field-invalid' : ''}`}
      aria-describedby={describedBy || undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend>{text(q.label)}</legend>
      {q.help ? (
        <p className="hint" id={hintId(group)}>
          {text(q.help)}
        </p>
      ) : null}
      {q.options.map((o) => (
        <label key={o.value} className="diagnostic-option">
          <input
            type="radio"
            id={`${group}-${o.value}`}
            name={group}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(q.id, o.value)}
          />
          <span>{text(o.label)}</span>
        </label>
      ))}
      {error ? <FieldError id={errorId(group)}>{error}</FieldError> : null}
    </fieldset>
  );
}
