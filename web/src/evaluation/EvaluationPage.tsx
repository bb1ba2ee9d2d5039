import { type FormEvent, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  type EvaluationSummary,
  type EvaluationView,
  evaluationRoutes,
} from '../../../src/modules/evaluation/contract';
import { callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useSession } from '../auth/session';
import { eventTimeZone } from '../events/parts';
import { useI18n } from '../i18n';
import { ModeBadge } from '../partnerships/parts';
import { FormStatus, useSaveForm } from '../programmes/parts';
import { Alert, ApiErrorAlert, Loading } from '../ui/feedback';
import { usePageTitle } from '../ui/usePageTitle';
import { Answers } from './Answers';
import { Indicators } from './Indicators';
import { ScoreCells, ScoreHeads } from './parts';
import { ResponseForm } from './ResponseForm';
import './evaluation.css';

/**
 * A partnership's evaluation, one year at a time (`?annee=`, the latest by default): the questionnaire of the
 * caller's organisation (or, for staff, of the partner they answer for), the year's scores, every partner's answers,
 * the indicators, and the history of scores. Staff open a year and close it.
 */
export function EvaluationPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const list = useApiQuery(evaluationRoutes.ofPartnership, { params: { id } });
  const [search, setSearch] = useSearchParams();
  usePageTitle(list.data ? `${t('evaluation.title')} — ${list.data.partnership.title}` : t('evaluation.title'));
  if (list.error) {
    return (
      <div className="narrow">
        <h1>{t('evaluation.title')}</h1>
        <ApiErrorAlert error={list.error} />
      </div>
    );
  }
  if (!list.data) return <Loading />;
  const data = list.data;
  const asked = Number(search.get('annee'));
  const selected = data.evaluations.find((e) => e.year === asked) ?? data.evaluations[0];
  return (
    <article className="evaluation-page">
      <p className="breadcrumb">
        <Link to={`/partenariats/${id}`}>
          <span aria-hidden="true">← </span>
          {t('evaluation.back')}
        </Link>
      </p>
      <h1>{t('evaluation.title')}</h1>
      <p className="partnership-meta">
        <strong>{data.partnership.title}</strong> <ModeBadge mode={data.partnership.mode} />
      </p>
      <p className="muted">{t('evaluation.intro')}</p>
      {data.canManage ? (
        <OpenForm
          partnershipId={id}
          taken={data.evaluations.map((e) => e.year)}
          onOpened={(year) => {
            list.reload();
            setSearch({ annee: String(year) }, { replace: true });
          }}
        />
      ) : null}
      {data.evaluations.length === 0 ? (
        <div className="empty-state">
          <p>{t('evaluation.none')}</p>
          {data.canManage ? <p>{t('evaluation.noneStaff')}</p> : null}
        </div>
      ) : (
        <>
          <nav aria-label={t('evaluation.years')}>
            <ul className="evaluation-years">
              {data.evaluations.map((e) => (
                <li key={e.id}>
                  <Link to={`?annee=${e.year}`} aria-current={e.id === selected?.id ? 'page' : undefined}>
                    {e.year}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {selected ? <YearEvaluation key={selected.id} id={selected.id} onChanged={list.reload} /> : null}
          <History evaluations={data.evaluations} />
        </>
      )}
    </article>
  );
}

/** The current year in France, as the server decides which years may be evaluated. */
const parisYear = () =>
  Number(new Intl.DateTimeFormat('en-CA', { timeZone: eventTimeZone, year: 'numeric' }).format(new Date()));

/** Staff: opens the evaluation of a year not evaluated yet (this year and the ten before). */
function OpenForm({
  partnershipId,
  taken,
  onOpened,
}: {
  partnershipId: string;
  taken: number[];
  onOpened(year: number): void;
}) {
  const { t } = useI18n();
  const form = useSaveForm();
  const current = parisYear();
  const years = Array.from({ length: 11 }, (_, i) => current - i).filter((y) => !taken.includes(y));
  const [picked, setYear] = useState(years[0] ?? current);
  // Once the year picked is opened it leaves the list: the first one left is the one shown, and sent.
  const year = years.includes(picked) ? picked : (years[0] ?? current);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(
      () => callApi(evaluationRoutes.open, { params: { id: partnershipId }, body: { year } }),
      () => onOpened(year),
    );
  };
  return (
    <form
      ref={form.formRef}
      onSubmit={submit}
      noValidate
      className="evaluation-inline"
      aria-label={t('evaluation.open.title')}
    >
      <div className={`field${form.err('year') ? ' field-invalid' : ''}`}>
        <label htmlFor="evaluation-open-year">{t('evaluation.open.year')}</label>
        <select id="evaluation-open-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        {form.err('year') ? <p className="field-error">{form.err('year')}</p> : null}
      </div>
      <button type="submit" className="button" disabled={form.saving || years.length === 0}>
        {t('evaluation.open.submit')}
      </button>
      <FormStatus form={{ ...form, saved: false }} shown={(f) => f === 'year'} />
    </form>
  );
}

function YearEvaluation({ id, onChanged }: { id: string; onChanged(): void }) {
  const { t, formatDate } = useI18n();
  const { user } = useSession();
  const evaluation = useApiQuery(evaluationRoutes.get, { params: { id } });
  const [statusError, setStatusError] = useState<string | null>(null);
  const [answerFor, setAnswerFor] = useState<string | null>(null);
  if (evaluation.error) return <ApiErrorAlert error={evaluation.error} />;
  if (!evaluation.data) return <Loading />;
  const e = evaluation.data;
  const updated = (v: EvaluationView) => {
    evaluation.setData(v);
    onChanged();
  };
  const setStatus = async (closed: boolean) => {
    try {
      updated(await callApi(evaluationRoutes.setStatus, { params: { id }, body: { closed } }));
      setStatusError(null);
    } catch {
      setStatusError(t('common.error'));
    }
  };
  const answerable = e.partners.filter((p) => p.canAnswer);
  // A member answers for its own organisation; staff choose the partner they answer for.
  const own = answerable.find((p) => p.actorId === user?.actorId);
  const chosen = own ?? answerable.find((p) => p.actorId === answerFor);
  return (
    <>
      <section className="evaluation-section" aria-labelledby="evaluation-year-title">
        <div className="budget-section-head">
          <h2 id="evaluation-year-title">
            {t('evaluation.scores.title', { year: e.year })}{' '}
            <span className={`badge ${e.closedAt ? 'status-completed' : 'status-active'}`}>
              {e.closedAt ? t('evaluation.closedBadge') : t('evaluation.openBadge')}
            </span>
          </h2>
          {e.canManage ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void setStatus(e.closedAt === null)}
            >
              {e.closedAt ? t('evaluation.reopen') : t('evaluation.close')}
            </button>
          ) : null}
        </div>
        {statusError ? <Alert>{statusError}</Alert> : null}
        {e.closedAt ? <p className="notice">{t('evaluation.closed', { date: formatDate(e.closedAt) })}</p> : null}
        <YearScores evaluation={e} />
      </section>
      {answerable.length && !own ? (
        <div className="field evaluation-answer-for">
          <label htmlFor="evaluation-answer-for">{t('evaluation.form.answerFor')}</label>
          <select
            id="evaluation-answer-for"
            value={answerFor ?? ''}
            onChange={(x) => setAnswerFor(x.target.value || null)}
          >
            <option value="">—</option>
            {answerable.map((p) => (
              <option key={p.actorId} value={p.actorId}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {chosen ? (
        <ResponseForm key={chosen.actorId} evaluation={e} partner={chosen} onBehalf={!own} onSaved={updated} />
      ) : null}
      <Answers evaluation={e} />
      <Indicators evaluation={e} onSaved={updated} />
    </>
  );
}

function YearScores({ evaluation: e }: { evaluation: EvaluationView }) {
  const { t, formatNumber } = useI18n();
  const answered = e.partners.filter((p) => p.response).length;
  return (
    <>
      <div className="table-wrap">
        <table>
          <caption>{t('evaluation.scores.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('evaluation.responses')}</th>
              <ScoreHeads />
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>{t('evaluation.responsesOf', { count: answered, total: e.partners.length })}</td>
              <ScoreCells scores={e.scores} />
            </tr>
          </tbody>
        </table>
      </div>
      <p className="muted">
        {t('evaluation.objectivesSummary')}
        {'\u202f'}:{' '}
        {t('evaluation.objectivesCount', {
          met: e.objectives.met,
          partly: e.objectives.partlyMet,
          not: e.objectives.notMet,
        })}
        {e.balance !== null ? (
          <>
            {' · '}
            {t('evaluation.balanceAverage')}
            {'\u202f'}: {formatNumber(e.balance)} / 5
          </>
        ) : null}
      </p>
    </>
  );
}

function History({ evaluations }: { evaluations: EvaluationSummary[] }) {
  const { t } = useI18n();
  return (
    <section className="evaluation-section" aria-labelledby="evaluation-history-title">
      <h2 id="evaluation-history-title">{t('evaluation.history.title')}</h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('evaluation.history.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('evaluation.year')}</th>
              <th scope="col">{t('evaluation.responses')}</th>
              <ScoreHeads />
            </tr>
          </thead>
          <tbody>
            {evaluations.map((e) => (
              <tr key={e.id}>
                <th scope="row">{e.year}</th>
                <td>{t('evaluation.responsesOf', { count: e.responses, total: e.partners })}</td>
                <ScoreCells scores={e.scores} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
