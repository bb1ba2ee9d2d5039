import { useId, useState } from 'react';
import { Link } from 'react-router';
import {
  actorContacts,
  type ContactPage,
  type ContactView,
  deleteContact,
  type NextStepView,
  partnershipContacts,
  patchNextStep,
} from '../../../src/modules/contacts/contract';
import { type ApiError, asApiError, callApi } from '../api/client';
import { type ApiQuery, useApiQuery } from '../api/useApi';
import { isStaff, useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { Alert, ApiErrorAlert, useErrorText } from '../ui/feedback';
import { ContactForm } from './ContactForm';
import './contacts.css';

const pageStep = 10;

/** A `YYYY-MM-DD` calendar date as local noon, so that formatting never shifts it by a time zone. */
export const localDay = (date: string) => `${date}T12:00:00`;

/**
 * The contact log of an actor (`actorId`) or of a partnership (`partnershipId`): a timeline, newest first, with
 * « Consigner un échange » for those who may log one. Renders nothing for a viewer who may read none.
 */
export function ContactLog(props: { actorId: string } | { partnershipId: string }) {
  const { user } = useSession();
  const { t } = useI18n();
  const headingId = useId();
  const [pageSize, setPageSize] = useState(pageStep);
  const [formOpen, setFormOpen] = useState(false);
  const [status, setStatus] = useState('');
  const actorId = 'actorId' in props ? props.actorId : undefined;
  const partnershipId = 'partnershipId' in props ? props.partnershipId : undefined;
  const query = { pageSize };
  const byActor = useApiQuery(
    actorContacts,
    { params: { id: actorId ?? '' }, query },
    { enabled: user !== null && actorId !== undefined },
  );
  const byPartnership = useApiQuery(
    partnershipContacts,
    { params: { id: partnershipId ?? '' }, query },
    { enabled: user !== null && partnershipId !== undefined },
  );
  const list: ApiQuery<ContactPage> = actorId !== undefined ? byActor : byPartnership;

  if (!user) return null;
  if (list.error)
    return list.error.status === 404 || list.error.status === 403 ? null : <ApiErrorAlert error={list.error} />;
  const page = list.data;
  if (!page || (page.items.length === 0 && !page.canLog)) return null;

  const saved = () => {
    setFormOpen(false);
    setStatus(t('contact.saved'));
    list.reload();
  };

  return (
    <section className="card contact-log" aria-labelledby={headingId}>
      <div className="contact-log-head">
        <h2 id={headingId}>{t('contact.journal')}</h2>
        {page.canLog && !formOpen ? (
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              setStatus('');
              setFormOpen(true);
            }}
          >
            {t('contact.log')}
          </button>
        ) : null}
      </div>
      <p className="muted small">{actorId ? t('contact.journalIntro') : t('contact.partnershipIntro')}</p>
      <p className="status-line" role="status">
        {status}
      </p>
      {formOpen ? (
        <ContactForm
          {...(actorId !== undefined ? { actorId } : { partnershipId: partnershipId ?? '' })}
          onSaved={saved}
          onCancel={() => setFormOpen(false)}
        />
      ) : null}
      {page.items.length === 0 ? <p className="muted">{t('contact.none')}</p> : null}
      {page.items.length > 0 ? (
        <ol className="contact-timeline">
          {page.items.map((c) => (
            <ContactItem
              key={c.id}
              contact={c}
              showActor={partnershipId !== undefined}
              {...(actorId !== undefined ? { actorId } : { partnershipId: partnershipId ?? '' })}
              onChanged={(message) => {
                setStatus(message);
                list.reload();
              }}
            />
          ))}
        </ol>
      ) : null}
      {page.total > page.items.length ? (
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={list.loading}
          onClick={() => setPageSize((n) => Math.min(100, n + pageStep))}
        >
          {t('contact.more')}
        </button>
      ) : null}
    </section>
  );
}

