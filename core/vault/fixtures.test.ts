/**
 * Stored records of every format version open, and old ones are upgraded to the current format.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { Vault } from './vault.js';
import { MemoryVaultStorage } from './testing/memory-storage.js';
import { decodeRecord } from './format.js';
import { decodeAnyRecord } from './records.js';
import { WrongPasswordError } from './errors.js';
import { CURRENT_KDF } from './kdf.js';
import { MAINNET_NETWORK_ID } from '../address/network.js';

const read = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const v1 = read('../../test/vectors/vault/legacy-v1.json') as { password: string; record: string };
const v2 = read('../../test/vectors/vault/format-v2.json') as { password: string; record: string; masterKeyHex: string; keyring: { accounts: { id: string; name: string; hidden: boolean; evmAddress: string }[] } };
const hd = read('../../test/vectors/signing/hd-derivation.json') as {
  vectors: { core: { hexAddress: string }[]; espace: { address: string }[] }[];
  privateKeys: { coreHexAddress: string; eSpaceAddress: string }[];
};

let n = 0;
async function vaultHolding(text: string) {
  const storage = await MemoryVaultStorage.open(`fixture-${n++}-${Math.random()}`);
  expect(await storage.commit(undefined, text, 1)).toBe(true);
  return { storage, vault: new Vault({ storage }) };
}

describe('format version 1 (legacy) → 2', () => {
  test('opens with its password, migrates every wallet, keeps the old record as previous', async () => {
    const { storage, vault } = await vaultHolding(v1.record);
    expect(await vault.status()).toEqual({ state: 'locked', vaultId: undefined, formatVersion: 1, upgradePending: true });
    await expect(vault.unlock('wrong password')).rejects.toBeInstanceOf(WrongPasswordError);
    expect((await storage.readCurrent())!.text).toBe(v1.record);

    const { vault: unlocked, sessionKey } = await vault.unlock(v1.password);
    const stored = (await storage.readCurrent())!.text;
    const record = decodeRecord(stored);
    expect(record.version).toBe(2);
    expect(record.kdf.iterations).toBe(CURRENT_KDF.iterations);
    expect(record.revision).toBe(1);
    expect(sessionKey.binding.vaultId).toBe(record.id);
    expect((await storage.readPrevious())!.text).toBe(v1.record);

    const view = await unlocked.view(MAINNET_NETWORK_ID);
    const abandon = hd.vectors[0]!;
    const trezor = hd.vectors[1]!;
    const pk0 = hd.privateKeys[0]!;
    expect(view.wallets.map((w) => [w.kind, w.accountIds.length, w.hasPassphrase])).toEqual([
      ['hd', 3, false],
      ['hd', 1, true],
      ['private-key', 1, false],
    ]);
    expect(view.accounts.map((a) => [a.name, a.coreHexAddress, a.evmAddress])).toEqual([
      ['Account 1', abandon.core[0]!.hexAddress, abandon.espace[0]!.address],
      ['Account 2', abandon.core[1]!.hexAddress, abandon.espace[1]!.address],
      ['Account 3', trezor.core[0]!.hexAddress, trezor.espace[0]!.address],
      ['Account 4', pk0.coreHexAddress, pk0.eSpaceAddress],
      ['Account 5', abandon.core[2]!.hexAddress, abandon.espace[2]!.address],
    ]);

    // The upgraded vault opens again with the same password, now without any migration.
    expect(await vault.status()).toMatchObject({ state: 'locked', formatVersion: 2, upgradePending: false });
    const again = await vault.unlock(v1.password);
    expect((await again.vault.view(MAINNET_NETWORK_ID)).accounts).toEqual(view.accounts);
    expect((await storage.readCurrent())!.text).toBe(stored);
  });

  test('the v1 record is parsed with its own rules', () => {
    const record = decodeAnyRecord(v1.record);
    expect(record.version).toBe(1);
    expect(() => decodeAnyRecord(v1.record.replace('"iv"', '"IV"'))).toThrow(/unexpected field|missing field/);
  });
});

describe('format version 2', () => {
  test('the pinned record opens with its password and yields the exact keyring', async () => {
    const { storage, vault } = await vaultHolding(v2.record);
    expect(await vault.status()).toMatchObject({ state: 'locked', formatVersion: 2, upgradePending: false, vaultId: '0123456789abcdef0123456789abcdef' });
    const { vault: unlocked, sessionKey } = await vault.unlock(v2.password);
    expect(Buffer.from(sessionKey.masterKey).toString('hex')).toBe(v2.masterKeyHex);
    // No upgrade needed: the record is left untouched.
    expect((await storage.readCurrent())!.text).toBe(v2.record);
    const view = await unlocked.view(MAINNET_NETWORK_ID);
    expect(view.accounts.map((a) => ({ id: a.id, name: a.name, hidden: a.hidden, evmAddress: a.evmAddress }))).toEqual(
      v2.keyring.accounts.map((a) => ({ id: a.id, name: a.name, hidden: a.hidden, evmAddress: a.evmAddress })),
    );
    // Stored addresses match the stored secrets, so signing works.
    expect(await unlocked.revealPrivateKey('cccccccccccccccccccccccccccccccc', 'espace', v2.password)).toBe('0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318');
    await unlocked.withPrivateKey('dddddddddddddddddddddddddddddddd', 'core', (key) => key.publicKey());
  });

  test('the password is compared after Unicode NFC normalization (composed and decomposed é match)', async () => {
    const { vault } = await vaultHolding(v2.record);
    const { vault: v } = await vault.unlock(v2.password);
    await v.changePassword(v2.password, 'caf\u00e9 au lait');
    await expect(vault.unlock('cafe\u0301 au lait')).resolves.toBeDefined();
  });

  test('KDF parameters below the current policy are raised on the next password unlock', async () => {
    // A record as an older policy (200,000 iterations, 16-byte salt) would have written it.
    const { sealRecord } = await import('./records.js');
    const { importMasterKey } = await import('./cipher.js');
    const { deriveMasterKey } = await import('./kdf.js');
    const { encodeRecord } = await import('./format.js');
    const { decodeKeyring } = await import('./keyring-codec.js');
    const kdf = { name: 'pbkdf2-sha256' as const, iterations: 200_000, salt: crypto.getRandomValues(new Uint8Array(16)) };
    const raw = await deriveMasterKey(crypto, 'weaker params password', kdf);
    const keyring = decodeKeyring(new TextEncoder().encode(JSON.stringify(v2.keyring)));
    const weak = encodeRecord(await sealRecord(crypto, await importMasterKey(crypto, raw), { id: 'abcdefabcdefabcdefabcdefabcdefab', revision: 3, kdf }, keyring));
    const { storage, vault } = await vaultHolding(weak);
    expect(await vault.status()).toMatchObject({ state: 'locked', upgradePending: true });
    await vault.unlock('weaker params password');
    const upgraded = decodeRecord((await storage.readCurrent())!.text);
    expect(upgraded.kdf.iterations).toBe(CURRENT_KDF.iterations);
    expect(upgraded.kdf.salt).toHaveLength(CURRENT_KDF.saltLength);
    expect(upgraded.id).toBe('abcdefabcdefabcdefabcdefabcdefab');
    expect(upgraded.revision).toBe(4);
    expect((await storage.readPrevious())!.text).toBe(weak);
    expect(await vault.status()).toMatchObject({ state: 'locked', upgradePending: false });
  });
});
