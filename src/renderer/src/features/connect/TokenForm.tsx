import { useId, useState, type FormEvent } from 'react';
import type { MessageKey } from '../../../../common/i18n';
import type { TokenStorageKind } from '../../../../common/model/connection';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';

/** A long-lived token of a private Kommo integration, with the account's address. */
export function TokenForm({ busy, onSubmit }: { busy: boolean; onSubmit(connect: () => Promise<unknown>): void }) {
  const t = useT();
  const id = useId();
  const connectToken = useAppStore((state) => state.connectToken);
  const storage = useAppStore((state) => state.info?.tokenStorage ?? null);
  const [accountHost, setAccountHost] = useState('');
  const [token, setToken] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(async () => {
      // The token leaves the page with the request; it is not kept in the form once accepted.
      if (await connectToken(accountHost.trim(), token.trim())) setToken('');
    });
  };
  return (
    <form className="token-form" onSubmit={submit}>
      <label htmlFor={`${id}-host`}>{t('connect.token.host')}</label>
      <input
        id={`${id}-host`}
        className="input"
        placeholder="empresa.kommo.com"
        autoComplete="url"
        spellCheck={false}
        value={accountHost}
        onChange={(event) => setAccountHost(event.target.value)}
        required
      />
      <label htmlFor={`${id}-token`}>{t('connect.token.token')}</label>
      <textarea
        id={`${id}-token`}
        className="input token-input"
        rows={3}
        spellCheck={false}
        autoComplete="off"
        value={token}
        onChange={(event) => setToken(event.target.value)}
        required
        aria-describedby={`${id}-hint`}
      />
      <p id={`${id}-hint`} className="hint muted">
        {t(storageHint(storage))}
      </p>
      <button type="submit" className="button primary" disabled={busy || !accountHost.trim() || token.trim().length < 20}>
        {t('connect.token.button')}
      </button>
    </form>
  );
}

/** Where the host will keep the token, said truthfully: only the keychain is "stored securely". */
function storageHint(storage: TokenStorageKind | null): MessageKey {
  switch (storage) {
    case 'os_encrypted':
      return 'connect.token.hint';
    case 'os_weak':
      return 'connect.token.hintWeak';
    case 'file_unencrypted':
      return 'connect.token.hintPlainFile';
    case 'memory':
    case 'environment':
      return 'connect.token.hintMemory';
    default:
      // The host has not said (its app info did not arrive): claim nothing.
      return 'connect.token.hintPlain';
  }
}
