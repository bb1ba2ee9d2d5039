import { useEffect, useRef } from 'react';
import { NavLink, useLocation } from 'react-router';
import { notificationRoutes } from '../../../src/modules/notifications/contract';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { onNotificationsChanged } from './unread';
import './notifications.css';

/** Checked again every two minutes while the page stays open, and on every change of page. */
const pollMs = 120_000;

/** The header's bell: a link to `/notifications` with the number unread. */
export function NotificationBell() {
  const { t, tn } = useI18n();
  const { pathname } = useLocation();
  const list = useApiQuery(notificationRoutes.list, { query: { limit: 1 } });
  const { reload } = list;

  const first = useRef(true);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is the trigger
  useEffect(() => {
    if (first.current) first.current = false;
    else reload();
  }, [pathname]);
  useEffect(() => {
    const timer = window.setInterval(reload, pollMs);
    const stop = onNotificationsChanged(reload);
    return () => {
      window.clearInterval(timer);
      stop();
    };
  }, [reload]);

  const unread = list.data?.unread ?? 0;
  return (
    <NavLink
      to="/notifications"
      className="header-button bell"
      aria-label={unread ? tn('notifications.bellUnread', unread) : t('notifications.bell')}
      title={unread ? tn('notifications.bellUnread', unread) : t('notifications.bell')}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {unread ? (
        <span className="bell-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </NavLink>
  );
}
