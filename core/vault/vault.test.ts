import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { Vault } from './vault.js';
import { MemoryVaultStorage } from './testing/memory-storage.js';
import { decodeRecord } from './format.js';
import { DuplicateImportError, InvalidMnemonicError, InvalidPrivateKeyError, UnknownEntryError, VaultExistsError, VaultLockedError, WeakPasswordError, WrongPasswordError, InvalidKeyringChangeError, NoVaultError } from './errors.js';
import { MAINNET_NETWORK_ID } from '../address/network.js';

interface HdVector {
  mnemonic: string;
  passphrase: string;
  core: { index: number; privateKey: string; hexAddress: string; base32Mainnet: string }[];
  espace: { index: number; privateKey: string; address: string }[];
}
const hd = JSON.parse(readFileSync(new URL('../../test/vectors/signing/hd-derivation.json', import.meta.url), 'utf8')) as {
  vectors: HdVector[];
  privateKeys: { privateKey: string; coreHexAddress: string; coreBase32Mainnet: string; eSpaceAddress: string }[];
};
const abandon = hd.vectors[0]!;
const trezor = hd.vectors[1]!;
const zoo = hd.vectors[5]!;
const pk0 = hd.privateKeys[0]!;

let dbCounter = 0;
async function freshVault(now?: () => number) {
  const storage = await MemoryVaultStorage.open(`vault-test-${dbCounter++}-${Math.random()}`);
  return { storage, vault: new Vault(now === undefined ? { storage } : { storage, now }) };
}
const PASSWORD = 'correct horse battery staple';

describe('create and unlock', () => {
  test('create from a known mnemonic derives the vector addresses, unlock reopens it', async () => {
    const { vault } = await freshVault();
    expect(await vault.status()).toEqual({ state: 'empty' });
    const created = await vault.create(PASSWORD, { kind: 'mnemonic', mnemonic: abandon.mnemonic });
    const view = await created.vault.view(MAINNET_NETWORK_ID);
    expect(view.accounts).toHaveLength(1);
    expect(view.accounts[0]!.coreAddress).toBe(abandon.core[0]!.base32Mainnet);
    expect(view.accounts[0]!.coreHexAddress).toBe(abandon.core[0]!.hexAddress);
    expect(view.accounts[0]!.evmAddress).toBe(abandon.espace[0]!.address);
    expect(view.accounts[0]!.name).toBe('Account 1');
    expect(JSON.stringify(view)).not.toContain('abandon');

    const status = await vault.status();
    expect(status).toMatchObject({ state: 'locked', formatVersion: 2, upgradePending: false });
    const unlocked = await vault.unlock(PASSWORD);
    expect((await unlocked.vault.view(MAINNET_NETWORK_ID)).accounts[0]!.id).toBe(created.accountId);
    expect(unlocked.sessionKey.binding).toEqual(created.sessionKey.binding);
    expect(unlocked.sessionKey.masterKey).toEqual(created.sessionKey.masterKey);
  });

  test('a mnemonic with passphrase (non-ASCII) derives its own accounts', async () => {
    const { vault } = await freshVault();
    const { vault: unlocked } = await vault.create(PASSWORD, { kind: 'mnemonic', mnemonic: zoo.mnemonic, passphrase: zoo.passphrase });
    const view = await unlocked.view(MAINNET_NETWORK_ID);
    expect(view.accounts[0]!.coreHexAddress).toBe(zoo.core[0]!.hexAddress);
    expect(view.accounts[0]!.evmAddress).toBe(zoo.espace[0]!.address);
    expect(view.wallets[0]!.hasPassphrase).toBe(true);
  });

  test('generated wallets have 12 or 24 words and reveal needs the password', async () => {
    for (const words of [12, 24] as const) {
      const { vault } = await freshVault();
      const { vault: unlocked, walletId } = await vault.create(PASSWORD, { kind: 'generate', words });
      await expect(unlocked.revealMnemonic(walletId, 'wrong password')).rejects.toBeInstanceOf(WrongPasswordError);
      const mnemonic = await unlocked.revealMnemonic(walletId, PASSWORD);
      expect(mnemonic.split(' ')).toHaveLength(words);
    }
  });

  test('wrong password, short password, second create are refused without changing anything', async () => {
    const { vault, storage } = await freshVault();
    await expect(vault.create('short', { kind: 'generate', words: 12 })).rejects.toBeInstanceOf(WeakPasswordError);
    expect(await storage.readCurrent()).toBeUndefined();
    await vault.create(PASSWORD, { kind: 'private-key', privateKey: pk0.privateKey });
    const before = await storage.readCurrent();
    await expect(vault.unlock('not the password')).rejects.toBeInstanceOf(WrongPasswordError);
    await expect(vault.create(PASSWORD, { kind: 'generate', words: 12 })).rejects.toBeInstanceOf(VaultExistsError);
    expect(await storage.readCurrent()).toEqual(before);
  });

  test('unlock of an empty device says there is no vault', async () => {
    const { vault } = await freshVault();
    await expect(vault.unlock(PASSWORD)).rejects.toBeInstanceOf(NoVaultError);
  });
});

