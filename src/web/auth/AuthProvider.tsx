import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import type { MeAbility } from '../../shared/auth';
import type { Locale } from '../../shared/enums.js';
import { ApiError, api, onUnauthenticated, request, setCsrfToken } from '../api/client';
import type { Me, Session } from '../api/types';
import { i18next, isLocale, storedLocale } from '../i18n';
import { clearOfflineData } from '../pwa/register';

export const SESSION_KEY = ['session'] as const;

type AuthContextValue = {
  me: Me | null;
  loading: boolean;
  login: (email: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  saveLocale: (locale: Locale) => Promise<void>;
  can: (ability: MeAbility) => boolean;
};

const AuthContext = createContext<AuthContextValue | null>(null);

export async function fetchSession(): Promise<Session | null> {
  try {
    return await request<Session>('/me', { quiet401: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const session = useQuery({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
  const me = session.data?.me ?? null;

  useEffect(() => setCsrfToken(session.data?.csrfToken ?? null), [session.data]);

  const drop = useCallback(() => {
    setCsrfToken(null);
    client.setQueryData(SESSION_KEY, null);
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
  }, [client]);

  useEffect(() => {
    onUnauthenticated(drop);
    return () => onUnauthenticated(null);
  }, [drop]);

  // The device's chosen language wins; without a choice, the account's language is used.
  const meId = me?.id;
  const meLocale = me?.locale;
  useEffect(() => {
    if (!meId || !meLocale) return;
    const chosen = storedLocale();
    if (chosen && chosen !== meLocale) {
      void api.patch('/me', { locale: chosen }).catch(() => undefined);
      client.setQueryData<Session | null>(SESSION_KEY, (s) => (s ? { ...s, me: { ...s.me, locale: chosen } } : s));
    } else if (!chosen && isLocale(meLocale) && i18next.language !== meLocale) {
      void i18next.changeLanguage(meLocale);
    }
  }, [meId, meLocale, client]);

  const value = useMemo<AuthContextValue>(
    () => ({
      me,
      loading: session.isPending,
      async login(email, password) {
        const result = await api.post<Session>('/auth/login', { email, password });
        setCsrfToken(result.csrfToken);
        client.setQueryData(SESSION_KEY, result);
        return result.me;
      },
      async logout() {
        try {
          await api.post('/auth/logout');
        } finally {
          clearOfflineData();
          drop();
        }
      },
      async saveLocale(locale) {
        if (!me || me.locale === locale) return;
        await api.patch('/me', { locale });
        client.setQueryData<Session | null>(SESSION_KEY, (s) => (s ? { ...s, me: { ...s.me, locale } } : s));
      },
      can: (ability) => me?.abilities[ability] === true,
    }),
    [me, session.isPending, client, drop],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** For pages inside the signed-in shell, where a session is guaranteed. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a session');
  return me;
}
