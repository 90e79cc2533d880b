/**
 * Exact BCS encodings of `EpochState` and `LedgerInfo`, and the signed message
 * `SEED ‖ BCS(LedgerInfo)` with `SEED = SHA3-256("DIEM::LedgerInfo")`.
 *
 * Field order and encodings follow conflux-rust `crates/pos/types` (see protocol notes): hash
 * values are length-prefixed, account addresses are raw 32 bytes, the pivot block hash is the
 * 66-character lower-case ASCII string `0x…` (ethereum-types serializes H256 as text), and
 * validators are written in ascending address order (BTreeMap).
 * @module
 */
import { sha3_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, concatBytes } from '../../encoding/hex.js';
import { BcsWriter } from './bcs.js';
import type { BlockInfo, EpochState, LedgerInfo, PivotDecision } from './types.js';

/** Diem's CryptoHasher seed for LedgerInfo: SHA3-256 of the salt `DIEM::LedgerInfo`. */
export const LEDGER_INFO_SEED: Uint8Array = sha3_256(new TextEncoder().encode('DIEM::LedgerInfo'));

function writeEpochState(w: BcsWriter, state: EpochState): void {
  w.u64(state.epoch);
  w.uleb128(state.validators.length);
  for (const v of state.validators) {
    w.raw(v.address);
    w.bytes(v.publicKey);
    w.option(v.vrfPublicKey, (ww, key) => ww.bytes(key));
    w.u64(v.votingPower);
  }
  w.u64(state.quorumVotingPower);
  w.u64(state.totalVotingPower);
  w.bytes(state.vrfSeed);
}

function writePivot(w: BcsWriter, pivot: PivotDecision): void {
  w.u64(pivot.height);
  w.str(pivot.blockHash.toLowerCase());
}

function writeBlockInfo(w: BcsWriter, info: BlockInfo): void {
  w.u64(info.epoch);
  w.u64(info.round);
  w.bytes(info.id);
  w.bytes(info.executedStateId);
  w.u64(info.version);
  w.u64(info.timestampUsecs);
  w.option(info.nextEpochState, (ww, state) => writeEpochState(ww, state));
  w.option(info.pivot, (ww, pivot) => writePivot(ww, pivot));
}

/** BCS(EpochState). */
export function encodeEpochState(state: EpochState): Uint8Array {
  const w = new BcsWriter();
  writeEpochState(w, state);
  return w.finish();
}

/** BCS(LedgerInfo). */
export function encodeLedgerInfo(ledgerInfo: LedgerInfo): Uint8Array {
  const w = new BcsWriter();
  writeBlockInfo(w, ledgerInfo.commitInfo);
  w.bytes(ledgerInfo.consensusDataHash);
  return w.finish();
}

/** The exact bytes validators sign: SEED ‖ BCS(LedgerInfo) (not hashed further before hash-to-curve). */
export function ledgerInfoSigningMessage(ledgerInfo: LedgerInfo): Uint8Array {
  return concatBytes(LEDGER_INFO_SEED, encodeLedgerInfo(ledgerInfo));
}

/**
 * A committee fingerprint defined by this wallet (Conflux has no canonical one):
 * SHA3-256(BCS(EpochState)). Used to pin shipped checkpoints and to detect damaged records.
 */
export function epochStateDigest(state: EpochState): Uint8Array {
  return sha3_256(encodeEpochState(state));
}

/**
 * Fingerprint of what decides which ledger infos a committee accepts: epoch, members, keys,
 * powers and quorum — SHA3-256(BCS(EpochState)) with the VRF seed left empty. Used to recognize a
 * trust-on-first-use committee again: dev nodes report the genesis committee with different VRF
 * seeds before and after its epoch ends, and the seed does not affect signature checks.
 */
export function signerSetDigest(state: EpochState): string {
  return bytesToHex(sha3_256(encodeEpochState({ ...state, vrfSeed: new Uint8Array(0) })));
}
