/**
 * The two spaces of a Conflux network: Core space (CIP-37 base32 addresses, `cfx_` JSON-RPC) and
 * eSpace (EVM-compatible: 0x addresses, `eth_` JSON-RPC). Every part of the wallet names them with
 * this one type.
 * @module
 */

export type Space = 'core' | 'espace';

export const SPACES: readonly Space[] = ['core', 'espace'];

/** True for `'core'` or `'espace'`. */
export function isSpace(value: unknown): value is Space {
  return value === 'core' || value === 'espace';
}
