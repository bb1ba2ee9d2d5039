import { useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { type ActionView, type ProgrammeDetail, programmeRoutes } from '../../../src/modules/programmes/contract';
import { type ActionStatus, actionStatuses } from '../../../src/modules/programmes/vocabulary';
import { asApiError, callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { Alert, ApiErrorAlert, Loading, useErrorText } from '../ui/feedback';
import { TableWrap } from '../ui/TableWrap';
import { ActionForm } from './ActionForm';
import { formatDay, ProgrammeShell, StatusBadge } from './parts';

/** The action plan of a programme, filtered (status, late included; phase; territory) from the URL. */
export function PlanPage() {
  const { t } = useI18n();
  return (
    <ProgrammeShell section="plan" title={t('programme.plan.title')}>
      {(p) => <Plan p={p} />}
    </ProgrammeShell>
  );
}

const statusFilters = [...actionStatuses, 'late'] as const;
type StatusFilter = (typeof statusFilters)[number];

function Plan({ p }: { p: ProgrammeDetail }) {
  const { t, tn } = useI18n();
  const { user } = useSession();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('statut') ?? '';
  const status = (statusFilters as readonly string[]).includes(statusParam) ? (statusParam as StatusFilter) : undefined;
  const phaseId = p.phases.some((ph) => ph.id === params.get('phase')) ? (params.get('phase') ?? undefined) : undefined;
  const territoryId = p.territories.some((tr) => tr.id === params.get('territoire'))
    ? (params.get('territoire') ?? undefined)
    : undefined;
  const actions = useApiQuery(
    programmeRoutes.actions,
    { params: { id }, query: { status, phaseId, territoryId } },
    { enabled: Boolean(user) },
  );
  const [editing, setEditing] = useState<ActionView | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  if (!user) return <p className="muted">{t('programme.plan.signIn')}</p>;
  const items = actions.data?.items;
  return (
    <>
      <div className="card programme-filters">
        <div className="field">
          <label htmlFor="plan-status">{t('programme.plan.status')}</label>
          <select id="plan-status" value={status ?? ''} onChange={(e) => set('statut', e.target.value)}>
            <option value="">{t('programme.plan.allStatuses')}</option>
            {statusFilters.map((s) => (
              <option key={s} value={s}>
                {t(`programme.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="plan-phase">{t('programme.plan.phase')}</label>
          <select id="plan-phase" value={phaseId ?? ''} onChange={(e) => set('phase', e.target.value)}>
            <option value="">{t('programme.plan.allPhases')}</option>
            {p.phases.map((ph) => (
              <option key={ph.id} value={ph.id}>
                {ph.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="plan-territory">{t('programme.plan.territory')}</label>
          <select id="plan-territory" value={territoryId ?? ''} onChange={(e) => set('territoire', e.target.value)}>
            <option value="">{t('programme.plan.allTerritories')}</option>
            {p.territories.map((tr) => (
              <option key={tr.id} value={tr.id}>
                {tr.name}
              </option>
            ))}
          </select>
        </div>
        {p.canEdit && editing === null ? (
          <button
            type="button"
            className="button programme-add-action"
            onClick={() => {
              setNotice(null);
              setEditing('new');
            }}
          >
            {t('programme.plan.add')}
          </button>
        ) : null}
      </div>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {editing !== null ? (
        <ActionForm
          key={editing === 'new' ? 'new' : editing.id}
          p={p}
          action={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setNotice(t('programme.plan.saved'));
            actions.reload();
          }}
        />
      ) : null}
      {actions.error ? <ApiErrorAlert error={actions.error} /> : null}
      {!items && actions.loading ? <Loading /> : null}
      {items ? (
        <>
          <h3 id="plan-results" className="results-count" aria-live="polite">
            {tn('programme.plan.count', items.length)}
          </h3>
          {items.length === 0 ? (
            <p className="muted">{t('programme.plan.empty')}</p>
          ) : (
            <TableWrap labelledBy="plan-results">
              <table className="programme-plan">
                <thead>
                  <tr>
                    <th scope="col">{t('programme.plan.col.title')}</th>
                    <th scope="col">{t('programme.plan.col.owner')}</th>
                    <th scope="col">{t('programme.plan.col.phase')}</th>
                    <th scope="col">{t('programme.plan.col.territory')}</th>
                    <th scope="col">{t('programme.plan.col.due')}</th>
                    <th scope="col">{t('programme.plan.col.status')}</th>
                    {p.canEdit ? <th scope="col">{t('programme.plan.col.actions')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {items.map((a) => (
                    <ActionRow
                      key={a.id}
                      p={p}
                      action={a}
                      onEdit={() => {
                        setNotice(null);
                        setEditing(a);
                      }}
                      onChanged={(changed) =>
                        actions.setData((v) =>
                          v ? { items: v.items.map((x) => (x.id === changed.id ? changed : x)) } : v,
                        )
                      }
                      onDeleted={() => {
                        setNotice(t('programme.plan.deleted'));
                        actions.reload();
                      }}
                    />
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </>
      ) : null}
    </>
  );
}

function ActionRow({
  p,
  action: a,
  onEdit,
  onChanged,
  onDeleted,
}: {
  p: ProgrammeDetail;
  action: ActionView;
  onEdit(): void;
  onChanged(a: ActionView): void;
  onDeleted(): void;
}) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const phase = p.phases.find((ph) => ph.id === a.phaseId)?.name;
  const territory = p.territories.find((tr) => tr.id === a.territoryId)?.name;

  const [choice, setChoice] = useState<ActionStatus>(a.status);
  useEffect(() => setChoice(a.status), [a.status]);
  const [saved, setSaved] = useState(false);
  const setStatus = async (status: ActionStatus) => {
    setFailure(null);
    setSaved(false);
    try {
      onChanged(await callApi(programmeRoutes.setActionStatus, { params: { id: a.id }, body: { status } }));
      setSaved(true);
    } catch (error) {
      setFailure(errorText(asApiError(error)));
    }
  };
  const remove = async () => {
    setFailure(null);
    try {
      await callApi(programmeRoutes.deleteAction, { params: { id: a.id } });
      onDeleted();
    } catch (error) {
      setFailure(errorText(asApiError(error)));
    }
  };

  return (
    <tr className={a.late ? 'programme-row-late' : undefined}>
      <th scope="row">
        <span className="programme-action-title">{a.title}</span>
        {a.links.length ? (
          <ul className="programme-action-links">
            {a.links.map((l) => (
              <li key={`${l.kind}-${l.id}`}>
                <Link to={linkPath(l.kind, l.id)}>{l.label}</Link>
              </li>
            ))}
          </ul>
        ) : null}
        {a.fromDecision ? (
          <p className="small muted">
            <Link to={`/evenements/${a.fromDecision.eventId}`}>
              {/* The words are left out for those who may not read that meeting's minutes. */}
              {a.fromDecision.text
                ? t('programme.plan.fromDecision', { title: a.fromDecision.eventTitle, text: a.fromDecision.text })
                : t('programme.plan.fromMeeting', { title: a.fromDecision.eventTitle })}
            </Link>
          </p>
        ) : null}
        {failure ? <Alert>{failure}</Alert> : null}
      </th>
      <td>
        {a.ownerActorId && a.ownerName ? <Link to={`/acteurs/${a.ownerActorId}`}>{a.ownerName}</Link> : null}
        {a.ownerRole ? <span className="muted small"> {a.ownerRole}</span> : null}
      </td>
      <td>{phase ?? ''}</td>
      <td>{territory ?? ''}</td>
      <td className="programme-due">{a.dueOn ? <time dateTime={a.dueOn}>{formatDay(a.dueOn, locale)}</time> : ''}</td>
      <td>
        {a.canUpdateStatus ? (
          <>
            <label className="visually-hidden" htmlFor={`status-${a.id}`}>
              {t('programme.plan.statusOf', { title: a.title })}
            </label>
            {/* Saved by its button, not on change: arrow keys move through the options one change at a time. */}
            <select id={`status-${a.id}`} value={choice} onChange={(e) => setChoice(e.target.value as ActionStatus)}>
              {actionStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`programme.status.${s}`)}
                </option>
              ))}
            </select>
            {choice !== a.status ? (
              <button type="button" className="button button-small" onClick={() => void setStatus(choice)}>
                {t('programme.plan.saveStatus')}
              </button>
            ) : null}
            <span role="status" className="small muted">
              {saved && choice === a.status ? t('programme.plan.statusSaved') : ''}
            </span>
            {a.late ? <span className="badge programme-late">{t('programme.late')}</span> : null}
          </>
        ) : (
          <StatusBadge status={a.status} late={a.late} />
        )}
      </td>
      {p.canEdit ? (
        <td className="programme-row-buttons">
          {confirming ? (
            <span>
              <span className="small">{t('programme.plan.deleteConfirm', { title: a.title })} </span>
              <button
                ref={confirmRef}
                type="button"
                className="button button-danger button-small"
                onClick={() => void remove()}
              >
                {t('programme.plan.deleteYes')}
              </button>{' '}
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => setConfirming(false)}
              >
                {t('programme.plan.deleteNo')}
              </button>
            </span>
          ) : (
            <>
              <button
                type="button"
                className="link-button"
                onClick={onEdit}
                aria-label={t('programme.plan.editNamed', { title: a.title })}
              >
                {t('programme.plan.edit')}
              </button>{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => setConfirming(true)}
                aria-label={t('programme.plan.deleteNamed', { title: a.title })}
              >
                {t('programme.plan.delete')}
              </button>
            </>
          )}
        </td>
      ) : null}
    </tr>
  );
}

const linkPath = (kind: string, id: string) =>
  kind === 'actor' ? `/acteurs/${id}` : kind === 'partnership' ? `/partenariats/${id}` : `/evenements/${id}`;
