/**
 * Keyring migrations between payload schemas.
 *
 * Schema 1 (format version 1) knew only secrets and account counts. Schema 2 adds ids, names, order,
 * hidden flags and cached addresses. Migration derives every account's addresses from its secret,
 * names accounts "Account 1…n" in their original order, and never drops a secret: a wallet listed
 * twice in schema 1 is merged (keeping the larger account count) rather than rejected, because an
 * error here would lock the user out of a vault that opened fine before.
 * @module
 */
import { addHdAccount, addWallet, defaultAccountName, defaultWalletName, emptyKeyring, findDuplicateWallet, type Keyring } from './keyring.js';
import { addressesOfKey, canonicalMnemonic, canonicalPassphrase, canonicalPrivateKey, hdAccountAddresses } from './derive.js';
import type { LegacyV1Keyring } from './legacy-v1.js';

/** Upgrades a schema-1 keyring to schema 2. `newId` supplies fresh ids, `now` the creation time. */
export async function migrateKeyringV1(legacy: LegacyV1Keyring, newId: () => string, now: number): Promise<Keyring> {
  let keyring = emptyKeyring();
  for (const wallet of legacy.wallets) {
    if (wallet.type === 'hd') {
      const mnemonic = canonicalMnemonic(wallet.mnemonic);
      const passphrase = canonicalPassphrase(wallet.passphrase);
      let entry = findDuplicateWallet(keyring, { kind: 'hd', mnemonic, passphrase });
      if (entry === undefined) {
        const id = newId();
        const first = await hdAccountAddresses(mnemonic, passphrase, 0);
        keyring = addWallet(
          keyring,
          { kind: 'hd', id, name: defaultWalletName(keyring, 'hd'), mnemonic, passphrase, createdAt: now, nextIndex: 1 },
          { id: newId(), walletId: id, index: 0, name: defaultAccountName(keyring), hidden: false, ...first },
        );
        entry = keyring.wallets.find((w) => w.id === id);
      }
      if (entry?.kind !== 'hd') continue;
      for (let index = entry.nextIndex; index < wallet.accounts; index++) {
        const addresses = await hdAccountAddresses(mnemonic, passphrase, index);
        keyring = addHdAccount(keyring, { id: newId(), walletId: entry.id, index, name: defaultAccountName(keyring), hidden: false, ...addresses });
      }
    } else {
      const { key, hex } = canonicalPrivateKey(wallet.privateKey);
      try {
        const addresses = addressesOfKey(key);
        if (findDuplicateWallet(keyring, { kind: 'private-key', privateKey: hex, ...addresses }) !== undefined) continue;
        const id = newId();
        keyring = addWallet(
          keyring,
          { kind: 'private-key', id, name: defaultWalletName(keyring, 'private-key'), privateKey: hex, createdAt: now },
          { id: newId(), walletId: id, index: 0, name: defaultAccountName(keyring), hidden: false, ...addresses },
        );
      } finally {
        key.wipe();
      }
    }
  }
  return keyring;
}
