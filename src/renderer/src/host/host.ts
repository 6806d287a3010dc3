import type { HostApi } from '../../../common/contract';

/** The renderer's one seam to its host (Electron preload or the web preview's bridge): exactly the contract. */
export type Host = HostApi;