describe('keyring operations', () => {
  test('import, add accounts, rename, hide, reorder, remove', async () => {
    const { vault } = await freshVault();
    const { vault: v, walletId: hdId, accountId: first } = await vault.create(PASSWORD, { kind: 'mnemonic', mnemonic: abandon.mnemonic });
    const { accountId: second } = await v.addAccount(hdId);
    const { accountId: third } = await v.addAccount(hdId, '  Savings ');
    const { walletId: keyId, accountId: keyAccount } = await v.addWallet({ kind: 'private-key', privateKey: pk0.privateKey.slice(2) });
    const { walletId: trezorId } = await v.addWallet({ kind: 'mnemonic', mnemonic: trezor.mnemonic.toUpperCase(), passphrase: trezor.passphrase, name: 'Trezor test' });

    let view = await v.view(MAINNET_NETWORK_ID);
    expect(view.accounts.map((a) => a.name)).toEqual(['Account 1', 'Account 2', 'Savings', 'Account 4', 'Account 5']);
    expect(view.accounts[1]!.coreHexAddress).toBe(abandon.core[1]!.hexAddress);
    expect(view.accounts[1]!.evmAddress).toBe(abandon.espace[1]!.address);
    expect(view.accounts[2]!.evmAddress).toBe(abandon.espace[2]!.address);
    expect(view.accounts[3]!.coreAddress).toBe(pk0.coreBase32Mainnet);
    expect(view.accounts[3]!.evmAddress).toBe(pk0.eSpaceAddress);
    expect(view.accounts[4]!.evmAddress).toBe(trezor.espace[0]!.address);
    expect(view.wallets.map((w) => [w.kind, w.name])).toEqual([
      ['hd', 'Recovery phrase 1'],
      ['private-key', 'Imported key 1'],
      ['hd', 'Trezor test'],
    ]);

    await v.renameAccount(second, 'Travel');
    await v.setAccountHidden(third, true);
    await v.reorderAccounts([keyAccount, third, second, first, view.accounts[4]!.id]);
    view = await v.view(MAINNET_NETWORK_ID);
    expect(view.accounts.map((a) => [a.name, a.hidden])).toEqual([
      ['Account 4', false],
      ['Savings', true],
      ['Travel', false],
      ['Account 1', false],
      ['Account 5', false],
    ]);

    await expect(v.removeWallet(trezorId, 'wrong password')).rejects.toBeInstanceOf(WrongPasswordError);
    expect((await v.view(MAINNET_NETWORK_ID)).wallets).toHaveLength(3);
    await v.removeWallet(trezorId, PASSWORD);
    await v.removeWallet(keyId, PASSWORD);
    await expect(v.removeWallet(hdId, PASSWORD)).rejects.toBeInstanceOf(InvalidKeyringChangeError);
    view = await v.view(MAINNET_NETWORK_ID);
    expect(view.wallets.map((w) => w.id)).toEqual([hdId]);
    expect(view.accounts.map((a) => a.name)).toEqual(['Savings', 'Travel', 'Account 1']);

    // Everything survives a fresh unlock.
    const again = await vault.unlock(PASSWORD);
    expect((await again.vault.view(MAINNET_NETWORK_ID)).accounts.map((a) => a.name)).toEqual(['Savings', 'Travel', 'Account 1']);
  });

  test('invalid changes are rejected and leave the vault as it was', async () => {
    const { vault, storage } = await freshVault();
    const { vault: v, walletId, accountId } = await vault.create(PASSWORD, { kind: 'mnemonic', mnemonic: abandon.mnemonic });
    const before = await storage.readCurrent();
    await expect(v.setAccountHidden(accountId, true)).rejects.toBeInstanceOf(InvalidKeyringChangeError);
    await expect(v.renameAccount(accountId, '   ')).rejects.toBeInstanceOf(InvalidKeyringChangeError);
    await expect(v.renameAccount(accountId, 'x'.repeat(65))).rejects.toBeInstanceOf(InvalidKeyringChangeError);
    await expect(v.renameAccount('0'.repeat(32), 'name')).rejects.toBeInstanceOf(UnknownEntryError);
    await expect(v.reorderAccounts([])).rejects.toBeInstanceOf(InvalidKeyringChangeError);
    await expect(v.reorderAccounts([accountId, accountId])).rejects.toBeInstanceOf(InvalidKeyringChangeError);
    await expect(v.reorderAccounts(['f'.repeat(32)])).rejects.toBeInstanceOf(UnknownEntryError);
    await expect(v.addWallet({ kind: 'mnemonic', mnemonic: abandon.mnemonic.replace('about', 'abandon') })).rejects.toBeInstanceOf(InvalidMnemonicError);
    await expect(v.addWallet({ kind: 'private-key', privateKey: '0x' + '00'.repeat(32) })).rejects.toBeInstanceOf(InvalidPrivateKeyError);
    await expect(v.addWallet({ kind: 'private-key', privateKey: 'ff'.repeat(32) })).rejects.toBeInstanceOf(InvalidPrivateKeyError);
    await expect(v.revealMnemonic(walletId, 'nope nope')).rejects.toBeInstanceOf(WrongPasswordError);
    expect(await storage.readCurrent()).toEqual(before);
  });

  test('duplicate imports are detected: same mnemonic, same key, key of an existing HD account', async () => {
    const { vault } = await freshVault();
    const { vault: v, walletId } = await vault.create(PASSWORD, { kind: 'mnemonic', mnemonic: abandon.mnemonic });
    await v.addAccount(walletId);
    const dup = v.addWallet({ kind: 'mnemonic', mnemonic: `  ${abandon.mnemonic.toUpperCase().replace(/ /g, '   ')} ` });
    await expect(dup).rejects.toBeInstanceOf(DuplicateImportError);
    await expect(dup).rejects.toMatchObject({ existingWalletId: walletId });
    // Same mnemonic with a passphrase is a different wallet.
    await v.addWallet({ kind: 'mnemonic', mnemonic: abandon.mnemonic, passphrase: 'TREZOR' });
    await expect(v.addWallet({ kind: 'mnemonic', mnemonic: abandon.mnemonic, passphrase: 'TREZOR' })).rejects.toBeInstanceOf(DuplicateImportError);
    // The eSpace key of HD account 1, and the Core key of HD account 0, imported as raw keys.
    await expect(v.addWallet({ kind: 'private-key', privateKey: abandon.espace[1]!.privateKey })).rejects.toBeInstanceOf(DuplicateImportError);
    await expect(v.addWallet({ kind: 'private-key', privateKey: abandon.core[0]!.privateKey })).rejects.toBeInstanceOf(DuplicateImportError);
    await v.addWallet({ kind: 'private-key', privateKey: pk0.privateKey });
    await expect(v.addWallet({ kind: 'private-key', privateKey: pk0.privateKey.toUpperCase().replace('0X', '0x') })).rejects.toBeInstanceOf(DuplicateImportError);
  });

  test('reveal private keys per space, and withPrivateKey signs with the right key', async () => {
    const { vault } = await freshVault();
    const { vault: v, accountId } = await vault.create(PASSWORD, { kind: 'mnemonic', mnemonic: abandon.mnemonic });
    expect(await v.revealPrivateKey(accountId, 'core', PASSWORD)).toBe(abandon.core[0]!.privateKey);
    expect(await v.revealPrivateKey(accountId, 'espace', PASSWORD)).toBe(abandon.espace[0]!.privateKey);
    const { accountId: keyAccount } = await v.addWallet({ kind: 'private-key', privateKey: pk0.privateKey });
    expect(await v.revealPrivateKey(keyAccount, 'core', PASSWORD)).toBe(pk0.privateKey);
    expect(await v.revealPrivateKey(keyAccount, 'espace', PASSWORD)).toBe(pk0.privateKey);
    let leaked: { isWiped: boolean } | undefined;
    const publicKey = await v.withPrivateKey(accountId, 'espace', (key) => {
      leaked = key;
      return key.publicKey();
    });
    expect(publicKey).toHaveLength(65);
    expect(leaked?.isWiped).toBe(true);
  });

  test('lock drops the key', async () => {
    const { vault } = await freshVault();
    const { vault: v, accountId } = await vault.create(PASSWORD, { kind: 'generate', words: 12 });
    v.lock();
    expect(v.isLocked).toBe(true);
    await expect(v.view(1)).rejects.toBeInstanceOf(VaultLockedError);
    await expect(v.renameAccount(accountId, 'x')).rejects.toBeInstanceOf(VaultLockedError);
    await expect(v.withPrivateKey(accountId, 'core', () => 1)).rejects.toBeInstanceOf(VaultLockedError);
  });

  test('records on disk are re-encrypted with a fresh salt and IV on every write and carry no plaintext', async () => {
    const { vault, storage } = await freshVault();
    const { vault: v, accountId } = await vault.create(PASSWORD, { kind: 'mnemonic', mnemonic: abandon.mnemonic });
    const seen = new Set<string>();
    let revision = 0;
    for (let i = 0; i < 5; i++) {
      await v.renameAccount(accountId, `Name ${i}`);
      const text = (await storage.readCurrent())!.text;
      expect(text).not.toMatch(/abandon|Name \d/);
      const record = decodeRecord(text);
      expect(record.revision).toBeGreaterThan(revision);
      revision = record.revision;
      for (const part of [record.sealed.iv, record.sealed.writeSalt]) {
        const hex = Buffer.from(part).toString('hex');
        expect(seen.has(hex)).toBe(false);
        seen.add(hex);
      }
    }
  });
});
