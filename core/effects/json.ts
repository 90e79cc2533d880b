/**
 * Effects as JSON for messages between the background and the pages (chrome.runtime messages and
 * chrome.storage carry JSON, which has no bigint): every bigint becomes a `0x` quantity string, as
 * the rest of the wallet's messages carry quantities. Types follow the conversion.
 * @module
 */
import { toQuantity, type Hex } from '../encoding/hex.js';
import type { Effect } from './types.js';

/** `T` with every bigint replaced by a `0x` quantity string. */
export type Jsonified<T> = T extends bigint
  ? Hex
  : T extends readonly (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T;

export type JsonEffect = Jsonified<Effect>;

function convert(value: unknown): unknown {
  if (typeof value === 'bigint') return value < 0n ? `-${toQuantity(-value)}` : toQuantity(value);
  if (Array.isArray(value)) return value.map(convert);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v)]));
  return value;
}

/**
 * JSON-safe copies of effects (bigints as `0x` quantities; negative ABI integers as `-0x…`).
 * @example effectsToJson([{ kind: 'native_transfer', space: 'core', to, amount: 10n }])[0].amount // '0xa'
 */
export function effectsToJson(effects: readonly Effect[]): JsonEffect[] {
  return effects.map((e) => convert(e) as JsonEffect);
}
