import type { z } from 'zod';
import type { EventName, Events, HostApi } from '../../../shared/contract';
import type { appRequests } from '../../../shared/contract/app';
import type { authRequests } from '../../../shared/contract/auth';
import type { RequestSpec } from '../../../shared/contract/define';
import type { mirrorRequests } from '../../../shared/contract/mirror';
import type { settingsRequests } from '../../../shared/contract/settings';
import type { syncRequests } from '../../../shared/contract/sync';
import type { Result } from '../../../shared/result';

/**
 * Every request the contract declares, including the domains whose handlers are still being
 * written and so are not yet joined into `requests` (contract/index.ts). Once every domain is
 * registered this equals `Requests`, and `asHost` is a plain identity.
 */
type Declared = typeof appRequests & typeof authRequests & typeof mirrorRequests & typeof settingsRequests & typeof syncRequests;

export type HostRequestName = keyof Declared;
export type HostArgs<K extends HostRequestName> = z.input<Declared[K]['args']>;
export type HostValue<K extends HostRequestName> = Declared[K] extends RequestSpec<z.ZodType, infer V> ? V : never;

/** The renderer's one seam to its host (Electron preload or the web preview's bridge). */
export interface Host {
  request<K extends HostRequestName>(name: K, args: HostArgs<K>): Promise<Result<HostValue<K>>>;
  on<E extends EventName>(name: E, listener: (payload: Events[E]) => void): () => void;
}

/**
 * Views a contract `HostApi` as the full declared contract. A request whose domain is not
 * registered yet answers with a failure envelope (the hosts reject unknown names), which the
 * store treats like any other failure.
 */
export function asHost(api: HostApi): Host {
  return api as unknown as Host;
}
