/**
 * Building blocks for the parameter schemas of dApp methods. dApp libraries differ in small ways
 * (js-conflux-sdk sends quantities with leading zeros stripped, some dApps send numbers), so the
 * shapes here accept the spellings real libraries produce and normalize them, while bounding every
 * string, array and number.
 * @module
 */
import type { Hex } from '../../../../core/encoding/hex.js';
import { SchemaError, array, hex, json, number, oneOf, optional, string, union, type Schema } from '../../../shared/schema.js';

/** A fixed-length positional parameter list; trailing optional items may be left out. */
export function tuple<const T extends readonly Schema<unknown>[]>(...items: T): Schema<{ [K in keyof T]: T[K] extends Schema<infer V> ? V : never }> {
  return {
    parse(value, path = '') {
      const list = value === undefined || value === null ? [] : value;
      if (!Array.isArray(list)) throw new SchemaError(path, 'expected a parameter array');
      if (list.length > items.length) throw new SchemaError(path, `expected at most ${items.length} parameters`);
      return items.map((schema, i) => schema.parse(list[i], `${path}[${i}]`)) as { [K in keyof T]: T[K] extends Schema<infer V> ? V : never };
    },
  };
}

/** No parameters: absent, null, `[]` or `{}`. */
export function noParams(): Schema<void> {
  return {
    parse(value, path = '') {
      if (value === undefined || value === null) return;
      if (Array.isArray(value) && value.length === 0) return;
      if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) return;
      throw new SchemaError(path, 'expected no parameters');
    },
  };
}

/** Anything small, ignored (Fluent accepts e.g. `{ chainId }` on `cfx_accounts` and ignores it). */
export function ignoredParams(): Schema<void> {
  const bounded = json({ maxBytes: 1024 });
  return {
    parse(value, path = '') {
      if (value !== undefined) bounded.parse(value, path);
    },
  };
}

const HEX_DIGITS = /^0x[0-9a-fA-F]{1,64}$/;
/**
 * An unsigned integer up to 256 bits, as a `0x` hex string (leading zeros tolerated) or a safe
 * non-negative integer number; normalized to a canonical quantity (`0x0`, `0x1f`, …).
 */
export function uint(): Schema<Hex> {
  return {
    parse(value, path = '') {
      if (typeof value === 'number') {
        if (!Number.isSafeInteger(value) || value < 0) throw new SchemaError(path, 'expected a non-negative safe integer');
        return `0x${value.toString(16)}`;
      }
      if (typeof value !== 'string' || !HEX_DIGITS.test(value)) throw new SchemaError(path, 'expected a 0x-prefixed hex quantity');
      return `0x${BigInt(value).toString(16)}`;
    },
  };
}

/** A 32-byte hash. */
export const hash32 = (): Schema<Hex> => hex({ bytes: 32 });

/** Transaction/call `data` (bounded; contract deployments are large but finite). */
export const data = (): Schema<Hex> => hex({ maxBytes: 512 * 1024 });

/** An eSpace (Ethereum) address: 20 bytes hex, any letter case (checksums are checked elsewhere). */
export const ethAddress = (): Schema<string> => string({ pattern: /^0x[0-9a-fA-F]{40}$/ });

/**
 * A Core address as dApps send it: CIP-37 base32 (optionally verbose, any single case) or 20-byte
 * hex. Only the shape is checked here; decoding and the network match happen in the handler.
 */
export const coreAddress = (): Schema<string> => string({ min: 42, max: 120, pattern: /^([A-Za-z0-9]+:([A-Za-z.]+:)?[A-Za-z0-9]{42}|0x[0-9a-fA-F]{40})$/ });

/** Core epoch: a number or one of the named tags. */
export const epoch = (): Schema<string> =>
  union(uint(), oneOf(['latest_mined', 'latest_state', 'latest_confirmed', 'latest_checkpoint', 'latest_finalized', 'earliest']));

/** eSpace block: number, tag, or EIP-1898 `{ blockHash | blockNumber }` (passed on unchanged). */
export const blockTag = (): Schema<unknown> => union(uint(), oneOf(['latest', 'earliest', 'pending', 'safe', 'finalized']), json({ maxBytes: 512 }));

/** A JSON object passed on to a node unchanged (call/filter objects), bounded. */
export const passThroughObject = (maxBytes = 600 * 1024): Schema<unknown> => {
  const inner = json({ maxBytes });
  return {
    parse(value, path = '') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SchemaError(path, 'expected an object');
      return inner.parse(value, path);
    },
  };
};

export const bool = (): Schema<boolean> => ({
  parse(value, path = '') {
    if (typeof value !== 'boolean') throw new SchemaError(path, 'expected true or false');
    return value;
  },
});

export const percentiles = (): Schema<number[]> => array(number({ min: 0, max: 100 }), { max: 100 });
export { optional };
