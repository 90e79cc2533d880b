/**
 * Backup export and restore, password change, session resume and the archive.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { Vault } from './vault.js';
import { MemoryVaultStorage } from './testing/memory-storage.js';
import { decodeBackup } from './backup.js';
import { InvalidBackupError, NoVaultError, UnsupportedVaultVersionError, VaultReplacedError, WeakPasswordError, WrongPasswordError } from './errors.js';

const PASSWORD = 'backup test password';
const v1 = JSON.parse(readFileSync(new URL('../../test/vectors/vault/legacy-v1.json', import.meta.url), 'utf8')) as { password: string; record: string };

let n = 0;
async function setup() {
  const name = `backup-${n++}-${Math.random()}`;
  const storage = await MemoryVaultStorage.open(name);
  const vault = new Vault({ storage });
  const created = await vault.create(PASSWORD, { kind: 'generate', words: 24 });
  return { name, storage, ...created };
}

describe('backup', () => {
  test('export needs the password; the file restores on another device with the same accounts', async () => {
    const { vault: unlocked, accountId, walletId } = await setup();
    await unlocked.renameAccount(accountId, 'Backed up');
    await expect(unlocked.exportBackup('wrong password')).rejects.toBeInstanceOf(WrongPasswordError);
    const file = await unlocked.exportBackup(PASSWORD);
    const parsed = JSON.parse(file) as Record<string, unknown>;
    expect(parsed).toMatchObject({ format: 'wayfarer-vault-backup', version: 1, vault: { format: 'wayfarer-vault', version: 2, kdf: { name: 'pbkdf2-sha256', iterations: 600000 } } });
    const mnemonic = await unlocked.revealMnemonic(walletId, PASSWORD);
    expect(file).not.toContain(mnemonic);
    expect(file).not.toContain('Backed up');

    const other = new Vault({ storage: await MemoryVaultStorage.open(`other-device-${Math.random()}`) });
    await expect(other.restoreBackup(file, 'wrong password')).rejects.toBeInstanceOf(WrongPasswordError);
    expect(await other.status()).toEqual({ state: 'empty' });
    const restored = await other.restoreBackup(file, PASSWORD);
    expect(restored.archivedIds).toEqual([]);
    const view = await restored.vault.view(1);
    expect(view.accounts.map((a) => [a.id, a.name])).toEqual([[accountId, 'Backed up']]);
    expect(await restored.vault.revealMnemonic(walletId, PASSWORD)).toBe(mnemonic);
  });

  test('restoring over an existing vault archives it (with its previous record) until the user discards it', async () => {
    const first = await setup();
    const backup = await first.vault.exportBackup(PASSWORD);
    const second = await setup();
    await second.vault.renameAccount(second.accountId, 'Second device account');
    const before = (await second.storage.readCurrent())!.text;
    const vault = new Vault({ storage: second.storage });
    const result = await vault.restoreBackup(backup, PASSWORD);
    expect(result.archivedIds).toHaveLength(2);
    const archive = await vault.listArchive();
    expect(archive.map((e) => [e.reason, e.formatVersion])).toEqual([
      ['replaced-by-restore', 2],
      ['previous-of-replaced', 2],
    ]);
    expect((await second.storage.readArchived(result.archivedIds[0]!))!.text).toBe(before);
    // The old session no longer matches the vault on disk.
    await expect(second.vault.view(1)).rejects.toBeInstanceOf(VaultReplacedError);
    // The archived vault can come back.
    const back = await vault.restoreArchived(result.archivedIds[0]!, PASSWORD);
    expect((await back.vault.view(1)).accounts[0]!.name).toBe('Second device account');
    await vault.discardArchived(result.archivedIds[1]!);
    expect((await vault.listArchive()).map((e) => e.archiveId)).not.toContain(result.archivedIds[1]);
    await expect(vault.restoreArchived(result.archivedIds[1]!, PASSWORD)).rejects.toBeInstanceOf(NoVaultError);
  });

  test('a backup holding a version-1 vault restores and is upgraded', async () => {
    const file = JSON.stringify({ format: 'wayfarer-vault-backup', version: 1, exportedAt: '2020-01-01T00:00:00.000Z', vault: JSON.parse(v1.record) as unknown });
    const vault = new Vault({ storage: await MemoryVaultStorage.open(`v1-backup-${Math.random()}`) });
    const { vault: unlocked } = await vault.restoreBackup(file, v1.password);
    expect((await unlocked.view(1)).accounts).toHaveLength(5);
    expect(await vault.status()).toMatchObject({ state: 'locked', formatVersion: 2, upgradePending: false });
  });

  test('files that are not backups are rejected before anything happens', () => {
    for (const text of ['', 'not json', '{}', '{"format":"wayfarer-vault-backup","version":1}', '{"format":"other","version":1,"exportedAt":"x","vault":{}}']) {
      expect(() => decodeBackup(text), text).toThrow(InvalidBackupError);
    }
    expect(() => decodeBackup('{"format":"wayfarer-vault-backup","version":9,"exportedAt":"x","vault":{}}')).toThrow(UnsupportedVaultVersionError);
    expect(() => decodeBackup('{"format":"wayfarer-vault-backup","version":1,"exportedAt":"x","vault":{"version":2}}')).toThrow(InvalidBackupError);
  });
});

describe('password change and sessions', () => {
  test('change password: old password and old session key stop working, new ones work', async () => {
    const { vault: unlocked, storage, sessionKey, accountId } = await setup();
    const vault = new Vault({ storage });
    await expect(unlocked.changePassword(PASSWORD, 'short')).rejects.toBeInstanceOf(WeakPasswordError);
    await expect(unlocked.changePassword('wrong password', 'a new long password')).rejects.toBeInstanceOf(WrongPasswordError);
    const newSession = await unlocked.changePassword(PASSWORD, 'a new long password');
    expect(newSession.binding.vaultId).toBe(sessionKey.binding.vaultId);
    expect(newSession.binding.kdfSalt).not.toBe(sessionKey.binding.kdfSalt);
    // The changing session continues with the new key.
    await unlocked.renameAccount(accountId, 'After change');
    await expect(vault.unlock(PASSWORD)).rejects.toBeInstanceOf(WrongPasswordError);
    await expect(vault.resume(sessionKey)).rejects.toBeInstanceOf(VaultReplacedError);
    const resumed = await vault.resume(newSession);
    expect((await resumed.view(1)).accounts[0]!.name).toBe('After change');
    await expect(vault.unlock('a new long password')).resolves.toBeDefined();
  });

  test('resume after a restart needs no password and sees the latest writes', async () => {
    const { name, vault: unlocked, sessionKey, accountId } = await setup();
    await unlocked.renameAccount(accountId, 'Before restart');
    const restarted = new Vault({ storage: await MemoryVaultStorage.open(name) });
    const resumed = await restarted.resume({ masterKey: Uint8Array.from(sessionKey.masterKey), binding: { ...sessionKey.binding } });
    expect((await resumed.view(1)).accounts[0]!.name).toBe('Before restart');
    await resumed.renameAccount(accountId, 'After restart');
    expect((await unlocked.view(1)).accounts[0]!.name).toBe('After restart');
    const wrongKey = { masterKey: new Uint8Array(32).fill(7), binding: sessionKey.binding };
    await expect(restarted.resume(wrongKey)).rejects.toMatchObject({ code: 'vault.tampered' });
  });

  test('replacing a vault from scratch (forgotten password) archives the old one', async () => {
    const { storage } = await setup();
    const vault = new Vault({ storage });
    const old = (await storage.readCurrent())!.text;
    const fresh = await vault.create('a brand new password', { kind: 'generate', words: 12 }, { replaceExisting: true });
    expect(fresh.archivedIds).toHaveLength(1);
    expect((await storage.readArchived(fresh.archivedIds[0]!))!.text).toBe(old);
    await expect(vault.restoreArchived(fresh.archivedIds[0]!, PASSWORD)).resolves.toBeDefined();
  });
});
