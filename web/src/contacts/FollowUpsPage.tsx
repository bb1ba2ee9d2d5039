import { useId, useState } from 'react';
import { Link } from 'react-router';
import { type FollowUp, myFollowUps, patchNextStep } from '../../../src/modules/contacts/contract';
import { type ApiError, asApiError, callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { isStaff, useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { Alert, ApiErrorAlert, Loading, useErrorText } from '../ui/feedback';
import { usePageTitle } from '../ui/usePageTitle';
import { localDay } from './ContactLog';
import './contacts.css';

type Group = 'overdue' | 'thisWeek' | 'later';
const groups: { id: Group; title: string }[] = [
  { id: 'overdue', title: 'followUps.overdue' },
  { id: 'thisWeek', title: 'followUps.thisWeek' },
  { id: 'later', title: 'followUps.later' },
];

/** `YYYY-MM-DD` n days after the given day. */
function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Overdue: before today; this week: due within the next seven days, today included; later: the rest, undated too. */
export function groupOf(item: FollowUp, today: string): Group {
  if (item.overdue) return 'overdue';
  if (item.dueOn !== null && item.dueOn <= addDays(today, 6)) return 'thisWeek';
  return 'later';
}

/** `/suivis` « Mes suivis »: my open next steps, grouped by urgency, each closed with « Fait ». */
export function FollowUpsPage() {
  const { t, tn } = useI18n();
  const { role } = useSession();
  usePageTitle(t('followUps.title'));
  const errorText = useErrorText();
  const [includeAssigned, setIncludeAssigned] = useState(false);
  const [closed, setClosed] = useState<FollowUp | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const staff = isStaff(role);
  const list = useApiQuery(myFollowUps, {
    query: { assignedByMe: staff && includeAssigned ? 'true' : undefined, pageSize: 200 },
  });
  const assignedId = useId();

  const close = async (item: FollowUp) => {
    setError(null);
    try {
      await callApi(patchNextStep, { params: { id: item.id }, body: { done: true } });
      setClosed(item);
      list.setData((previous) =>
        previous
          ? { ...previous, items: previous.items.filter((i) => i.id !== item.id), total: previous.total - 1 }
          : previous,
      );
    } catch (e) {
      setError(asApiError(e));
    }
  };

  const reopen = async () => {
    if (!closed) return;
    setError(null);
    try {
      await callApi(patchNextStep, { params: { id: closed.id }, body: { done: false } });
      setClosed(null);
      list.reload();
    } catch (e) {
      setError(asApiError(e));
    }
  };

  const data = list.data;
  return (
    <div className="follow-ups">
      <h1>{t('followUps.title')}</h1>
      <p className="tagline follow-ups-intro">{t('followUps.intro')}</p>
      {staff ? (
        <p className="follow-ups-option">
          <input
            id={assignedId}
            type="checkbox"
            checked={includeAssigned}
            onChange={(e) => setIncludeAssigned(e.target.checked)}
          />
          <label htmlFor={assignedId}>{t('followUps.assignedByMe')}</label>
        </p>
      ) : null}
      <div role="status" className="follow-ups-status">
        {closed ? (
          <p>
            {t('followUps.closed', { description: closed.description })}{' '}
            <button type="button" className="link-button" onClick={reopen}>
              {t('followUps.undo')}
            </button>
          </p>
        ) : null}
      </div>
      {error ? <Alert>{errorText(error)}</Alert> : null}
      {list.error ? <ApiErrorAlert error={list.error} /> : null}
      {!data && list.loading ? <Loading /> : null}
      {data && data.items.length === 0 ? <p className="card muted">{t('followUps.empty')}</p> : null}
      {data && data.items.length > 0
        ? groups.map((g) => {
            const items = data.items.filter((i) => groupOf(i, data.today) === g.id);
            return (
              <section key={g.id} className={`card follow-up-group follow-up-${g.id}`} aria-labelledby={`fu-${g.id}`}>
                <h2 id={`fu-${g.id}`}>
                  {t(g.title)} <span className="badge badge-muted">{tn('followUps.count', items.length)}</span>
                </h2>
                {items.length === 0 ? (
                  <p className="muted">{t('followUps.groupEmpty')}</p>
                ) : (
                  <ul className="follow-up-list">
                    {items.map((item) => (
                      <FollowUpLine key={item.id} item={item} onDone={() => close(item)} />
                    ))}
                  </ul>
                )}
              </section>
            );
          })
        : null}
    </div>
  );
}

function FollowUpLine({ item, onDone }: { item: FollowUp; onDone(): void }) {
  const { t, formatDate } = useI18n();
  const checkboxId = useId();
  const [busy, setBusy] = useState(false);
  return (
    <li className="follow-up">
      <span className="follow-up-check">
        <input
          id={checkboxId}
          type="checkbox"
          checked={false}
          disabled={busy}
          onChange={async () => {
            setBusy(true);
            try {
              await onDone();
            } finally {
              setBusy(false);
            }
          }}
        />
        <label htmlFor={checkboxId}>
          {t('contact.done')}
          <span className="visually-hidden"> : {item.description}</span>
        </label>
      </span>
      <div className="follow-up-body">
        <p className="follow-up-description">{item.description}</p>
        <p className="small">
          {item.dueOn ? (
            <span className={item.overdue ? 'follow-up-late' : undefined}>
              {t('contact.due', { date: formatDate(localDay(item.dueOn)) })}
              {item.overdue ? ` (${t('contact.overdue')})` : ''}
            </span>
          ) : (
            <span className="muted">{t('contact.noDue')}</span>
          )}
          {!item.mine ? (
            <span className="muted">
              {' · '}
              {item.ownerName ? t('followUps.assignedTo', { name: item.ownerName }) : t('followUps.unassigned')}
            </span>
          ) : null}
        </p>
        <p className="small muted">
          {t('followUps.from', {
            kind: t(`contact.kind.${item.contact.kind}`),
            date: formatDate(item.contact.occurredAt),
            subject: item.contact.subject,
          })}
        </p>
        <p className="small follow-up-links">
          <Link to={`/acteurs/${item.actor.id}`}>{item.actor.name}</Link>
          {item.partnership ? (
            <>
              {' · '}
              <Link to={`/partenariats/${item.partnership.id}`}>{item.partnership.title}</Link>
            </>
          ) : null}
        </p>
      </div>
    </li>
  );
}
