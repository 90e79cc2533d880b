/**
 * The complete UI↔background API: every method the UI may call, with its parameter schema and
 * result type, and every event the background may push.
 *
 * To add methods: declare them in your own file in this folder (see app.ts and define.ts), spread
 * them into `uiMethods` below, and register handlers in the background with
 * `router.register({...})` (see extension/background/router.ts). Events: augment `UiEvents`
 * (events.ts) from your file.
 */
import type { UiMethod } from './define.js';
import { appMethods } from './app.js';
import { providerMethods } from './provider.js';
import { vaultMethods } from './vault.js';
import { chainMethods } from './chain.js';
import { sendMethods } from './sends.js';
import { crossSpaceMethods } from './crossspace.js';
import { contactsMethods } from './contacts.js';
import { namesMethods } from './names.js';
import { allowanceMethods } from './allowances.js';
import { tokenMethods } from './tokens.js';

export const uiMethods = {
  ...appMethods,
  ...providerMethods,
  ...vaultMethods,
  ...chainMethods,
  ...sendMethods,
  ...crossSpaceMethods,
  ...contactsMethods,
  ...namesMethods,
  ...allowanceMethods,
  ...tokenMethods,
} as const;

export type UiMethods = typeof uiMethods;
export type UiMethodName = keyof UiMethods;
export type UiParams<M extends UiMethodName> = UiMethods[M] extends UiMethod<infer P, unknown> ? P : never;
export type UiResult<M extends UiMethodName> = UiMethods[M] extends UiMethod<unknown, infer R> ? R : never;
export type { UiEvents } from './events.js';
