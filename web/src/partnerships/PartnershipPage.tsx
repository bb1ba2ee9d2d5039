import { type FormEvent, useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { fieldMessage } from '../../../src/http/messages';
import {
  moveStep,
  type PartnershipDetail,
  partnershipTimeline,
  renewPartnership,
  setStatus,
} from '../../../src/modules/partnerships/contract';
import { type PartnershipStep, partnershipSteps } from '../../../src/modules/partnerships/vocabulary';
import { type ApiError, asApiError, callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { PartnershipContacts } from '../contacts/PartnershipContacts';
import { useI18n } from '../i18n';
import { Field } from '../ui/Field';
import { Alert, useErrorText } from '../ui/feedback';
import { usePageTitle } from '../ui/usePageTitle';
import { Documents } from './Documents';
import { Partners } from './Partners';
import { DateRange, ModeBadge, StatusBadge, ThemeChips, useRoutePartnership } from './parts';
import { StepPanel } from './StepPanel';
import { Timeline } from './Timeline';

export function PartnershipPage() {
  const { t } = useI18n();
  const { detail, pending } = useRoutePartnership();
  usePageTitle(detail.data?.title ?? t('partnership.page.title'));
  if (pending || !detail.data) return pending;
  return <PartnershipView key={detail.data.id} partnership={detail.data} onChange={(p) => detail.setData(p)} />;
}

function PartnershipView({
  partnership: p,
  onChange,
}: {
  partnership: PartnershipDetail;
  onChange(p: PartnershipDetail): void;
}) {
  const { t, formatDate } = useI18n();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const canEdit = p.access === 'edit';
  const showTimeline = p.access !== 'public';
  const timeline = useApiQuery(partnershipTimeline, { params: { id: p.id } }, { enabled: showTimeline });
  const [viewed, setViewed] = useState<PartnershipStep>(p.currentStep);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [forcing, setForcing] = useState(false);
  // Page-level news: a status change, a refused one, or what the previous page did (saved fields, a renewal).
  const location = useLocation();
  const arrived = (location.state as { notice?: string } | null)?.notice;
  const [headNote, setHeadNote] = useState<string | null>(
    arrived === 'saved' ? t('partnership.edit.saved') : arrived === 'renewed' ? t('partnership.page.renewed') : null,
  );
  const [headError, setHeadError] = useState<ApiError | null>(null);
  // Shown once: a reload of the page does not repeat it.
  useEffect(() => {
    if (arrived) navigate(location.pathname, { replace: true, state: null });
  }, [arrived, navigate, location.pathname]);
  useEffect(() => setViewed(p.currentStep), [p.currentStep]);

  /** Every write answers the partnership as it now is; the timeline follows. */
  const changed = (next: PartnershipDetail, note: string | null = null) => {
    onChange(next);
    setError(null);
    setMessage(note);
    setHeadNote(null);
    setHeadError(null);
    if (showTimeline) timeline.reload();
  };
  const fail = (e: unknown) => {
    setMessage(null);
    setError(asApiError(e));
  };

  const index = partnershipSteps.indexOf(p.currentStep);
  const next = partnershipSteps[index + 1];
  const previous = index > 0 ? partnershipSteps[index - 1] : undefined;
  const go = async (to: PartnershipStep, reason?: string) => {
    try {
      const result = await callApi(moveStep, { params: { id: p.id }, body: reason ? { to, reason } : { to } });
      changed(result, t('partnership.page.moved', { step: t(`step.${to}`) }));
      setForcing(false);
    } catch (e) {
      fail(e);
    }
  };
  const statusConfirm = {
    completed: 'partnership.page.completeConfirm',
    abandoned: 'partnership.page.abandonConfirm',
    active: 'partnership.page.reopenConfirm',
  } as const;
  const status = async (value: 'active' | 'completed' | 'abandoned') => {
    if (!window.confirm(t(statusConfirm[value]))) return;
    try {
      changed(await callApi(setStatus, { params: { id: p.id }, body: { status: value } }));
      setHeadError(null);
      setHeadNote(t('partnership.page.statusChanged', { status: t(`partnership.status.${value}`) }));
    } catch (e) {
      setHeadNote(null);
      setHeadError(asApiError(e));
    }
  };
  const renew = async () => {
    if (!window.confirm(t('partnership.page.renewConfirm'))) return;
    try {
      const created = await callApi(renewPartnership, { params: { id: p.id } });
      navigate(`/partenariats/${created.id}`, { state: { notice: 'renewed' } });
    } catch (e) {
      setHeadNote(null);
      setHeadError(asApiError(e));
    }
  };
  const consents = p.partners.filter((x) => x.consented).length;

  return (
    <article className="partnership-page">
      <p className="breadcrumb">
        <Link to={p.access === 'public' ? '/vitrine' : '/partenariats'}>
          <span aria-hidden="true">← </span>
          {p.access === 'public' ? t('partnership.showcase.title') : t('partnership.page.back')}
        </Link>
      </p>
      <header className="partnership-head">
        <div>
          <h1>{p.title}</h1>
          <p className="partnership-meta">
            <ModeBadge mode={p.mode} />
            <StatusBadge status={p.status} />
            <DateRange start={p.startsOn} end={p.endsOn} />
          </p>
          <p className="partner-names">{p.partners.map((x) => x.name).join(' · ')}</p>
        </div>
        {canEdit ? (
          <div className="partnership-actions">
            <Link className="button" to={`/partenariats/${p.id}/modifier`}>
              {t('partnership.page.edit')}
            </Link>
            {p.status === 'active' ? (
              <>
                <button type="button" className="button button-secondary" onClick={() => status('completed')}>
                  {t('partnership.page.complete')}
                </button>
                <button type="button" className="button button-secondary" onClick={() => status('abandoned')}>
                  {t('partnership.page.abandon')}
                </button>
              </>
            ) : (
              <button type="button" className="button button-secondary" onClick={() => status('active')}>
                {t('partnership.page.reopen')}
              </button>
            )}
            <button type="button" className="button button-secondary" onClick={renew}>
              {t('partnership.page.renew')}
            </button>
          </div>
        ) : null}
      </header>
      {headNote ? <Alert kind="success">{headNote}</Alert> : null}
      {headError ? <Alert>{errorText(headError)}</Alert> : null}
      {p.access === 'read' ? <p className="notice">{t('partnership.page.readOnly')}</p> : null}
      {p.access !== 'public' ? (
        <>
          <p className="partnership-evaluation-link">
            <Link to={`/partenariats/${p.id}/evaluation`}>{t('evaluation.link')}</Link>
          </p>
          <p className={p.publishedAt ? 'alert alert-success' : 'notice'}>
            {p.publishedAt
              ? t('partnership.partners.published', { date: formatDate(p.publishedAt) })
              : t('partnership.partners.notPublished', { count: consents, total: p.partners.length })}
          </p>
        </>
      ) : null}

      <div className="partnership-layout">
        <div className="partnership-main">
          {p.summary ? (
            <section className="card">
              <p className="description">{p.summary}</p>
            </section>
          ) : null}

          <section className="card" aria-labelledby="steps-heading">
            <h2 id="steps-heading">{t('partnership.page.steps')}</h2>
            <ol className="stepper">
              {p.steps.map((s, i) => {
                const current = s.step === p.currentStep;
                const done = i < index;
                return (
                  <li
                    key={s.step}
                    className={`${current ? 'current' : ''}${done ? ' done' : ''}${viewed === s.step ? ' viewed' : ''}`}
                    aria-current={current ? 'step' : undefined}
                  >
                    <button type="button" onClick={() => setViewed(s.step)} aria-pressed={viewed === s.step}>
                      <span className="step-number" aria-hidden="true">
                        {done ? '✓' : i + 1}
                      </span>
                      <span className="step-name">{t(`step.${s.step}`)}</span>
                      {current ? <span className="visually-hidden"> ({t('partnership.page.current')})</span> : null}
                      {done ? <span className="visually-hidden"> ({t('partnership.page.done')})</span> : null}
                    </button>
                  </li>
                );
              })}
            </ol>
            {message ? <Alert kind="success">{message}</Alert> : null}
            {error ? <Alert>{errorText(error)}</Alert> : null}
            {canEdit && p.status === 'active' ? (
              <div className="step-moves">
                {next ? (
                  <button type="button" className="button" onClick={() => go(next)}>
                    {t('partnership.page.next')}
                  </button>
                ) : (
                  <p className="muted">{t('partnership.page.lastStep')}</p>
                )}
                {previous ? (
                  <button type="button" className="button button-secondary" onClick={() => go(previous)}>
                    {t('partnership.page.previous')}
                  </button>
                ) : null}
                {p.canOverride ? (
                  <button
                    type="button"
                    className="button button-secondary"
                    aria-expanded={forcing}
                    onClick={() => setForcing((f) => !f)}
                  >
                    {t('partnership.page.force')}
                  </button>
                ) : null}
              </div>
            ) : null}
            {forcing ? <ForceForm current={p.currentStep} onSubmit={go} onCancel={() => setForcing(false)} /> : null}
            {p.steps
              .filter((s) => s.step === viewed)
              .map((s) => (
                <StepPanel
                  key={`${s.step}-${p.updatedAt}`}
                  partnershipId={p.id}
                  record={s}
                  canEdit={canEdit}
                  showNotes={p.access !== 'public'}
                  onSaved={(d) => changed(d, t('partnership.page.saved'))}
                  onError={fail}
                />
              ))}
          </section>

          <Partners partnership={p} canEdit={canEdit} onChanged={(d) => changed(d)} />
          {p.access !== 'public' ? (
            <Documents partnership={p} canEdit={canEdit} onChanged={(d) => changed(d)} onError={fail} />
          ) : null}
          <PartnershipContacts partnershipId={p.id} />
        </div>

        <aside className="partnership-aside">
          <section className="card" aria-labelledby="facts-heading">
            <h2 id="facts-heading">{t('partnership.page.dates')}</h2>
            <dl className="facts">
              {(['startsOn', 'endsOn', 'renewalOn'] as const).map((f) =>
                p[f] ? (
                  <div key={f}>
                    <dt>{t(`partnership.page.${f}`)}</dt>
                    <dd>
                      <FormattedDate value={p[f] ?? ''} />
                    </dd>
                  </div>
                ) : null,
              )}
            </dl>
            <ThemeChips themes={p.themes} />
            {p.communes.length ? <p className="muted">{p.communes.map((c) => c.name).join(', ')}</p> : null}
          </section>
          {p.needOffer || p.project || p.alliance || p.renewedFrom ? (
            <section className="card" aria-labelledby="links-heading">
              <h2 id="links-heading">{t('partnership.page.links')}</h2>
              <dl className="facts">
                {(
                  [
                    ['need', p.needOffer, '/besoins-offres'],
                    ['project', p.project, '/projets'],
                    ['alliance', p.alliance, '/alliances'],
                    ['renewedFrom', p.renewedFrom, '/partenariats'],
                  ] as const
                ).map(([key, linked, base]) =>
                  linked ? (
                    <div key={key}>
                      <dt>{t(`partnership.page.${key}`)}</dt>
                      <dd>
                        <Link to={`${base}/${linked.id}`}>{linked.title}</Link>
                      </dd>
                    </div>
                  ) : null,
                )}
              </dl>
            </section>
          ) : null}
          {showTimeline ? <Timeline query={timeline} /> : null}
        </aside>
      </div>
    </article>
  );
}

function FormattedDate({ value }: { value: string }) {
  const { formatDate } = useI18n();
  return <>{formatDate(value)}</>;
}

/** Staff only: any step, with the reason that goes into the timeline. */
function ForceForm({
  current,
  onSubmit,
  onCancel,
}: {
  current: PartnershipStep;
  onSubmit(to: PartnershipStep, reason: string): Promise<void>;
  onCancel(): void;
}) {
  const { t, locale } = useI18n();
  const others = partnershipSteps.filter((s) => s !== current);
  const [to, setTo] = useState<PartnershipStep>(others[partnershipSteps.indexOf(current)] ?? others[0] ?? current);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError(fieldMessage('reasonRequired', locale));
      return;
    }
    setError(undefined);
    await onSubmit(to, reason.trim());
  };
  return (
    <form className="force-form" onSubmit={submit} noValidate>
      <Field id="force-to" label={t('partnership.page.forceTo')}>
        {(control) => (
          <select {...control} value={to} onChange={(e) => setTo(e.target.value as PartnershipStep)}>
            {others.map((s) => (
              <option key={s} value={s}>
                {t(`step.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="force-reason"
        label={t('partnership.page.forceReason')}
        hint={t('partnership.page.forceHint')}
        error={error}
        required
      >
        {(control) => <textarea {...control} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button">
          {t('partnership.page.forceConfirm')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('partnership.page.cancel')}
        </button>
      </div>
    </form>
  );
}
