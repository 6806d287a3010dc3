import { type Rng } from '../core/rng';

export type FaultStatus = 402 | 500 | 502 | 503 | 504;

/** Fault injection for one account's API (not OAuth, not control). */
export interface FaultSettings {
  /** Share of API requests answered with `errorStatus` (0..1). */
  errorRate: number;
  /**
   * 402 (the account's paid period ended) and 500 get Kommo's JSON bodies; 502/503/504 get an
   * nginx HTML page, as a gateway would send.
   */
  errorStatus: FaultStatus;
  /** Added to every API response, in real milliseconds. */
  latencyMs: number;
  /** Share of API requests whose connection is destroyed without an answer. */
  resetRate: number;
  /** Share of API responses cut short so they are not valid JSON. */
  malformedRate: number;
  /** The next N API requests fail with `failNextStatus` (deterministic, for tests). */
  failNext: number;
  failNextStatus: FaultStatus;
  resetNext: number;
  malformedNext: number;
  /** The next N API requests answer 200 with an HTML page (a captive portal or a proxy's page). */
  htmlNext: number;
  /** The next N API requests answer 200 with a JSON object without `_embedded`. */
  noEmbeddedNext: number;
}

export const NO_FAULTS: FaultSettings = {
  errorRate: 0,
  errorStatus: 500,
  latencyMs: 0,
  resetRate: 0,
  malformedRate: 0,
  failNext: 0,
  failNextStatus: 500,
  resetNext: 0,
  malformedNext: 0,
  htmlNext: 0,
  noEmbeddedNext: 0,
};

export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'error'; status: number }
  | { kind: 'reset' }
  | { kind: 'malformed' }
  | { kind: 'html' }
  | { kind: 'no_embedded' };

export class Faults {
  settings: FaultSettings = { ...NO_FAULTS };

  constructor(private readonly rng: Rng) {}

  set(partial: Partial<FaultSettings>): FaultSettings {
    this.settings = { ...this.settings, ...partial };
    return this.settings;
  }

  clear(): void {
    this.settings = { ...NO_FAULTS };
  }

  decide(): FaultDecision {
    const f = this.settings;
    if (f.resetNext > 0) {
      f.resetNext--;
      return { kind: 'reset' };
    }
    if (f.failNext > 0) {
      f.failNext--;
      return { kind: 'error', status: f.failNextStatus };
    }
    if (f.malformedNext > 0) {
      f.malformedNext--;
      return { kind: 'malformed' };
    }
    if (f.htmlNext > 0) {
      f.htmlNext--;
      return { kind: 'html' };
    }
    if (f.noEmbeddedNext > 0) {
      f.noEmbeddedNext--;
      return { kind: 'no_embedded' };
    }
    if (f.resetRate > 0 && this.rng.chance(f.resetRate)) return { kind: 'reset' };
    if (f.errorRate > 0 && this.rng.chance(f.errorRate)) return { kind: 'error', status: f.errorStatus };
    if (f.malformedRate > 0 && this.rng.chance(f.malformedRate)) return { kind: 'malformed' };
    return { kind: 'none' };
  }
}

const GATEWAY_TITLES: Record<number, string> = {
  502: '502 Bad Gateway',
  503: '503 Service Temporarily Unavailable',
  504: '504 Gateway Time-out',
};

export function gatewayPage(status: number): string {
  const title = GATEWAY_TITLES[status] ?? `${status} Error`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}
