import { z } from 'zod';
import { request } from './define';
import type { AppInfo } from '../model/app';

export const appRequests = {
  /** Version, host kind and where the mirror lives: the first thing the UI shows. */
  'app.info': request<AppInfo>()(z.object({}).strict()),
};
