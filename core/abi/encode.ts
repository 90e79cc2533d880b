/**
 * ABI encoding of calls whose arguments are all static words (uint, address, bytesN, bool): the
 * calldata the wallet builds itself for internal contracts, name-service look-ups and the like.
 *
 * Threat model: the values come from the wallet's own planners, but each is still range-checked so
 * a bad amount or a wrong-length address fails loudly instead of being truncated into a valid
 * looking word. Dynamic types are not supported here on purpose (nothing the wallet builds needs
 * them); decoding stays with decode.ts.
 * Spec: https://docs.soliditylang.org/en/latest/abi-spec.html
 * @module
 */
import { bytesToHex, concatBytes, hexToBytes, MAX_UINT256, type Hex } from '../encoding/hex.js';
import { AbiError } from './errors.js';

/** One static argument, tagged with its ABI type. */
export type StaticArgument =
  | { type: 'uint256'; value: bigint }
  | { type: 'address'; value: Uint8Array }
  | { type: 'bytes20' | 'bytes32'; value: Uint8Array }
  | { type: 'bool'; value: boolean };

function word(arg: StaticArgument): Uint8Array {
  const out = new Uint8Array(32);
  switch (arg.type) {
    case 'uint256': {
      if (typeof arg.value !== 'bigint' || arg.value < 0n || arg.value > MAX_UINT256) throw new AbiError('abi.type', 'uint256 argument: expected a bigint in 0..2^256-1');
      let v = arg.value;
      for (let i = 31; i >= 0 && v > 0n; i--) {
        out[i] = Number(v & 0xffn);
        v >>= 8n;
      }
      return out;
    }
    case 'address':
      if (!(arg.value instanceof Uint8Array) || arg.value.length !== 20) throw new AbiError('abi.type', 'address argument: expected 20 bytes');
      out.set(arg.value, 12);
      return out;
    case 'bytes20':
    case 'bytes32': {
      const size = arg.type === 'bytes20' ? 20 : 32;
      if (!(arg.value instanceof Uint8Array) || arg.value.length !== size) throw new AbiError('abi.type', `${arg.type} argument: expected ${size} bytes`);
      out.set(arg.value, 0);
      return out;
    }
    case 'bool':
      out[31] = arg.value ? 1 : 0;
      return out;
  }
}

/**
 * Calldata for `selector` (`0x` + 8 hex digits) with static arguments.
 * @example encodeStaticCall('0xc23ef031', [{ type: 'uint256', value: 10n ** 18n }]) // withdrawFromMapped(1 CFX)
 */
export function encodeStaticCall(selector: string, args: readonly StaticArgument[]): Hex {
  const head = hexToBytes(selector, 4, 'selector');
  return bytesToHex(concatBytes(head, ...args.map(word)));
}