function ContactItem({
  contact: c,
  showActor,
  actorId,
  partnershipId,
  onChanged,
}: {
  contact: ContactView;
  showActor: boolean;
  actorId?: string;
  partnershipId?: string;
  onChanged(message: string): void;
}) {
  const { t, formatDateTime } = useI18n();
  const { user, role } = useSession();
  const errorText = useErrorText();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const restricted = c.notes === null;

  if (editing) {
    return (
      <li className="contact-item">
        <ContactForm
          {...(actorId !== undefined ? { actorId } : { partnershipId: partnershipId ?? '' })}
          contact={c}
          onSaved={() => {
            setEditing(false);
            onChanged(t('contact.saved'));
          }}
          onCancel={() => setEditing(false)}
        />
      </li>
    );
  }

  const remove = async () => {
    if (!window.confirm(t('contact.deleteConfirm', { subject: c.subject }))) return;
    try {
      await callApi(deleteContact, { params: { id: c.id } });
      onChanged(t('contact.deleted'));
    } catch (e) {
      setError(asApiError(e));
    }
  };

  const mayClose = (s: NextStepView) => isStaff(role) || s.ownerId === user?.id || c.authorId === user?.id;

  return (
    <li className="contact-item">
      <p className="contact-when">
        <span className={`contact-kind contact-kind-${c.kind}`}>{t(`contact.kind.${c.kind}`)}</span>{' '}
        <time dateTime={c.occurredAt}>{formatDateTime(c.occurredAt)}</time>
      </p>
      <h3 className="contact-subject">{c.subject}</h3>
      {showActor ? (
        <p className="contact-meta">
          {t('contact.with')}
          <Link to={`/acteurs/${c.actorId}`}>{c.actorName}</Link>
        </p>
      ) : null}
      {!showActor && c.partnershipId ? (
        <p className="contact-meta">
          {t('contact.about')}
          <Link to={`/partenariats/${c.partnershipId}`}>{c.partnershipTitle}</Link>
        </p>
      ) : null}
      {restricted ? (
        <p className="muted small">{t('contact.restricted')}</p>
      ) : (
        <>
          {c.people ? (
            <p className="contact-meta">
              <span className="contact-label">{t('contact.people')} : </span>
              {c.people}
            </p>
          ) : null}
          {c.notes ? <p className="contact-notes">{c.notes}</p> : null}
        </>
      )}
      {c.nextSteps.length > 0 ? (
        <div className="contact-next">
          <h4>{t('contact.nextSteps')}</h4>
          <ul>
            {c.nextSteps.map((s) => (
              <NextStepLine key={s.id} step={s} editable={!restricted && mayClose(s)} onChanged={onChanged} />
            ))}
          </ul>
        </div>
      ) : null}
      {error ? <Alert>{errorText(error)}</Alert> : null}
      <div className="contact-foot">
        {c.authorName ? <span className="muted small">{t('contact.loggedBy', { name: c.authorName })}</span> : null}
        {c.canEdit ? (
          <span className="contact-actions">
            <button type="button" className="link-button" onClick={() => setEditing(true)}>
              {t('contact.edit')}
              <span className="visually-hidden"> « {c.subject} »</span>
            </button>
            <button type="button" className="link-button contact-delete" onClick={remove}>
              {t('contact.delete')}
              <span className="visually-hidden"> « {c.subject} »</span>
            </button>
          </span>
        ) : null}
      </div>
    </li>
  );
}

function NextStepLine({
  step: s,
  editable,
  onChanged,
}: {
  step: NextStepView;
  editable: boolean;
  onChanged(message: string): void;
}) {
  const { t, formatDate } = useI18n();
  const errorText = useErrorText();
  const checkboxId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const done = s.doneAt !== null;
  const description = s.description ?? t('contact.hiddenStep');
  const details = [
    s.ownerName,
    done && s.doneAt ? t('contact.doneOn', { date: formatDate(s.doneAt) }) : null,
    !done && s.dueOn ? t('contact.due', { date: formatDate(localDay(s.dueOn)) }) : null,
  ].filter(Boolean);

  const toggle = async () => {
    setBusy(true);
    setError(null);
    try {
      await callApi(patchNextStep, { params: { id: s.id }, body: { done: !done } });
      onChanged('');
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className={done ? 'contact-step-done' : undefined}>
      <span className="contact-step-text">
        {done ? <del>{description}</del> : description}
        {details.length ? <span className="muted small"> — {details.join(' · ')}</span> : null}
      </span>
      {editable ? (
        <span className="contact-step-check">
          <input id={checkboxId} type="checkbox" checked={done} disabled={busy} onChange={toggle} />
          <label htmlFor={checkboxId}>
            {t('contact.done')}
            <span className="visually-hidden"> : {description}</span>
          </label>
        </span>
      ) : null}
      {error ? <Alert>{errorText(error)}</Alert> : null}
    </li>
  );
}
