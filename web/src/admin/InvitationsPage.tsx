import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type UserRole, userRoles } from '../../../src/auth/roles';
import { fieldMessage } from '../../../src/http/messages';
import { createInvitation, listInvitations } from '../../../src/modules/accounts/contract';
import { getActor } from '../../../src/modules/actors/contract';
import { asApiError, callApi, fieldErrorsOf } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { type ActorChoice, ActorPicker } from '../ui/ActorPicker';
import { Field } from '../ui/Field';
import { Alert, ApiErrorAlert, Loading, useErrorText } from '../ui/feedback';
import { TableWrap } from '../ui/TableWrap';
import { useFocusFirstInvalid } from '../ui/useFocusFirstInvalid';
import { usePageTitle } from '../ui/usePageTitle';
import './admin.css';

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Animators invite members and observers; admins any role. */
const invitableRoles = (role: UserRole | null): readonly UserRole[] =>
  role === 'admin' ? userRoles : ['member', 'observer'];

export function InvitationsPage() {
  const { t, locale, formatDate } = useI18n();
  const { role } = useSession();
  const errorText = useErrorText();
  usePageTitle(t('invitations.title'));
  const invitations = useApiQuery(listInvitations, {});
  const roles = invitableRoles(role);
  const [email, setEmail] = useState('');
  const [invitedRole, setInvitedRole] = useState<UserRole>('member');
  const [actor, setActor] = useState<ActorChoice>({ id: null, text: '' });
  // ?acteur=<id> (the actor page's « invite the organisation to claim its profile »): that organisation, as a member.
  const prefillId = useSearchParams()[0].get('acteur');
  const prefill = useApiQuery(getActor, { params: { id: prefillId ?? '' } }, { enabled: prefillId !== null });
  useEffect(() => {
    if (prefill.data) setActor({ id: prefill.data.id, text: prefill.data.name });
  }, [prefill.data]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setFailure(null);
    setSuccess(null);
    const local: Record<string, string> = {};
    if (!emailPattern.test(email.trim()))
      local.email = fieldMessage(email.trim() ? 'invalidEmail' : 'required', locale);
    if (actor.text.trim() && !actor.id) local.actorId = t('users.chooseOrganisation');
    else if (invitedRole === 'member' && !actor.id) local.actorId = fieldMessage('memberNeedsActor', locale);
    setErrors(local);
    if (Object.keys(local).length) {
      focusFirstInvalid();
      return;
    }
    setBusy(true);
    try {
      const created = await callApi(createInvitation, {
        body: { email: email.trim(), role: invitedRole, actorId: actor.id },
      });
      setSuccess(t('invitations.sent', { email: created.email }));
      setEmail('');
      setActor({ id: null, text: '' });
      invitations.setData((prev) => (prev ? { items: [created, ...prev.items] } : prev));
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

  const items = invitations.data?.items ?? [];
  const pending = items.filter((i) => !i.acceptedAt);
  const accepted = items.filter((i) => i.acceptedAt);

  return (
    <div className="admin-page">
      <h1>{t('invitations.title')}</h1>
      <section className="card" aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t('invitations.invite')}</h2>
        <p className="muted">{t('invitations.intro')}</p>
        {success ? <Alert kind="success">{success}</Alert> : null}
        {failure ? <Alert>{failure}</Alert> : null}
        <form ref={formRef} className="invite-form" onSubmit={submit} noValidate>
          <div className="grid-3">
            <Field id="invite-email" label={t('invitations.email')} required error={errors.email}>
              {(control) => (
                <input
                  {...control}
                  type="email"
                  autoComplete="off"
                  value={email}
                  onChange={(e) => setEmail(e.target.value)}
                />
              )}
            </Field>
            <Field id="invite-role" label={t('users.role')} error={errors.role}>
              {(control) => (
                <select {...control} value={invitedRole} onChange={(e) => setInvitedRole(e.target.value as UserRole)}>
                  {roles.map((r) => (
                    <option key={r} value={r}>
                      {t(`role.${r}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <ActorPicker
              id="invite-actor"
              label={t('users.organisation')}
              hint={invitedRole === 'member' ? t('invitations.memberHint') : t('users.organisationHint')}
              value={actor}
              onChange={setActor}
              error={errors.actorId}
              required={invitedRole === 'member'}
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>
              {t('invitations.submit')}
            </button>
          </div>
        </form>
      </section>

      <section>
        <h2 id="pending-heading">{t('invitations.pending')}</h2>
        {invitations.error ? <ApiErrorAlert error={invitations.error} /> : null}
        {!invitations.data && invitations.loading ? <Loading /> : null}
        {invitations.data && pending.length === 0 ? <p className="muted">{t('invitations.nonePending')}</p> : null}
        {pending.length > 0 ? (
          <TableWrap labelledBy="pending-heading">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('invitations.email')}</th>
                  <th scope="col">{t('users.role')}</th>
                  <th scope="col">{t('users.organisation')}</th>
                  <th scope="col">{t('invitations.sentOn')}</th>
                  <th scope="col">{t('invitations.expires')}</th>
                </tr>
              </thead>
              <tbody>
                {pending.map((i) => {
                  const expired = new Date(i.expiresAt).getTime() < Date.now();
                  return (
                    <tr key={i.id}>
                      <td>{i.email}</td>
                      <td>{t(`role.${i.role}`)}</td>
                      <td>
                        {i.actorId && i.actorName ? <Link to={`/acteurs/${i.actorId}`}>{i.actorName}</Link> : '—'}
                      </td>
                      <td>{formatDate(i.createdAt)}</td>
                      <td>
                        {expired ? (
                          <span className="badge badge-muted">{t('invitations.expired')}</span>
                        ) : (
                          formatDate(i.expiresAt)
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        ) : null}
      </section>

      {accepted.length > 0 ? (
        <section>
          <h2 id="accepted-heading">{t('invitations.accepted')}</h2>
          <TableWrap labelledBy="accepted-heading">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('invitations.email')}</th>
                  <th scope="col">{t('users.role')}</th>
                  <th scope="col">{t('users.organisation')}</th>
                  <th scope="col">{t('invitations.acceptedOn')}</th>
                </tr>
              </thead>
              <tbody>
                {accepted.map((i) => (
                  <tr key={i.id}>
                    <td>{i.email}</td>
                    <td>{t(`role.${i.role}`)}</td>
                    <td>{i.actorName ?? '—'}</td>
                    <td>{i.acceptedAt ? formatDate(i.acceptedAt) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
      ) : null}
    </div>
  );
}
