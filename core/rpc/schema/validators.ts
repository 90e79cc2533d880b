/**
 * Result validators for JSON-RPC answers.
 *
 * A node's answer is untrusted input. Each method has one schema built from these combinators; a
 * schema either returns the value narrowed to its declared JSON type or throws a
 * {@link ResultSchemaError} naming the path of the first offending field. Values stay in their JSON
 * form (hex strings) so the same validated object can be hashed by the light client or handed to a
 * dApp unchanged; conversion to bigint happens where the value is used, with the same strict rules
 * (`quantityToBigInt`).
 *
 * The combinators are the kernel's (`core/schema/`). This domain's policy: objects allow unknown
 * keys (node versions add fields; they are never read, nor copied) but every key the wallet reads
 * is declared and checked, and an optional key may also be `null`. Strings, arrays and maps are
 * bounded so a hostile node cannot make the wallet allocate without limit even inside the response
 * byte cap.
 * @module
 */
import { WayfarerError } from '../../errors.js';
import { kindOf, schemaKit, type Schema } from '../../schema/index.js';
import { isValidEspaceAddress } from '../../address/eip55.js';
import { parseNodeCfxAddress } from './node-address.js';

/** A field of a node's answer failed its schema. Wrapped into `RpcInvalidResultError` by the client. */
export class ResultSchemaError extends WayfarerError {
  declare readonly code: 'rpc.schema';
  readonly path: string;
  readonly problem: string;
  constructor(path: string, problem: string) {
    super('rpc.schema', `${path}: ${problem}`);
    this.path = path;
    this.problem = problem;
  }
}

export type { Infer, ObjectOf, OptionalSchema, Schema } from '../../schema/index.js';

/** Hex strings longer than this are refused unless a schema allows more (bytecode, call results). */
export const DEFAULT_MAX_HEX_BYTES = 64 * 1024;
export const DEFAULT_MAX_ARRAY = 10_000;

const kit = schemaKit({
  error: (path, problem) => new ResultSchemaError(path, problem),
  owns: (error) => error instanceof ResultSchemaError,
  unknownKeys: 'drop',
  nullIsAbsent: true,
  limits: { string: 1024, array: DEFAULT_MAX_ARRAY, hexBytes: DEFAULT_MAX_HEX_BYTES },
});

export const { string, boolean, literal, nullable, optional, array, record, object, union, refine } = kit;
const fail: (path: string, problem: string) => never = kit.fail;

/**
 * A JSON-RPC quantity: `0x` + hex digits without leading zeros (`0x0` for zero), at most `maxBits`.
 * @example quantity(64).parse('0x1a', 'result') // '0x1a'
 */
export const quantity = (maxBits?: number): Schema<string> => kit.quantity(maxBits);

/**
 * `0x`-prefixed byte string. With `length`, exactly that many bytes; otherwise at most `maxBytes`.
 * @example data({ length: 32 }).parse(hash, 'result.hash')
 */
export function data(options: { length?: number; maxBytes?: number; allowPrefixless?: boolean } = {}): Schema<string> {
  return kit.hex({ ...(options.length === undefined ? {} : { bytes: options.length }), ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }), allowPrefixless: options.allowPrefixless === true });
}

/** A 32-byte hash. */
export const hash32 = (): Schema<string> => data({ length: 32 });

/**
 * A CIP-37 base32 address as nodes print it (plain or verbose form), checksum verified; any type
 * nibble (see node-address.ts for why).
 */
export function cfxAddress(): Schema<string> {
  return {
    parse(value, path = '') {
      if (typeof value !== 'string') fail(path, `expected a base32 address, got ${kindOf(value)}`);
      if (value.length > 256 || parseNodeCfxAddress(value) === undefined) fail(path, 'not a valid CIP-37 address');
      return value;
    },
  };
}

/** A 20-byte hex address (eSpace). Mixed case must carry a valid EIP-55 checksum. */
export function hexAddress(): Schema<string> {
  return {
    parse(value, path = '') {
      if (typeof value !== 'string') fail(path, `expected a hex address, got ${kindOf(value)}`);
      if (!isValidEspaceAddress(value)) fail(path, 'not a valid 20-byte hex address');
      return value;
    },
  };
}

/** A plain JSON number in a range (fee-history ratios are the only ones nodes send). */
export const jsonNumber = (options: { min: number; max: number }): Schema<number> => kit.number(options);
