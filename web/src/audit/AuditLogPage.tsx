import { type FormEvent, useState } from 'react';
import type { UserRole } from '../../../src/auth/roles';
import { listUsers } from '../../../src/modules/accounts/contract';
import { type AuditEntryView, type AuditOutcome, auditRoutes } from '../../../src/modules/audit/contract';
import { type AuditKind, auditKinds } from '../../../src/modules/audit/vocabulary';
import { type ApiError, asApiError, callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { ExportLinks } from '../ui/export/ExportLinks';
import { Field } from '../ui/Field';
import { ApiErrorAlert, Loading } from '../ui/feedback';
import { TableWrap } from '../ui/TableWrap';
import { usePageTitle } from '../ui/usePageTitle';
import { useUrlFilters } from '../ui/useUrlFilters';
import './audit.css';

/** The filters as the address carries them: person, kind, action, from, to, errors only. */
const urlKeys = ['personne', 'type', 'action', 'du', 'au', 'erreurs'] as const;
type UrlKey = (typeof urlKeys)[number];
const noFilters = Object.fromEntries(urlKeys.map((k) => [k, ''])) as Record<UrlKey, string>;
const pageSize = 50;

/** The audit log (admins): filters kept in the address, newest entries first, « Afficher plus », the CSV file. */
export function AuditLogPage() {
  const { t } = useI18n();
  usePageTitle(t('audit.title'));
  const { params, setParams } = useUrlFilters();
  const value = (key: UrlKey) => params.get(key) ?? '';
  const filters = {
    ...(value('personne') ? { userId: value('personne') } : {}),
    ...(value('type') ? { kind: value('type') as AuditKind } : {}),
    ...(value('action') ? { action: value('action') } : {}),
    ...(value('du') ? { from: value('du') } : {}),
    ...(value('au') ? { to: value('au') } : {}),
    ...(value('erreurs') ? { status: 'error' as AuditOutcome } : {}),
  };
  const first = useApiQuery(auditRoutes.list, { query: { ...filters, limit: pageSize } });
  // Loaded once for the person filter (not at each filtering: reading the accounts is itself recorded).
  const users = useApiQuery(listUsers, {});
  // Older pages loaded with « Afficher plus », for the filters they were asked with.
  const [more, setMore] = useState<{ key: string; items: AuditEntryView[]; cursor: number | null }>();
  const [moreError, setMoreError] = useState<ApiError>();
  const [loadingMore, setLoadingMore] = useState(false);
  const key = JSON.stringify(filters);
  const extra = more?.key === key ? more : undefined;
  const items = [...(first.data?.items ?? []), ...(extra?.items ?? [])];
  const cursor = extra ? extra.cursor : (first.data?.nextCursor ?? null);

  const loadMore = async () => {
    if (cursor === null) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await callApi(auditRoutes.list, { query: { ...filters, cursor, limit: pageSize } });
      setMore({ key, items: [...(extra?.items ?? []), ...page.items], cursor: page.nextCursor });
    } catch (e) {
      setMoreError(asApiError(e));
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <div className="audit-page">
      <header className="page-head">
        <div>
          <h1>{t('audit.title')}</h1>
          <p className="tagline">{t('audit.intro')}</p>
        </div>
      </header>
      <AuditFilters
        key={params.toString()}
        users={users.data?.items ?? []}
        initial={(name) => value(name)}
        onApply={(next) => setParams(new URLSearchParams(Object.entries(next).filter(([, v]) => v !== '')))}
      />
      <div aria-live="polite">
        {first.error ? <ApiErrorAlert error={first.error} /> : null}
        {!first.data && first.loading ? <Loading /> : null}
      </div>
      {first.data ? (
        <section aria-labelledby="audit-results">
          <h2 id="audit-results" className="visually-hidden">
            {t('audit.tableLabel')}
          </h2>
          <ExportLinks routes={auditRoutes.exports} query={filters} />
          {items.length === 0 ? <p className="empty-state">{t('audit.empty')}</p> : <AuditTable items={items} />}
          {moreError ? <ApiErrorAlert error={moreError} /> : null}
          {cursor !== null && items.length > 0 ? (
            <p className="audit-more">
              <button type="button" className="button button-secondary" onClick={loadMore} aria-busy={loadingMore}>
                {loadingMore ? t('common.loading') : t('audit.more')}
              </button>
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

/** The filters form: applied on submit, so that typing in the action field does not reload the list each time. */
function AuditFilters({
  users,
  initial,
  onApply,
}: {
  users: { id: string; displayName: string; role: UserRole }[];
  initial(name: UrlKey): string;
  onApply(values: Record<UrlKey, string>): void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState(
    () => Object.fromEntries(urlKeys.map((k) => [k, initial(k)])) as Record<UrlKey, string>,
  );
  const set = (name: UrlKey, v: string) => setValues((prev) => ({ ...prev, [name]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(values);
  };
  const people = [...users].sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr'));

  return (
    <form className="card audit-filters" aria-label={t('audit.filters')} onSubmit={submit}>
      <Field id="audit-kind" label={t('audit.filter.kind')}>
        {(control) => (
          <select {...control} value={values.type} onChange={(e) => set('type', e.target.value)}>
            <option value="">{t('audit.filter.anyKind')}</option>
            {auditKinds.map((k) => (
              <option key={k} value={k}>
                {t(`audit.kind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="audit-user" label={t('audit.filter.user')}>
        {(control) => (
          <select {...control} value={values.personne} onChange={(e) => set('personne', e.target.value)}>
            <option value="">{t('audit.filter.anyUser')}</option>
            {people.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName} ({t(`role.${u.role}`)})
              </option>
            ))}
            {values.personne && !people.some((u) => u.id === values.personne) ? (
              <option value={values.personne}>{values.personne}</option>
            ) : null}
          </select>
        )}
      </Field>
      <Field id="audit-action" label={t('audit.filter.action')} hint={t('audit.filter.actionHint')}>
        {(control) => (
          <input {...control} type="search" value={values.action} onChange={(e) => set('action', e.target.value)} />
        )}
      </Field>
      <Field id="audit-from" label={t('audit.filter.from')}>
        {(control) => <input {...control} type="date" value={values.du} onChange={(e) => set('du', e.target.value)} />}
      </Field>
      <Field id="audit-to" label={t('audit.filter.to')}>
        {(control) => <input {...control} type="date" value={values.au} onChange={(e) => set('au', e.target.value)} />}
      </Field>
      <div className="field audit-errors">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={values.erreurs !== ''}
            onChange={(e) => set('erreurs', e.target.checked ? '1' : '')}
          />{' '}
          {t('audit.filter.errors')}
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button">
          {t('audit.filter.apply')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => onApply(noFilters)}>
          {t('audit.filter.reset')}
        </button>
      </div>
    </form>
  );
}

function AuditTable({ items }: { items: AuditEntryView[] }) {
  const { t, formatDateTime } = useI18n();
  return (
    <TableWrap labelledBy="audit-results">
      <table className="audit-table">
        <thead>
          <tr>
            <th scope="col">{t('audit.col.at')}</th>
            <th scope="col">{t('audit.col.user')}</th>
            <th scope="col">{t('audit.col.kind')}</th>
            <th scope="col">{t('audit.col.action')}</th>
            <th scope="col">{t('audit.col.target')}</th>
            <th scope="col" className="num">
              {t('audit.col.status')}
            </th>
            <th scope="col">{t('audit.col.ip')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id}>
              <td className="audit-at">{formatDateTime(e.at)}</td>
              <td>
                {e.userId === null ? (
                  <span className="muted">{t('audit.anonymous')}</span>
                ) : (
                  <>
                    {e.userName ?? t('audit.unknownUser')}
                    <span className="audit-role">
                      {e.role ? t(`role.${e.role}`) : null}
                      {e.via === 'token' ? ` · ${t('audit.via.token')}` : null}
                    </span>
                  </>
                )}
              </td>
              <td>{t(`audit.kind.${e.kind}`)}</td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>{e.targetId ? <code className="audit-target">{e.targetId}</code> : null}</td>
              <td className={`num${e.status >= 400 ? ' audit-failed' : ''}`}>
                {e.status}
                {e.status >= 400 ? <span className="visually-hidden"> ({t('audit.statusError')})</span> : null}
              </td>
              <td>{e.ip}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
