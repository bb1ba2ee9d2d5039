import { type ReactNode, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { type ProgrammeDetail, programmeRoutes } from '../../../src/modules/programmes/contract';
import type { ActionStatus } from '../../../src/modules/programmes/vocabulary';
import { asApiError, buildUrl } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { eventTimeZone } from '../events/parts';
import { type Locale, useI18n } from '../i18n';
import { Alert, ApiErrorAlert, fieldTexts, Loading, useErrorText } from '../ui/feedback';
import { useFocusFirstInvalid } from '../ui/useFocusFirstInvalid';
import { usePageTitle } from '../ui/usePageTitle';
import './programmes.css';

/**
 * A calendar day `YYYY-MM-DD` as « 13 décembre 2016 » (« 1er » in French). Read at noon, so that no time zone
 * moves it to the day before.
 */
export function formatDay(day: string, locale: Locale): string {
  const text = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long' }).format(
    new Date(`${day}T12:00:00`),
  );
  return locale === 'fr' ? text.replace(/^1 /, '1er ') : text;
}

/** The Paris day of an instant (an event's start) as « 13 décembre 2016 ». */
export function formatInstantDay(iso: string, locale: Locale): string {
  const text = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeZone: eventTimeZone,
  }).format(new Date(iso));
  return locale === 'fr' ? text.replace(/^1 /, '1er ') : text;
}

const parisDays = new Intl.DateTimeFormat('en-CA', { timeZone: eventTimeZone });

/** The Paris day of an instant as `YYYY-MM-DD` (a 00:30 start in Paris is the day before in UTC). */
export const parisDay = (iso: string) => parisDays.format(new Date(iso));

/** « du 1er septembre 2016 au 31 décembre 2020 ». */
export function usePeriod() {
  const { t, locale } = useI18n();
  return (from: string, to: string) =>
    t('programme.period', { from: formatDay(from, locale), to: formatDay(to, locale) });
}

/** Today as `YYYY-MM-DD` in the browser's zone. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function StatusBadge({ status, late }: { status: ActionStatus; late?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <span className={`badge programme-status programme-status-${status}`}>{t(`programme.status.${status}`)}</span>
      {late ? <span className="badge programme-late">{t('programme.late')}</span> : null}
    </>
  );
}

type Section = 'overview' | 'plan' | 'calendar' | 'decisions';

/**
 * A programme's page frame: breadcrumb, name, section tabs (links, so that each section has its address), then
 * the section, given the loaded programme and a way to reload it.
 */
export function ProgrammeShell({
  section,
  title,
  actions,
  children,
}: {
  section: Section;
  title?: string;
  actions?: (p: ProgrammeDetail) => ReactNode;
  children: (p: ProgrammeDetail, reload: () => void) => ReactNode;
}) {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const programme = useApiQuery(programmeRoutes.get, { params: { id } });
  const name = programme.data?.name;
  usePageTitle(
    programme.error
      ? t('programme.notFound')
      : name
        ? title
          ? `${title} — ${name}`
          : name
        : t('programme.list.title'),
  );
  if (programme.error) {
    return (
      <div className="narrow">
        <Back />
        <h1>{programme.error.status === 404 ? t('programme.notFound') : t('programme.list.title')}</h1>
        <ApiErrorAlert error={programme.error} />
      </div>
    );
  }
  if (!programme.data) return <Loading />;
  const p = programme.data;
  const base = `/programmes/${p.id}`;
  const tabs: [Section, string, string][] = [
    ['overview', base, t('programme.tab.overview')],
    ['plan', `${base}/plan`, t('programme.tab.plan')],
    ['calendar', `${base}/calendrier`, t('programme.tab.calendar')],
    ['decisions', `${base}/decisions`, t('programme.tab.decisions')],
  ];
  return (
    <div className="programme-page">
      <Back />
      <header className="page-head">
        <div>
          <h1>{p.name}</h1>
          {p.replicatedFrom ? (
            <p className="muted">
              <Link to={`/programmes/${p.replicatedFrom.id}`}>
                {t('programme.list.replicatedFrom', { name: p.replicatedFrom.name })}
              </Link>
            </p>
          ) : null}
        </div>
        <div className="programme-head-actions">
          <a href={buildUrl(programmeRoutes.feedIcs.path, { id: p.id })}>{t('programme.ics')}</a>
          {actions?.(p)}
        </div>
      </header>
      <nav className="programme-tabs" aria-label={t('programme.tabs')}>
        {tabs.map(([key, to, label]) => (
          <Link key={key} to={to} aria-current={key === section ? 'page' : undefined}>
            {label}
          </Link>
        ))}
      </nav>
      {title ? <h2 className="programme-section-title">{title}</h2> : null}
      {children(p, programme.reload)}
    </div>
  );
}

