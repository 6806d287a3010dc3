import { randomBytes, randomUUID } from 'node:crypto';

/**
 * Integrations, authorization codes and tokens for every account of the simulator
 * (docs/kommo-api.md §2). Integrations are simulator-wide, like a public integration installed in several
 * accounts; each authorization yields tokens bound to one account.
 */
export interface Integration {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  name: string;
}

interface AuthCode {
  clientId: string;
  subdomain: string;
  userId: number;
  expiresAt: number;
  used: boolean;
}

export interface AccessGrant {
  subdomain: string;
  clientId: string;
  userId: number;
  expiresAt: number;
  revoked: boolean;
  longLived: boolean;
  /** The refresh token issued together with this access token. */
  pairRefresh: string | null;
}

interface RefreshGrant {
  subdomain: string;
  clientId: string;
  userId: number;
  expiresAt: number;
  /** active: never superseded; superseded: rotated but still in grace; dead: spent or revoked. */
  state: 'active' | 'superseded' | 'dead';
  /** The refresh token this one was issued from: using this one ends that one's grace. */
  parent: string | null;
  used: boolean;
}

export interface TokenPair {
  token_type: 'Bearer';
  expires_in: number;
  server_time: number;
  access_token: string;
  refresh_token: string;
}

export type RefreshOutcome = { ok: true; pair: TokenPair } | { ok: false; hint: string };
export type CodeOutcome = RefreshOutcome;

export interface TokenClock {
  now(): number;
}

export interface TokenSettings {
  accessTokenTtl: number;
  refreshTokenTtl: number;
  authCodeTtl: number;
  refreshGraceEndsOn: 'new_refresh_token' | 'new_access_or_refresh_token';
}

const base64url = (s: string | Buffer): string => Buffer.from(s).toString('base64url');

export class TokenAuthority {
  readonly integrations = new Map<string, Integration>();
  private readonly codes = new Map<string, AuthCode>();
  private readonly access = new Map<string, AccessGrant>();
  private readonly refresh = new Map<string, RefreshGrant>();

  constructor(
    private readonly clock: TokenClock,
    private readonly settings: () => TokenSettings,
    private readonly accountIdOf: (subdomain: string) => number,
    private readonly baseDomainOf: (subdomain: string) => string,
  ) {}

  registerIntegration(input: { redirectUri: string; name?: string; clientId?: string; clientSecret?: string }): Integration {
    const integration: Integration = {
      clientId: input.clientId ?? randomUUID(),
      clientSecret: input.clientSecret ?? randomBytes(48).toString('base64url').slice(0, 64),
      redirectUri: input.redirectUri,
      name: input.name ?? 'Kommo Mirror',
    };
    this.integrations.set(integration.clientId, integration);
    return integration;
  }

  issueCode(clientId: string, subdomain: string, userId: number): string {
    // Real codes are long opaque "def502…" strings.
    const code = `def502${randomBytes(180).toString('hex')}`;
    this.codes.set(code, { clientId, subdomain, userId, expiresAt: this.clock.now() + this.settings().authCodeTtl, used: false });
    return code;
  }

  /** Exchanges a code (hints from docs/kommo-api.md §2.6). Client and redirect URI are checked by the caller. */
  exchangeCode(code: string, clientId: string, subdomain: string): CodeOutcome {
    const grant = this.codes.get(code);
    if (!grant) return { ok: false, hint: 'Cannot decrypt the authorization code' };
    if (grant.clientId !== clientId) return { ok: false, hint: 'Authorization code was not issued to this client' };
    if (grant.subdomain !== subdomain) return { ok: false, hint: 'Invalid account' };
    if (grant.used) return { ok: false, hint: 'Authorization code has been revoked' };
    if (this.clock.now() > grant.expiresAt) return { ok: false, hint: 'Authorization code has expired' };
    grant.used = true;
    return { ok: true, pair: this.issuePair(clientId, subdomain, grant.userId, null) };
  }

  refreshPair(token: string, clientId: string, subdomain: string): RefreshOutcome {
    const grant = this.refresh.get(token);
    if (!grant) return { ok: false, hint: 'Cannot decrypt the refresh token' };
    if (grant.clientId !== clientId) return { ok: false, hint: 'Token is not linked to client' };
    if (grant.subdomain !== subdomain) return { ok: false, hint: 'Invalid account' };
    if (grant.state === 'dead') return { ok: false, hint: 'Token has been revoked' };
    if (this.clock.now() > grant.expiresAt) return { ok: false, hint: 'Token has expired' };
    grant.used = true;
    this.endParentGrace(grant);
    // Rotation: a new pair every time; this token stays usable until the new pair is used (§2.5).
    grant.state = 'superseded';
    return { ok: true, pair: this.issuePair(clientId, subdomain, grant.userId, token) };
  }

