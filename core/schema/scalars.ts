/**
 * Schemas of single values: strings, numbers, booleans, literals, hex byte strings and JSON-RPC
 * quantities, plus the opaque `json()` payload and the empty `none()` parameter list.
 *
 * Threat model: see domain.ts. Every string is length-checked before a pattern runs on it, so a
 * megabyte-long hostile string costs one comparison; numbers must be finite; hex is checked for
 * its prefix, parity, bound and digits in that order.
 * @module
 */
import type { Hex } from '../encoding/hex.js';
import { isPlainObject, kindOf, type ResolvedDomain, type Schema } from './domain.js';

const HEX_BODY = /^[0-9a-fA-F]*$/;

export interface HexOptions {
  /** Exactly this many bytes. */
  readonly bytes?: number;
  /** At most this many bytes (default: the domain's `hexBytes` limit). */
  readonly maxBytes?: number;
  /** Also accept the bare digits (PoS answers of older nodes omit `0x`). */
  readonly allowPrefixless?: boolean;
}

export function scalarSchemas(d: ResolvedDomain) {
  const fail: (path: string, problem: string) => never = d.fail;

  function string(options: { max?: number; min?: number; pattern?: RegExp } = {}): Schema<string> {
    const max = options.max ?? d.limits.string;
    return {
      parse(value, path = '') {
        if (typeof value !== 'string') fail(path, `expected a string, got ${kindOf(value)}`);
        if (value.length > max) fail(path, `string longer than ${max}`);
        if (options.min !== undefined && value.length < options.min) fail(path, `string shorter than ${options.min}`);
        if (options.pattern && !options.pattern.test(value)) fail(path, 'string has the wrong format');
        return value;
      },
    };
  }

  function number(options: { integer?: boolean; min?: number; max?: number } = {}): Schema<number> {
    return {
      parse(value, path = '') {
        if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, `expected a finite number, got ${kindOf(value)}`);
        if (options.integer && !Number.isSafeInteger(value)) fail(path, 'expected a safe integer');
        if (options.min !== undefined && value < options.min) fail(path, `must be at least ${options.min}`);
        if (options.max !== undefined && value > options.max) fail(path, `must be at most ${options.max}`);
        return value;
      },
    };
  }

  function boolean(): Schema<boolean> {
    return {
      parse(value, path = '') {
        if (typeof value !== 'boolean') fail(path, `expected a boolean, got ${kindOf(value)}`);
        return value;
      },
    };
  }

  function literal<const T extends string | number | boolean | null>(expected: T): Schema<T> {
    return {
      parse(value, path = '') {
        if (value !== expected) fail(path, `expected ${JSON.stringify(expected)}`);
        return expected;
      },
    };
  }

  function oneOf<const T extends readonly (string | number)[]>(values: T): Schema<T[number]> {
    return {
      parse(value, path = '') {
        if (!values.includes(value as T[number])) fail(path, `expected one of ${values.map((v) => JSON.stringify(v)).join(', ')}`);
        return value as T[number];
      },
    };
  }

  /** A hex byte string (even number of digits). With `allowPrefixless` the result may lack `0x`. */
  function hex(options: HexOptions & { allowPrefixless: true }): Schema<string>;
  function hex(options?: HexOptions): Schema<Hex>;
  function hex(options: HexOptions = {}): Schema<string> {
    const maxBytes = options.bytes ?? options.maxBytes ?? d.limits.hexBytes;
    return {
      parse(value, path = '') {
        if (typeof value !== 'string') fail(path, `expected hex bytes, got ${kindOf(value)}`);
        let body = value;
        if (value.startsWith('0x')) body = value.slice(2);
        else if (!options.allowPrefixless) fail(path, 'expected 0x-prefixed hex');
        if (body.length % 2 !== 0) fail(path, 'hex has an odd number of digits');
        if (body.length > maxBytes * 2) fail(path, `longer than ${maxBytes} bytes`);
        if (!HEX_BODY.test(body)) fail(path, 'not hex');
        if (options.bytes !== undefined && body.length !== options.bytes * 2) fail(path, `expected ${options.bytes} bytes, got ${body.length / 2}`);
        return value;
      },
    };
  }

  /**
   * A JSON-RPC quantity: `0x` + hex digits without leading zeros (`0x0` for zero), at most `maxBits`.
   * @example quantity(64).parse('0x1a', 'result') // '0x1a'
   */
  function quantity(maxBits = 256): Schema<Hex> {
    if (!Number.isSafeInteger(maxBits) || maxBits < 1) throw new TypeError('quantity: maxBits must be a positive integer');
    const maxDigits = Math.ceil(maxBits / 4);
    return {
      parse(value, path = '') {
        if (typeof value !== 'string') fail(path, `expected a hex quantity, got ${kindOf(value)}`);
        if (!value.startsWith('0x')) fail(path, 'quantity lacks 0x prefix');
        const body = value.slice(2);
        if (body.length > maxDigits) fail(path, `quantity wider than ${maxBits} bits`);
        if (body.length === 0 || !HEX_BODY.test(body)) fail(path, 'not a hex quantity');
        if (body.length > 1 && body[0] === '0') fail(path, 'quantity has leading zeros');
        if (BigInt(value) >> BigInt(maxBits) !== 0n) fail(path, `quantity wider than ${maxBits} bits`);
        return value as Hex;
      },
    };
  }

  /** Anything JSON-shaped up to a size bound, returned as a fresh copy (for payloads checked later). */
  function json(options: { maxBytes?: number } = {}): Schema<unknown> {
    const maxBytes = options.maxBytes ?? 512 * 1024;
    return {
      parse(value, path = '') {
        let text: string | undefined;
        try {
          text = JSON.stringify(value);
        } catch {
          // cycles, bigints, throwing getters and nesting deeper than the stack
          fail(path, 'not JSON-serialisable');
        }
        if (text === undefined) fail(path, 'not JSON-serialisable');
        if (text.length > maxBytes) fail(path, `larger than ${maxBytes} bytes`);
        return JSON.parse(text) as unknown;
      },
    };
  }

  /** No parameters: accepts `undefined`, `null` or `{}`. */
  function none(): Schema<void> {
    return {
      parse(value, path = '') {
        if (value === undefined || value === null) return;
        if (isPlainObject(value) && Object.keys(value).length === 0) return;
        fail(path, 'expected no parameters');
      },
    };
  }

  return { string, number, boolean, literal, oneOf, hex, quantity, json, none };
}
