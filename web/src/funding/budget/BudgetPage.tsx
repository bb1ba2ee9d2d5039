import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { budgetRoutes, type LineView } from '../../../../src/modules/funding/budget/contract';
import { type ProgrammeSummary, programmeRoutes } from '../../../../src/modules/programmes/contract';
import { buildUrl } from '../../api/client';
import { useApiQuery } from '../../api/useApi';
import { useI18n } from '../../i18n';
import { ApiErrorAlert, Loading } from '../../ui/feedback';
import { usePageTitle } from '../../ui/usePageTitle';
import { FundingNav } from '../FundingNav';
import { LineForm } from './LineForm';
import { LinesTable } from './LinesTable';
import { programmeYears, useCanEdit } from './parts';
import { TotalsTables } from './TotalsTables';
import { VolunteerSection } from './VolunteerSection';

/**
 * The programme's budget: pick the programme and the years (one year, or a span such as the 2018–2020 forecast as a
 * whole), read the lines by territory with their sources and figures, the totals, and the volunteer valuation; staff
 * add and edit lines, rates and hours. The choice lives in the address (`?programme=&du=&au=`, `periode=toutes` for
 * every year). With no choice, one year is shown, said under the selects: the current year while the programme runs,
 * else its nearest year (the last one once it has ended) — never an actual year and forecast years added together.
 */
export function BudgetPage() {
  const { t } = useI18n();
  usePageTitle(t('budget.title'));
  const programmes = useApiQuery(programmeRoutes.list, {});
  const [search, setSearch] = useSearchParams();
  const items = programmes.data?.items ?? [];
  const programme = items.find((p) => p.id === search.get('programme')) ?? items[0];
  return (
    <div className="budget-page">
      <h1>{t('budget.title')}</h1>
      <FundingNav />
      <p className="muted">{t('budget.intro')}</p>
      {programmes.error ? <ApiErrorAlert error={programmes.error} /> : null}
      {!programmes.data && !programmes.error ? <Loading /> : null}
      {programmes.data && !programme ? (
        <div className="empty-state">
          <p>{t('budget.noProgramme')}</p>
        </div>
      ) : null}
      {programme ? (
        <ProgrammeBudget
          key={programme.id}
          programmes={items}
          programme={programme}
          from={yearParam(search.get('du'))}
          to={yearParam(search.get('au'))}
          allYears={search.get('periode') === 'toutes'}
          onChoose={(next) => {
            const params = new URLSearchParams();
            params.set('programme', next.programmeId);
            if (next.from) params.set('du', String(next.from));
            if (next.to) params.set('au', String(next.to));
            if (next.all) params.set('periode', 'toutes');
            setSearch(params, { replace: true });
          }}
        />
      ) : null}
    </div>
  );
}

const yearParam = (v: string | null) => (v && /^\d{4}$/.test(v) ? Number(v) : undefined);

interface Choice {
  programmeId: string;
  from: number | undefined;
  to: number | undefined;
  /** Every year asked for explicitly (both selects on « Toutes »), rather than the default year. */
  all?: boolean;
}

/** The year shown when none is chosen: the current one within the programme, else the nearest programme year. */
function defaultYear(years: number[]): number | undefined {
  const current = new Date().getFullYear();
  return years.includes(current) ? current : (years.filter((y) => y <= current).at(-1) ?? years[0]);
}

function ProgrammeBudget({
  programmes,
  programme,
  from: chosenFrom,
  to: chosenTo,
  allYears,
  onChoose,
}: {
  programmes: ProgrammeSummary[];
  programme: ProgrammeSummary;
  from: number | undefined;
  to: number | undefined;
  allYears: boolean;
  onChoose(choice: Choice): void;
}) {
  const { t } = useI18n();
  const canEdit = useCanEdit();
  const years = programmeYears(programme);
  const fallback = chosenFrom === undefined && chosenTo === undefined && !allYears ? defaultYear(years) : undefined;
  const from = chosenFrom ?? fallback;
  const to = chosenTo ?? fallback;
  const query = { programmeId: programme.id, from, to };
  const budget = useApiQuery(budgetRoutes.get, { query });
  const [editing, setEditing] = useState<LineView | 'new' | null>(null);
  const choose = (change: Partial<Choice>) => {
    const next = { programmeId: programme.id, from, to, ...change };
    onChoose({ ...next, all: next.from === undefined && next.to === undefined });
  };
  const saved = () => {
    setEditing(null);
    budget.reload();
  };
  return (
    <>
      <form className="budget-choice" aria-label={t('budget.span')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="budget-programme">{t('budget.programme')}</label>
          <select
            id="budget-programme"
            value={programme.id}
            onChange={(e) => onChoose({ programmeId: e.target.value, from: undefined, to: undefined })}
          >
            {programmes.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <YearSelect
          id="budget-from"
          label={t('budget.span.from')}
          years={years}
          value={from}
          onChange={(v) => choose({ from: v, to: v && to && to < v ? v : to })}
        />
        <YearSelect
          id="budget-to"
          label={t('budget.span.to')}
          years={years}
          value={to}
          onChange={(v) => choose({ to: v, from: v && from && from > v ? v : from })}
        />
        <a
          className="button button-secondary budget-download"
          href={buildUrl(budgetRoutes.xlsx.path, undefined, query)}
          download
        >
          {t('budget.download')}
        </a>
      </form>
      {fallback !== undefined ? (
        <p className="muted budget-span-note">{t('budget.span.default', { year: fallback })}</p>
      ) : null}
      {from === undefined && to === undefined ? (
        <p className="muted budget-span-note">{t('budget.span.defaultNone')}</p>
      ) : null}
      {budget.error ? <ApiErrorAlert error={budget.error} /> : null}
      {!budget.data && budget.loading ? <Loading /> : null}
      {budget.data ? (
        <>
          <section aria-labelledby="budget-lines-title" className="budget-section">
            <div className="budget-section-head">
              <h2 id="budget-lines-title">{t('budget.linesTitle')}</h2>
              {canEdit && editing === null ? (
                <button type="button" className="button" onClick={() => setEditing('new')}>
                  {t('budget.add')}
                </button>
              ) : null}
            </div>
            {editing !== null ? (
              <LineForm
                budget={budget.data}
                years={years}
                line={editing === 'new' ? null : editing}
                defaultYear={from ?? defaultYear(years) ?? new Date().getFullYear()}
                onSaved={saved}
                onCancel={() => setEditing(null)}
              />
            ) : null}
            <LinesTable budget={budget.data} canEdit={canEdit} onEdit={setEditing} onDeleted={budget.reload} />
            {budget.data.lines.length ? <p className="muted budget-rules">{t('budget.rules')}</p> : null}
          </section>
          {budget.data.lines.length ? <TotalsTables totals={budget.data.totals} /> : null}
        </>
      ) : null}
      <VolunteerSection programme={programme} years={years} from={from} to={to} canEdit={canEdit} />
    </>
  );
}

function YearSelect({
  id,
  label,
  years,
  value,
  onChange,
}: {
  id: string;
  label: string;
  years: number[];
  value: number | undefined;
  onChange(value: number | undefined): void;
}) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value ? Number(e.target.value) : undefined)}
      >
        <option value="">{t('budget.span.open')}</option>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </div>
  );
}