  /** The grant behind a bearer token, or why it is refused. Using it may end a grace period. */
  authenticate(token: string, subdomain: string): AccessGrant | null {
    const grant = this.access.get(token);
    if (!grant || grant.revoked || grant.subdomain !== subdomain) return null;
    if (this.clock.now() >= grant.expiresAt) return null;
    if (grant.pairRefresh && this.settings().refreshGraceEndsOn === 'new_access_or_refresh_token') {
      const pair = this.refresh.get(grant.pairRefresh);
      if (pair) this.endParentGrace(pair);
    }
    return grant;
  }

  issueLongLived(subdomain: string, clientId: string, userId: number, ttlSeconds: number): string {
    const token = this.jwt(clientId, subdomain, userId, ttlSeconds, '');
    this.access.set(token, {
      subdomain,
      clientId,
      userId,
      expiresAt: this.clock.now() + ttlSeconds,
      revoked: false,
      longLived: true,
      pairRefresh: null,
    });
    return token;
  }

  /** Revokes every token of an account (optionally of one integration), as disabling the integration does. */
  revoke(subdomain: string, clientId?: string, options: { includeLongLived?: boolean } = {}): number {
    let count = 0;
    for (const g of this.access.values()) {
      if (g.subdomain !== subdomain || (clientId && g.clientId !== clientId) || g.revoked) continue;
      if (g.longLived && !options.includeLongLived) continue;
      g.revoked = true;
      count++;
    }
    for (const g of this.refresh.values()) {
      if (g.subdomain !== subdomain || (clientId && g.clientId !== clientId) || g.state === 'dead') continue;
      g.state = 'dead';
      count++;
    }
    return count;
  }

  revokeToken(token: string): boolean {
    const a = this.access.get(token);
    if (a) a.revoked = true;
    const r = this.refresh.get(token);
    if (r) r.state = 'dead';
    return Boolean(a ?? r);
  }

  private endParentGrace(grant: RefreshGrant): void {
    if (!grant.parent) return;
    const parent = this.refresh.get(grant.parent);
    if (parent && parent.state === 'superseded') parent.state = 'dead';
  }

  private issuePair(clientId: string, subdomain: string, userId: number, parent: string | null): TokenPair {
    const { accessTokenTtl, refreshTokenTtl } = this.settings();
    const now = this.clock.now();
    const refreshToken = `def50200${randomBytes(240).toString('hex')}`;
    const accessToken = this.jwt(clientId, subdomain, userId, accessTokenTtl, parent ? 'refresh_token' : 'authorization_code');
    this.refresh.set(refreshToken, { subdomain, clientId, userId, expiresAt: now + refreshTokenTtl, state: 'active', parent, used: false });
    this.access.set(accessToken, {
      subdomain,
      clientId,
      userId,
      expiresAt: now + accessTokenTtl,
      revoked: false,
      longLived: false,
      pairRefresh: refreshToken,
    });
    return { token_type: 'Bearer', expires_in: accessTokenTtl, server_time: now, access_token: accessToken, refresh_token: refreshToken };
  }

  /** JWT-shaped like real tokens (§2.9) so clients may read `exp`; the signature is random bytes. */
  private jwt(clientId: string, subdomain: string, userId: number, ttl: number, grantType: string): string {
    const now = this.clock.now();
    const jti = randomUUID();
    const baseDomain = this.baseDomainOf(subdomain);
    const header = { typ: 'JWT', alg: 'RS256', jti };
    const payload = {
      aud: clientId,
      jti,
      iat: now,
      nbf: now,
      exp: now + ttl,
      sub: String(userId),
      grant_type: grantType,
      account_id: this.accountIdOf(subdomain),
      base_domain: baseDomain,
      version: 2,
      scopes: ['crm', 'files', 'files_delete', 'notifications', 'push_notifications'],
      hash_uuid: randomUUID(),
      api_domain: `api-g.${baseDomain}`,
    };
    return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}.${randomBytes(256).toString('base64url')}`;
  }
}
