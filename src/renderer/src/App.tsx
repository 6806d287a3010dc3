import { useEffect, useState } from 'react';
import type { HostApi } from '../../shared/contract';
import type { AppInfo } from '../../shared/model/app';
import type { HostError } from '../../shared/result';

export function App({ host }: { host: HostApi }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<HostError | null>(null);

  useEffect(() => {
    void host.request('app.info', {}).then((result) => {
      if (result.ok) setInfo(result.value);
      else setError(result.error);
    });
  }, [host]);

  return (
    <main className="about">
      <h1>Kommo Mirror</h1>
      {error && <p role="alert">{error.message}</p>}
      {info && (
        <dl aria-label="About this mirror">
          <dt>Version</dt>
          <dd data-testid="app-version">{info.version}</dd>
          <dt>Database</dt>
          <dd data-testid="database-path">{info.databasePath}</dd>
          <dt>Schema version</dt>
          <dd data-testid="schema-version">{info.schemaVersion}</dd>
        </dl>
      )}
    </main>
  );
}
