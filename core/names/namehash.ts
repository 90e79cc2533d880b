/**
 * Names as the ENS-compatible name services hash them: ENSIP-15 normalization, then EIP-137
 * namehash (`node = keccak256(parentNode ‖ keccak256(label))`, from the root 0x00…00 down).
 * Conflux Name Service (CNS, the `.web3` names) is a deployment of the ENS contracts on Core
 * (web3-identity/cns-contracts; Fluent hashes names with `@ensdomains/eth-ens-namehash`), so its
 * nodes are ENS nodes.
 *
 * Threat model: a name is what a user types or pastes, possibly with look-alike characters. The
 * normalizer (@adraffy/ens-normalize, the ENSIP-15 reference) folds case and compatible forms and
 * refuses disallowed characters and mixed-script confusables; the caller shows the normalized
 * name next to the result, so what was resolved is what the user sees.
 * Specs: https://eips.ethereum.org/EIPS/eip-137, https://docs.ens.domains/ensip/15
 * @module
 */
import { ens_normalize } from '@adraffy/ens-normalize';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { bytesToHex, concatBytes, type Hex } from '../encoding/hex.js';
import { NamesError } from './errors.js';

/** Longest input accepted (DNS names are at most 253 characters; emoji make names longer in code units). */
const MAX_NAME_LENGTH = 512;

export interface NormalizedName {
  /** What the user gave. */
  input: string;
  /** ENSIP-15 normalized form: what is hashed and what the UI shows. */
  normalized: string;
  /** True when normalization changed the input (the UI should show the normalized form prominently). */
  changed: boolean;
  labels: string[];
}

/**
 * Normalizes a name for resolution.
 * @throws {NamesError} `names.invalid` with the normalizer's reason in `details`
 * @example normalizeName('Alice.WEB3').normalized // 'alice.web3'
 */
export function normalizeName(input: string): NormalizedName {
  if (typeof input !== 'string' || input.length === 0 || input.length > MAX_NAME_LENGTH) {
    throw new NamesError('names.invalid', `name: expected 1..${MAX_NAME_LENGTH} characters`, { details: 'length' });
  }
  let normalized: string;
  try {
    normalized = ens_normalize(input);
  } catch (cause) {
    throw new NamesError('names.invalid', `"${input.slice(0, 64)}" is not a valid name`, { cause, details: cause instanceof Error ? cause.message : 'normalize' });
  }
  const labels = normalized.split('.');
  if (normalized === '' || labels.some((l) => l === '')) throw new NamesError('names.invalid', 'name: empty label', { details: 'empty_label' });
  return { input, normalized, changed: normalized !== input, labels };
}

/** keccak256 of one label's UTF-8 bytes. */
export function labelhash(label: string): Uint8Array {
  return keccak_256(utf8ToBytes(label));
}

/** EIP-137 namehash of an already normalized name ('' is the root). */
export function namehashBytes(normalized: string): Uint8Array {
  let node: Uint8Array = new Uint8Array(32);
  if (normalized === '') return node;
  const labels = normalized.split('.');
  for (let i = labels.length - 1; i >= 0; i--) node = keccak_256(concatBytes(node, labelhash(labels[i]!)));
  return node;
}

/** `0x` hex namehash of an already normalized name. */
export function namehash(normalized: string): Hex {
  return bytesToHex(namehashBytes(normalized));
}
