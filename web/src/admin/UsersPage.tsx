import { useRef, useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import { type UserRole, userRoles } from '../../../src/auth/roles';
import { fieldMessage } from '../../../src/http/messages';
import { listUsers, updateUser, type userView } from '../../../src/modules/accounts/contract';
import { asApiError, callApi, fieldErrorsOf } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { type ActorChoice, ActorPicker } from '../ui/ActorPicker';
import { Field } from '../ui/Field';
import { Alert, ApiErrorAlert, Loading, useErrorText } from '../ui/feedback';
import { useFocusFirstInvalid } from '../ui/useFocusFirstInvalid';
import { usePageTitle } from '../ui/usePageTitle';
import './admin.css';

type User = z.infer<typeof userView>;

export function UsersPage() {
  const { t, tn } = useI18n();
  usePageTitle(t('users.title'));
  const users = useApiQuery(listUsers, {});
  const [status, setStatus] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const items = (users.data?.items ?? []).filter((u) => {
    const q = filter.trim().toLowerCase();
    return !q || `${u.displayName} ${u.email} ${u.actorName ?? ''}`.toLowerCase().includes(q);
  });
  const replace = (user: User) =>
    users.setData((prev) => (prev ? { items: prev.items.map((u) => (u.id === user.id ? user : u)) } : prev));

  return (
    <div className="admin-page">
      <div className="page-head">
        <h1>{t('users.title')}</h1>
        <Link to="/admin/invitations" className="button">
          {t('invitations.invite')}
        </Link>
      </div>
      <p role="status" className="status-line">
        {status}
      </p>
      {users.error ? <ApiErrorAlert error={users.error} /> : null}
      {!users.data && users.loading ? <Loading /> : null}
      {users.data ? (
        <>
          <div className="table-tools">
            <label htmlFor="users-filter">{t('users.filter')}</label>
            <input id="users-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
            <span className="muted">{tn('users.count', items.length)}</span>
          </div>
          <ul className="user-list">
            {items.map((u) => (
              <UserRow key={u.id} user={u} onSaved={replace} onStatus={setStatus} />
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

function UserRow({ user, onSaved, onStatus }: { user: User; onSaved(u: User): void; onStatus(s: string): void }) {
  const { t, formatDateTime } = useI18n();
  const session = useSession();
  const errorText = useErrorText();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const self = session.user?.id === user.id;

  const toggleDisabled = async () => {
    setError(null);
    try {
      const saved = await callApi(updateUser, { params: { id: user.id }, body: { disabled: !user.disabled } });
      onSaved(saved);
      onStatus(t(saved.disabled ? 'users.disabledDone' : 'users.enabledDone', { name: saved.displayName }));
    } catch (e) {
      setError(errorText(asApiError(e)));
    }
  };

  const formId = `user-edit-${user.id}`;
  return (
    <li className={`card user-row${user.disabled ? ' user-disabled' : ''}`}>
      <div className="user-summary">
        <div className="user-identity">
          <p className="user-name">
            {user.displayName}
            {user.disabled ? <span className="badge badge-muted">{t('users.disabled')}</span> : null}
          </p>
          <p className="muted small">{user.email}</p>
        </div>
        <dl className="user-facts">
          <div>
            <dt>{t('users.role')}</dt>
            <dd>{t(`role.${user.role}`)}</dd>
          </div>
          <div>
            <dt>{t('users.organisation')}</dt>
            <dd>
              {user.actorId && user.actorName ? (
                <Link to={`/acteurs/${user.actorId}`}>{user.actorName}</Link>
              ) : (
                <span className="muted">{t('users.noOrganisation')}</span>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('users.lastLogin')}</dt>
            <dd>
              {user.lastLoginAt ? formatDateTime(user.lastLoginAt) : <span className="muted">{t('users.never')}</span>}
            </dd>
          </div>
        </dl>
        <div className="user-actions">
          <button
            type="button"
            className="button button-secondary button-small"
            aria-expanded={editing}
            aria-controls={formId}
            onClick={() => setEditing((x) => !x)}
          >
            {t('users.edit')}
            <span className="visually-hidden"> {user.displayName}</span>
          </button>
          {self ? null : (
            <button type="button" className="button button-secondary button-small" onClick={toggleDisabled}>
              {user.disabled ? t('users.enable') : t('users.disable')}
              <span className="visually-hidden"> {user.displayName}</span>
            </button>
          )}
        </div>
      </div>
      {error ? <Alert>{error}</Alert> : null}
      {editing ? (
        <UserEditForm
          id={formId}
          user={user}
          self={self}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            onSaved(saved);
            setEditing(false);
            onStatus(t('users.saved', { name: saved.displayName }));
          }}
        />
      ) : null}
    </li>
  );
}

function UserEditForm({
  id,
  user,
  self,
  onSaved,
  onCancel,
}: {
  id: string;
  user: User;
  self: boolean;
  onSaved(u: User): void;
  onCancel(): void;
}) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const [role, setRole] = useState<UserRole>(user.role);
  const [actor, setActor] = useState<ActorChoice>({ id: user.actorId, text: user.actorName ?? '' });
  const [displayName, setDisplayName] = useState(user.displayName);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const local: Record<string, string> = {};
    if (displayName.trim().length < 2) local.displayName = fieldMessage('tooShort', locale, { min: 2 });
    if (actor.text.trim() && !actor.id) local.actorId = t('users.chooseOrganisation');
    if (role === 'member' && !actor.id) local.actorId = fieldMessage('memberNeedsActor', locale);
    setErrors(local);
    if (Object.keys(local).length) {
      focusFirstInvalid();
      return;
    }
    setBusy(true);
    try {
      const saved = await callApi(updateUser, {
        params: { id: user.id },
        body: { role, actorId: actor.id, displayName: displayName.trim() },
      });
      onSaved(saved);
    } catch (err) {
      const apiError = asApiError(err);
      if (apiError.errors.length) {
        setErrors(fieldErrorsOf(apiError, locale));
        focusFirstInvalid();
      } else setFailure(errorText(apiError));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} id={id} className="user-edit" onSubmit={submit} noValidate>
      {failure ? <Alert>{failure}</Alert> : null}
      <div className="grid-3">
        <Field id={`${id}-name`} label={t('users.displayName')} error={errors.displayName} required>
          {(control) => (
            <input {...control} type="text" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
          )}
        </Field>
        <Field
          id={`${id}-role`}
          label={t('users.role')}
          error={errors.role}
          hint={self ? t('users.selfRole') : undefined}
        >
          {(control) => (
            <select {...control} value={role} disabled={self} onChange={(e) => setRole(e.target.value as UserRole)}>
              {userRoles.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <ActorPicker
          id={`${id}-actor`}
          label={t('users.organisation')}
          hint={t('users.organisationHint')}
          value={actor}
          onChange={setActor}
          error={errors.actorId}
          required={role === 'member'}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {t('common.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
