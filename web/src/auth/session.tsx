import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { UserRole } from '../../../src/auth/roles';
import type { ResponseOf } from '../../../src/http/contract';
import { getSession, login as loginRoute, logout as logoutRoute } from '../../../src/modules/accounts/contract';
import { callApi, setCsrfToken } from '../api/client';

export type SessionView = ResponseOf<typeof getSession>;
export type SessionUser = NonNullable<SessionView['user']>;

interface Session {
  /** False until the first GET /api/v1/auth/session has answered. */
  ready: boolean;
  user: SessionUser | null;
  role: UserRole | null;
  csrfToken: string | null;
  login(email: string, password: string): Promise<SessionUser | null>;
  logout(): Promise<void>;
  /** Adopts a session returned by the API (login, accepted invitation). */
  apply(view: SessionView): void;
  refresh(): Promise<void>;
}

const Context = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(false);
  const [view, setView] = useState<SessionView>({ user: null, csrfToken: null });

  const apply = useCallback((next: SessionView) => {
    setCsrfToken(next.csrfToken);
    setView(next);
  }, []);

  const refresh = useCallback(async () => {
    try {
      apply(await callApi(getSession, {}));
    } catch {
      apply({ user: null, csrfToken: null });
    } finally {
      setReady(true);
    }
  }, [apply]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const login = useCallback(
    async (email: string, password: string) => {
      const next = await callApi(loginRoute, { body: { email, password } });
      apply(next);
      return next.user;
    },
    [apply],
  );

  const logout = useCallback(async () => {
    try {
      await callApi(logoutRoute, {});
    } finally {
      apply({ user: null, csrfToken: null });
    }
  }, [apply]);

  const value = useMemo<Session>(
    () => ({
      ready,
      user: view.user,
      role: view.user?.role ?? null,
      csrfToken: view.csrfToken,
      login,
      logout,
      apply,
      refresh,
    }),
    [ready, view, login, logout, apply, refresh],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useSession(): Session {
  const value = useContext(Context);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** Roles allowed to create actors and invite people. */
export const isStaff = (role: UserRole | null) => role === 'admin' || role === 'animator';
