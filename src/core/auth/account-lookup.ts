import type { KommoClient } from '../kommo';
import type { Credentials } from './credentials';

/**
 * "Who am I": asks Kommo for the account and the signed-in user, and records both in the
 * session's credentials, read after the calls (they may have refreshed the tokens).
 */
export async function identify(client: KommoClient, session: { current(): Credentials }): Promise<Credentials> {
  const account = await client.getAccount();
  const userName = await userNameOf(client, account.current_user_id);
  return { ...session.current(), accountId: account.id, accountName: account.name, userId: account.current_user_id, userName };
}

/** Best effort: the users endpoint may need admin rights; the name is only for display. */
async function userNameOf(client: KommoClient, userId: number): Promise<string | null> {
  try {
    const user = await client.getUser(userId);
    return user?.name ?? null;
  } catch {
    return null;
  }
}
