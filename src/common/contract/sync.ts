import { z } from 'zod';
import { request } from './define';
import type { SyncStatus } from '../model/sync';

export const syncRequests = {
  'sync.status': request<SyncStatus>()(z.object({}).strict()),
  /** Start a cycle at once (or as soon as the running one ends). */
  'sync.now': request<SyncStatus>()(z.object({}).strict()),
  'sync.setPaused': request<SyncStatus>()(z.object({ paused: z.boolean() }).strict()),
  /** The local copy is damaged: move its file aside and download everything again (settings stay). */
  'sync.rebuildMirror': request<SyncStatus>()(z.object({}).strict()),
};
