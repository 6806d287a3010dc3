import type { HostApi } from '../../../shared/contract';

/** The renderer's one seam to its host (Electron preload or the web preview's bridge): exactly the contract. */
export type Host = HostApi;
