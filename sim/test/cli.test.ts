import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');

describe('npm run sim (sim/cli.ts)', () => {
  it('prints one JSON line with the URL, account host, API base URL, token and OAuth client, and serves it', async () => {
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        join(ROOT, 'sim', 'cli.ts'),
        '--seed',
        '3',
        '--leads',
        '20',
        '--contacts',
        '10',
        '--port',
        '0',
        '--json',
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.setEncoding('utf8');
        child.stdout.on('data', (chunk: string) => {
          out += chunk;
          const nl = out.indexOf('\n');
          if (nl >= 0) resolve(out.slice(0, nl));
        });
        child.once('exit', (code) => reject(new Error(`cli exited with ${code}`)));
      });
      const info = JSON.parse(line);
      expect(info).toMatchObject({ host: 'demo.kommo.com', subdomain: 'demo' });
      expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(info.apiBaseUrl).toBe(`${info.url}/a/demo`);
      for (const key of ['longLivedToken', 'clientId', 'clientSecret', 'redirectUri', 'consentUrl'])
        expect(info[key]).toEqual(expect.any(String));
      const res = await fetch(`${info.apiBaseUrl}/api/v4/leads?limit=250`, { headers: { Authorization: `Bearer ${info.longLivedToken}` } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { _embedded: { leads: unknown[] } })._embedded.leads).toHaveLength(20);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