function Back() {
  const { t } = useI18n();
  return (
    <p className="breadcrumb">
      <Link to="/programmes">
        <span aria-hidden="true">← </span>
        {t('programme.back')}
      </Link>
    </p>
  );
}

/** A row field's visible label (« Nom »), named for screen readers with its row (« Nom (phase 2) »). */
export function RowLabel({ text, what, n }: { text: string; what: string; n: number | string }) {
  const { t } = useI18n();
  return (
    <>
      {text}
      <span className="visually-hidden"> {t('programme.form.row', { what, n })}</span>
    </>
  );
}

/** Keys for the rows of an editor (React needs them stable while rows move or go). */
let lastKey = 0;
export const nextKey = () => ++lastKey;

/** An empty text as null, else a number (NaN when it is not one: the caller says so on the field). */
export const numberOrNull = (text: string): number | null =>
  text.trim() === '' ? null : Number(text.replace(',', '.'));

/**
 * The submit of a form that saves through the API: field errors (the client's or the server's, by path such as
 * `phases.1.endsOn`) on their fields with the focus on the first one; other failures in an alert; « Enregistré. » after.
 */
export function useSaveForm() {
  const { locale } = useI18n();
  const errorText = useErrorText();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusInvalid = useFocusFirstInvalid(formRef);

  /** Shows errors found before calling the API; true when there were some. */
  const refuse = (found: Record<string, string>) => {
    setSaved(false);
    setFailure(null);
    setErrors(found);
    if (Object.keys(found).length === 0) return false;
    focusInvalid();
    return true;
  };

  const run = async <T,>(call: () => Promise<T>, onDone: (result: T) => void) => {
    setErrors({});
    setFailure(null);
    setSaved(false);
    setSaving(true);
    try {
      const result = await call();
      setSaved(true);
      onDone(result);
    } catch (error) {
      const apiError = asApiError(error);
      const texts = fieldTexts(apiError, locale);
      if (Object.keys(texts).length) {
        setErrors(texts);
        focusInvalid();
      } else {
        setFailure(errorText(apiError));
      }
    } finally {
      setSaving(false);
    }
  };
  return { errors, err: (field: string) => errors[field], failure, saving, saved, formRef, refuse, run };
}

/**
 * The summary above a form: « Le formulaire contient des erreurs », with the errors of fields the form does not
 * show (e.g. `phases`); a failure; or « Enregistré. ».
 */
export function FormStatus({
  form,
  shown,
}: {
  form: { errors: Record<string, string>; failure: string | null; saved: boolean };
  /** Whether the form shows this field's error beside it. */
  shown: (field: string) => boolean;
}) {
  const { t } = useI18n();
  const other = Object.entries(form.errors).filter(([f]) => !shown(f));
  return (
    <>
      {Object.keys(form.errors).length ? (
        <Alert>
          {t('programme.form.invalid')}
          {other.map(([f, m]) => (
            <span key={f}> {m}</span>
          ))}
        </Alert>
      ) : null}
      {form.failure ? <Alert>{form.failure}</Alert> : null}
      {form.saved ? <Alert kind="success">{t('programme.form.saved')}</Alert> : null}
    </>
  );
}
