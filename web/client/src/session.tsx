import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { noContent } from '../../server/schemas/common.js';
import { sessionView } from '../../server/schemas/session.js';
import { api, rememberCsrfToken } from './api.js';

// The account as the server describes it; candidate groups, which it also sends, are not needed here.
export type { Account, Role } from '../../server/identity/roles.js';
import type { Account } from '../../server/identity/roles.js';

interface SessionState {
  account: Account | null | undefined; // undefined while loading
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

/** Loads who is signed in once, and offers sign-in and sign-out to every page. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [account, setAccount] = useState<Account | null | undefined>(undefined);
  useEffect(() => {
    api('GET', '/api/session', sessionView).then(
      (session) => {
        rememberCsrfToken(session.csrfToken);
        setAccount(session.account);
      },
      () => setAccount(null),
    );
  }, []);
  const signIn = useCallback(async (username: string, password: string) => {
    const session = await api('POST', '/api/session', sessionView, { username, password });
    rememberCsrfToken(session.csrfToken);
    setAccount(session.account);
  }, []);
  const signOut = useCallback(async () => {
    await api('DELETE', '/api/session', noContent).catch(() => undefined);
    setAccount(null);
  }, []);
  return <SessionContext.Provider value={{ account, signIn, signOut }}>{children}</SessionContext.Provider>;
}

/** The session of the page. */
export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
