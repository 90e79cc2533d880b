/**
 * The keyring as dApp-facing code needs it: accounts, lock state and signatures by account id,
 * implemented over the vault service. Keys stay inside: each signing call derives the key, signs
 * with `core/tx` or `core/message`, and the key is wiped before the signature is returned.
 *
 * Listing accounts and asking whether the wallet is unlocked do not move the auto-lock deadline
 * (dApps poll); a signature does (the user just approved it).
 * @module
 */
import type { Hex } from '../../../core/encoding/hex.js';
import { isSpace, type Space } from '../../../core/space.js';
import { signCoreTransaction } from '../../../core/tx/core-sign.js';
import { signEspaceTransaction } from '../../../core/tx/espace-sign.js';
import type { CoreTransactionInput } from '../../../core/tx/core-transaction.js';
import type { EspaceTransactionInput } from '../../../core/tx/espace-transaction.js';
import { signCorePersonalMessage, signEspacePersonalMessage } from '../../../core/message/personal.js';
import { signCip23TypedData, signEip712TypedData } from '../../../core/message/typed-data.js';
import { InvalidInputError } from '../../../core/errors.js';
import type { VaultService } from './service.js';

export interface KeyringAccount {
  id: string;
  name: string;
  /** Core address as 20-byte hex (`0x1…`); the base32 form depends on the network. */
  coreHex: Hex;
  /** eSpace address, EIP-55. */
  espaceAddress: string;
}

export interface VaultKeyring {
  isUnlocked(): Promise<boolean>;
  listAccounts(): Promise<KeyringAccount[]>;
  signCoreTransaction(accountId: string, tx: CoreTransactionInput, activeChainId: number): Promise<{ raw: Hex; hash: Hex }>;
  signEspaceTransaction(accountId: string, tx: EspaceTransactionInput, activeChainId: number): Promise<{ raw: Hex; hash: Hex }>;
  personalSign(accountId: string, space: Space, message: Uint8Array): Promise<Hex>;
  signTypedData(accountId: string, space: Space, typedData: unknown, activeChainId: number): Promise<Hex>;
  onChange(listener: () => void): () => void;
}

/** `subscribe` delivers lock, unlock and account-list changes. */
export function vaultKeyring(service: VaultService, subscribe: (listener: () => void) => () => void): VaultKeyring {
  return {
    isUnlocked: async () => {
      // The getter checks the deadline without side effects; status() would also lock if past it.
      if (!service.isUnlocked) return false;
      return (await service.status()).state === 'unlocked';
    },
    listAccounts: async () =>
      (await service.visibleAccounts()).map((a) => ({ id: a.id, name: a.name, coreHex: a.coreHexAddress, espaceAddress: a.evmAddress })),
    signCoreTransaction: async (accountId, tx, activeChainId) =>
      service.withPrivateKey(accountId, 'core', (key) => {
        const signed = signCoreTransaction(tx, key, activeChainId);
        return { raw: hex(signed.raw), hash: hex(signed.hash) };
      }),
    signEspaceTransaction: async (accountId, tx, activeChainId) =>
      service.withPrivateKey(accountId, 'espace', (key) => {
        const signed = signEspaceTransaction(tx, key, activeChainId);
        return { raw: hex(signed.raw), hash: hex(signed.hash) };
      }),
    personalSign: async (accountId, space, message) =>
      service.withPrivateKey(accountId, assertSpace(space), (key) => hex(space === 'core' ? signCorePersonalMessage(message, key) : signEspacePersonalMessage(message, key))),
    signTypedData: async (accountId, space, typedData, activeChainId) =>
      service.withPrivateKey(accountId, assertSpace(space), (key) =>
        hex(space === 'core' ? signCip23TypedData(typedData, key, activeChainId) : signEip712TypedData(typedData, key, activeChainId)),
      ),
    onChange: subscribe,
  };
}

function assertSpace(space: Space): Space {
  if (!isSpace(space)) throw new InvalidInputError('space: expected "core" or "espace"');
  return space;
}

function hex(value: string): Hex {
  if (!value.startsWith('0x')) throw new InvalidInputError('expected 0x hex from the signer');
  return value as Hex;
}
