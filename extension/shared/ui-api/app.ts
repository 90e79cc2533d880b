/**
 * UI methods about the background itself.
 */
import { none } from '../schema.js';
import { uiMethod } from './define.js';

export interface AppInfo {
  version: string;
  /** When this service-worker instance started (ms since epoch); changes after a restart. */
  startedAt: number;
}

export const appMethods = {
  'app.info': uiMethod<AppInfo>()(none()),
} as const;
