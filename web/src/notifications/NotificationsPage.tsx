import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type Notification, notificationRoutes } from '../../../src/modules/notifications/contract';
import { type ApiError, asApiError, callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { Alert, ApiErrorAlert, Loading, useErrorText } from '../ui/feedback';
import { usePageTitle } from '../ui/usePageTitle';
import { announceNotificationsChanged } from './unread';
import './notifications.css';

/** `/notifications`: my notifications, newest first; each links to its page and may be marked read. */
export function NotificationsPage() {
  const { t, tn } = useI18n();
  usePageTitle(t('notifications.title'));
  const errorText = useErrorText();
  const navigate = useNavigate();
  const list = useApiQuery(notificationRoutes.list, { query: { limit: 100 } });
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState('');
  const data = list.data;

  const markRead = async (n: Notification) => {
    setError(null);
    try {
      await callApi(notificationRoutes.read, { params: { id: n.id } });
      const now = new Date().toISOString();
      list.setData((prev) =>
        prev
          ? {
              unread: Math.max(0, prev.unread - 1),
              items: prev.items.map((x) => (x.id === n.id ? { ...x, readAt: now } : x)),
            }
          : prev,
      );
      announceNotificationsChanged();
      return true;
    } catch (e) {
      setError(asApiError(e));
      return false;
    }
  };

  const markAll = async () => {
    setError(null);
    try {
      await callApi(notificationRoutes.readAll, {});
      const now = new Date().toISOString();
      list.setData((prev) =>
        prev ? { unread: 0, items: prev.items.map((x) => (x.readAt ? x : { ...x, readAt: now })) } : prev,
      );
      setStatus(t('notifications.allRead'));
      announceNotificationsChanged();
    } catch (e) {
      setError(asApiError(e));
    }
  };

  /** Following a notification's link marks it read first. */
  const open = async (e: React.MouseEvent, n: Notification) => {
    if (n.readAt || e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    await markRead(n);
    navigate(n.link);
  };

  return (
    <div className="notifications-page">
      <div className="page-head">
        <h1>{t('notifications.title')}</h1>
        {data && data.unread > 0 ? (
          <button type="button" className="button button-secondary" onClick={markAll}>
            {t('notifications.markAllRead')}
          </button>
        ) : null}
      </div>
      <p className="tagline">{t('notifications.intro')}</p>
      <p role="status" className="status-line">
        {status}
      </p>
      {error ? <Alert>{errorText(error)}</Alert> : null}
      {list.error ? <ApiErrorAlert error={list.error} /> : null}
      {!data && list.loading ? <Loading /> : null}
      {data ? <p className="muted">{tn('notifications.unread', data.unread)}</p> : null}
      {data && data.items.length === 0 ? (
        <div className="card">
          <p className="muted">{t('notifications.empty')}</p>
          <p>
            {t('notifications.emptyConsent')} <Link to="/compte#notifications">{t('notifications.settings')}</Link>
          </p>
        </div>
      ) : null}
      {data && data.items.length > 0 ? (
        <ul className="notification-list">
          {data.items.map((n) => (
            <NotificationItem key={n.id} item={n} onOpen={open} onRead={() => markRead(n)} />
          ))}
        </ul>
      ) : null}
      {data && data.items.length > 0 ? (
        <p className="small">
          <Link to="/compte#notifications">{t('notifications.settings')}</Link>
        </p>
      ) : null}
    </div>
  );
}

function NotificationItem({
  item: n,
  onOpen,
  onRead,
}: {
  item: Notification;
  onOpen(e: React.MouseEvent, n: Notification): void;
  onRead(): Promise<boolean>;
}) {
  const { t, formatDateTime } = useI18n();
  const unread = n.readAt === null;
  const link = useRef<HTMLAnchorElement>(null);
  return (
    <li className={`card notification${unread ? ' notification-unread' : ''}`}>
      <p className="notification-meta small">
        <span className="notification-kind">{t(`notifications.kind.${n.kind}`)}</span>
        <span className="muted"> · {formatDateTime(n.createdAt)}</span>
        {unread ? <span className="badge notification-new">{t('notifications.new')}</span> : null}
      </p>
      <p className="notification-title">
        <Link ref={link} to={n.link} onClick={(e) => onOpen(e, n)}>
          {n.title}
        </Link>
      </p>
      {n.body ? <p className="notification-body">{n.body}</p> : null}
      {unread ? (
        <button
          type="button"
          className="link-button small"
          onClick={async () => {
            // The button goes away once read: the focus stays on the notification.
            if (await onRead()) link.current?.focus();
          }}
        >
          {t('notifications.markRead')}
          <span className="visually-hidden"> : {n.title}</span>
        </button>
      ) : null}
    </li>
  );
}
