/**
 * BIP32 account keys on the paths Fluent uses: Core `m/44'/503'/0'/0/i`, eSpace `m/44'/60'/0'/0/i`.
 *
 * Threat model: intermediate extended keys are as secret as the account keys they lead to, so the
 * path is walked one level at a time and each intermediate node's private key is wiped as soon as
 * its child exists. Only the account key leaves, as a {@link PrivateKey}. The seed belongs to the
 * caller, who wipes it.
 * Spec: https://github.com/bitcoin/bips/blob/master/bip-0032.mediawiki, BIP44, SLIP-44 (503 = CFX).
 * @module
 */
import { HDKey, HARDENED_OFFSET } from '@scure/bip32';
import { isSpace, type Space } from '../space.js';
import { KeyError } from './errors.js';
import { PrivateKey } from './private-key.js';

/** Account-level path prefixes (Fluent "cfx-default" and "eth-default"). */
export const HD_BASE_PATHS: Readonly<Record<Space, string>> = {
  core: "m/44'/503'/0'/0",
  espace: "m/44'/60'/0'/0",
};

const BASE_INDICES: Readonly<Record<Space, readonly number[]>> = {
  core: [44 + HARDENED_OFFSET, 503 + HARDENED_OFFSET, HARDENED_OFFSET, 0],
  espace: [44 + HARDENED_OFFSET, 60 + HARDENED_OFFSET, HARDENED_OFFSET, 0],
};

function assertSpace(space: Space): Space {
  if (!isSpace(space)) throw new KeyError('key.space', `space: expected "core" or "espace", got ${String(space)}`);
  return space;
}

function assertIndex(index: number): number {
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= HARDENED_OFFSET) {
    throw new KeyError('key.index', `index: expected an integer in 0..${HARDENED_OFFSET - 1}, got ${String(index)}`);
  }
  return index;
}

/** The full BIP32 path of an account, e.g. `m/44'/503'/0'/0/3`. */
export function derivationPath(space: Space, index: number): string {
  return `${HD_BASE_PATHS[assertSpace(space)]}/${assertIndex(index)}`;
}

/**
 * Derives the private key of account `index` in `space` from a BIP39 seed (16..64 bytes).
 * @example deriveAccountKey(seed, 'core', 0) // key of m/44'/503'/0'/0/0
 */
export function deriveAccountKey(seed: Uint8Array, space: Space, index: number): PrivateKey {
  if (!(seed instanceof Uint8Array) || seed.length < 16 || seed.length > 64) throw new KeyError('key.seed', 'seed: expected 16 to 64 bytes');
  const path = [...BASE_INDICES[assertSpace(space)], assertIndex(index)];
  let node: HDKey;
  try {
    node = HDKey.fromMasterSeed(seed);
  } catch (cause) {
    throw new KeyError('key.seed', 'seed gives no valid BIP32 master key', { cause });
  }
  try {
    for (const childIndex of path) {
      const child = node.deriveChild(childIndex);
      node.wipePrivateData();
      node = child;
    }
  } catch (cause) {
    node.wipePrivateData();
    // BIP32: a child index whose key is invalid (probability ~2^-127) is skipped by wallets; we
    // surface it rather than silently choosing another account.
    throw new KeyError('key.index', `account ${index} has no valid key on this path`, { cause });
  }
  const secret = node.privateKey;
  node.wipePrivateData();
  if (secret === null) throw new KeyError('key.seed', 'derivation produced no private key');
  try {
    return PrivateKey.fromBytes(secret);
  } finally {
    secret.fill(0);
  }
}
