import { useEffect, useState } from 'preact/hooks';
import { api, ok, type Schemas } from './api';

export type Account = Schemas['AccountResponse'];

let me: Promise<Account> | null = null;

/**
 * The caller's account (id, KYC status, balances), read once and shared by every page; `fresh` reads it again
 * (after a trade, a deposit, a KYC submission). Own works, assets and listings are told apart by its id.
 */
export function myAccount(fresh = false): Promise<Account> {
  if (!me || fresh) {
    me = ok(api.GET('/api/v1/accounts/me'));
    me.catch(() => { me = null; });
  }
  return me;
}

export function myAccountId(): Promise<string> {
  return myAccount().then(a => a.accountId ?? '');
}

export function useMyAccountId(): string | undefined {
  const [id, setId] = useState<string | undefined>(undefined);
  useEffect(() => { myAccount().then(a => setId(a.accountId), () => undefined); }, []);
  return id;
}
