import type { TokenStorageKind } from '../../../common/model/connection';
import type { CoreAuthOptions, Credentials, LoadResult, TokenStore } from '../../auth';
import type { RpcChannel } from '../../host/rpc-channel';
import { registerSecret } from '../../log';
import { HOST_METHODS, type DemoAccountWire, type WorkerBoot } from './protocol';

/** A token store call's answer, with the store's kind then (Electron's keychain may change its mind). */
export interface TokenStoreAnswer<T> {
  value: T;
  kind: TokenStorageKind;
}

/**
 * The host's token store, seen from the worker. Secrets cross between the two trusted sides;
 * tokens read back are registered here too, so the worker's log masks them as the host's does.
 */
export class RemoteTokenStore implements TokenStore {
  constructor(
    private readonly channel: RpcChannel,
    private currentKind: TokenStorageKind,
  ) {}

  kind(): TokenStorageKind {
    return this.currentKind;
  }

  async load(): Promise<LoadResult> {
    const result = await this.ask<LoadResult>(HOST_METHODS.tokenLoad);
    if (result.status === 'ok') {
      registerSecret(result.credentials.accessToken);
      registerSecret(result.credentials.refreshToken);
    }
    return result;
  }

  async save(credentials: Credentials): Promise<void> {
    await this.ask(HOST_METHODS.tokenSave, credentials);
  }

  async clear(): Promise<void> {
    await this.ask(HOST_METHODS.tokenClear);
  }

  private async ask<T>(method: string, ...args: unknown[]): Promise<T> {
    const answer = await this.channel.call<TokenStoreAnswer<T>>(method, ...args);
    this.currentKind = answer.kind;
    return answer.value;
  }
}

/** createCore's `auth` for a worker: each service the host offers, as a call back to it. */
export function remoteAuthOptions(boot: WorkerBoot, channel: RpcChannel): CoreAuthOptions {
  const { services } = boot;
  return {
    tokenStore: services.tokenStore === null ? undefined : new RemoteTokenStore(channel, services.tokenStore),
    oauth: boot.oauth,
    apiBaseUrlTemplate: boot.apiBaseUrlTemplate,
    openConsent: services.openConsent
      ? async (consentUrl) => {
          const query = await channel.call<string | null>(HOST_METHODS.openConsent, consentUrl);
          return query === null ? null : new URLSearchParams(query);
        }
      : undefined,
    startDemoAccount: services.startDemoAccount
      ? async () => {
          const demo = await channel.call<DemoAccountWire>(HOST_METHODS.demoStart);
          registerSecret(demo.token);
          return { ...demo, close: () => channel.call<void>(HOST_METHODS.demoClose, demo.handle) };
        }
      : undefined,
  };
}
