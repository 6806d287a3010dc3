import { useId, useState, type FormEvent } from 'react';
import { isAccountHost } from '../../../../common/account-host';
import type { MessageKey } from '../../../../common/i18n';
import type { TokenStorageKind } from '../../../../common/model/connection';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';

/** The contract refuses shorter tokens; real ones are hundreds of characters. */
const MIN_TOKEN_LENGTH = 20;

/** A long-lived token of a private Kommo integration, with the account's address. */
export function TokenForm({ busy, onSubmit }: { busy: boolean; onSubmit(connect: () => Promise<unknown>): void }) {
  const t = useT();
  const id = useId();
  const connectToken = useAppStore((state) => state.connectToken);
  const storage = useAppStore((state) => state.info?.tokenStorage ?? null);
  const [accountHost, setAccountHost] = useState('');
  const [token, setToken] = useState('');
  // Checked when the rep presses Connect, with the contract's own rules, and said next to the field:
  // a disabled button with no word why leaves them guessing.
  const [problems, setProblems] = useState<{ host: boolean; token: boolean }>({ host: false, token: false });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = { host: !isAccountHost(accountHost), token: token.trim().length < MIN_TOKEN_LENGTH };
    setProblems(found);
    if (found.host || found.token) {
      document.getElementById(found.host ? `${id}-host` : `${id}-token`)?.focus();
      return;
    }
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
        aria-invalid={problems.host}
        aria-describedby={problems.host ? `${id}-host-problem` : undefined}
      />
      {problems.host && (
        <p id={`${id}-host-problem`} className="form-error">
          {t('connect.token.hostInvalid')}
        </p>
      )}
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
        aria-invalid={problems.token}
        aria-describedby={problems.token ? `${id}-token-problem ${id}-hint` : `${id}-hint`}
      />
      {problems.token && (
        <p id={`${id}-token-problem`} className="form-error">
          {t('connect.token.tokenShort')}
        </p>
      )}
      <p id={`${id}-hint`} className="hint muted">
        {t(storageHint(storage))}
      </p>
      <button type="submit" className="button primary" disabled={busy}>
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
