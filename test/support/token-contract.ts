/**
 * A minimal token contract for dev-node tests, assembled here from EVM opcodes (no compiler):
 * `balanceOf(address)` and `transfer(address,uint256)`, with balances in a Solidity-style mapping
 * at slot `keccak(pad32(holder) ‖ pad32(mappingIndex))`. The constructor credits the deployer with
 * the whole supply. Works in Core space and eSpace alike (CALLER is the 20-byte sender).
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bigIntToBytes, bytesToHex, concatBytes, padBytes } from '../../core/encoding/hex.js';

type Op = number | { readonly push: Uint8Array } | { readonly label: string } | { readonly ref: string };

const OP = { ADD: 0x01, SUB: 0x03, LT: 0x10, EQ: 0x14, SHR: 0x1c, SHA3: 0x20, CALLER: 0x33, CALLDATALOAD: 0x35, CODECOPY: 0x39, MSTORE: 0x52, SLOAD: 0x54, SSTORE: 0x55, JUMPI: 0x57, JUMPDEST: 0x5b, DUP1: 0x80, DUP3: 0x82, SWAP1: 0x90, SWAP2: 0x91, RETURN: 0xf3, REVERT: 0xfd };

/** PUSHn of a value (PUSH1 0 for zero: no PUSH0 before Shanghai), optionally at a fixed width. */
function push(value: bigint | number, width?: number): Op {
  const raw = bigIntToBytes(BigInt(value));
  return { push: width === undefined ? (raw.length === 0 ? Uint8Array.of(0) : raw) : padBytes(raw, width) };
}

/** Two passes: labels become JUMPDESTs, references 2-byte PUSH2 targets. */
function assemble(ops: readonly Op[]): Uint8Array {
  const size = (op: Op) => (typeof op === 'number' ? 1 : 'push' in op ? 1 + op.push.length : 'ref' in op ? 3 : 1);
  const labels = new Map<string, number>();
  let at = 0;
  for (const op of ops) {
    if (typeof op === 'object' && 'label' in op) labels.set(op.label, at);
    at += size(op);
  }
  const out: number[] = [];
  for (const op of ops) {
    if (typeof op === 'number') out.push(op);
    else if ('push' in op) out.push(0x5f + op.push.length, ...op.push);
    else if ('label' in op) out.push(OP.JUMPDEST);
    else out.push(0x61, ...padBytes(bigIntToBytes(BigInt(labels.get(op.ref)!)), 2));
  }
  return Uint8Array.from(out);
}

/** [word] → [keccak(word ‖ index)]: the mapping slot of `word`. */
const mappingSlot = (index: number): Op[] => [push(0), OP.MSTORE, push(index), push(32), OP.MSTORE, push(64), push(0), OP.SHA3];

function runtime(index: number): Uint8Array {
  return assemble([
    push(0), OP.CALLDATALOAD, push(224), OP.SHR, // [sel]
    OP.DUP1, push(0x70a08231, 4), OP.EQ, { ref: 'balanceOf' }, OP.JUMPI,
    OP.DUP1, push(0xa9059cbb, 4), OP.EQ, { ref: 'transfer' }, OP.JUMPI,
    { label: 'fail' }, push(0), push(0), OP.REVERT,
    { label: 'balanceOf' },
    push(4), OP.CALLDATALOAD, ...mappingSlot(index), OP.SLOAD, push(0), OP.MSTORE, push(32), push(0), OP.RETURN,
    { label: 'transfer' },
    OP.CALLER, ...mappingSlot(index), // [sel, fromSlot]
    OP.DUP1, OP.SLOAD, push(36), OP.CALLDATALOAD, // [sel, fromSlot, bal, amt]
    OP.DUP1, OP.DUP3, OP.LT, { ref: 'fail' }, OP.JUMPI, // bal < amt → revert
    OP.DUP1, OP.SWAP2, OP.SUB, OP.DUP3, OP.SSTORE, // from := bal − amt; [sel, fromSlot, amt]
    push(4), OP.CALLDATALOAD, ...mappingSlot(index), // [sel, fromSlot, amt, toSlot]
    OP.DUP1, OP.SLOAD, OP.DUP3, OP.ADD, OP.SWAP1, OP.SSTORE, // to += amt
    push(1), push(0), OP.MSTORE, push(32), push(0), OP.RETURN,
  ]);
}

/** Creation code: credits CALLER with `supply`, then returns the runtime. */
export function tokenCreationCode(supply: bigint, mappingIndex: number): `0x${string}` {
  const body = runtime(mappingIndex);
  const init = (offset: number) =>
    assemble([OP.CALLER, ...mappingSlot(mappingIndex), push(supply, 32), OP.SWAP1, OP.SSTORE, push(body.length, 2), push(offset, 2), push(0), OP.CODECOPY, push(body.length, 2), push(0), OP.RETURN]);
  const length = init(0).length;
  return bytesToHex(concatBytes(init(length), body));
}

/** The storage slot of `holder`'s balance (20-byte address) in a mapping at `mappingIndex`. */
export function balanceSlot(holder: Uint8Array, mappingIndex: number): Uint8Array {
  return keccak_256(concatBytes(padBytes(holder, 32), padBytes(bigIntToBytes(BigInt(mappingIndex)), 32)));
}

/** Call data of `balanceOf(holder)`. */
export function balanceOfData(holder: Uint8Array): `0x${string}` {
  return bytesToHex(concatBytes(Uint8Array.of(0x70, 0xa0, 0x82, 0x31), padBytes(holder, 32)));
}

/** Call data of `transfer(to, amount)`. */
export function transferData(to: Uint8Array, amount: bigint): `0x${string}` {
  return bytesToHex(concatBytes(Uint8Array.of(0xa9, 0x05, 0x9c, 0xbb), padBytes(to, 32), padBytes(bigIntToBytes(amount), 32)));
}
