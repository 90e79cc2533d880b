/**
 * Tampered, truncated and unknown records: every alteration is detected, reported with its own
 * error, and never written over.
 */
import { describe, expect, test } from 'vitest';
import { Vault } from './vault.js';
import { MemoryVaultStorage } from './testing/memory-storage.js';
import { decodeRecord, encodeRecord, type VaultRecord } from './format.js';
import { decodeAnyRecord } from './records.js';
import { importMasterKey, open, seal } from './cipher.js';
import { AuthenticationFailedError, UnsupportedAlgorithmError, UnsupportedVaultVersionError, VaultExistsError, VaultFormatError, VaultReplacedError, VaultTamperedError, VaultUnreadableError, WrongPasswordError } from './errors.js';
import { platformCrypto } from './crypto.js';

const PASSWORD = 'tamper test password';
const cryptoImpl = platformCrypto();

function flipped(bytes: Uint8Array, index: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  copy[index]! ^= 0x01;
  return copy;
}

describe('cipher', () => {
  test('flipping any bit-position byte of salt, IV, ciphertext, tag or AAD fails authentication', async () => {
    const key = await importMasterKey(cryptoImpl, cryptoImpl.getRandomValues(new Uint8Array(32)));
    const aad = new TextEncoder().encode('["wayfarer-vault",2,"id",1]');
    const plaintext = new TextEncoder().encode('{"secret":"abandon abandon about"}');
    const sealed = await seal(cryptoImpl, key, plaintext, aad);
    expect(await open(cryptoImpl, key, sealed, aad)).toEqual(plaintext);
    const cases: Promise<unknown>[] = [];
    for (let i = 0; i < sealed.writeSalt.length; i++) cases.push(open(cryptoImpl, key, { ...sealed, writeSalt: flipped(sealed.writeSalt, i) }, aad));
    for (let i = 0; i < sealed.iv.length; i++) cases.push(open(cryptoImpl, key, { ...sealed, iv: flipped(sealed.iv, i) }, aad));
    for (let i = 0; i < sealed.ciphertext.length; i++) cases.push(open(cryptoImpl, key, { ...sealed, ciphertext: flipped(sealed.ciphertext, i) }, aad));
    for (let i = 0; i < aad.length; i++) cases.push(open(cryptoImpl, key, sealed, flipped(aad, i)));
    for (let length = 0; length < sealed.ciphertext.length; length++) cases.push(open(cryptoImpl, key, { ...sealed, ciphertext: sealed.ciphertext.slice(0, length) }, aad));
    const results = await Promise.allSettled(cases);
    expect(results.length).toBe(32 + 12 + 2 * sealed.ciphertext.length + aad.length);
    for (const r of results) {
      expect(r.status).toBe('rejected');
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(AuthenticationFailedError);
    }
    const otherKey = await importMasterKey(cryptoImpl, cryptoImpl.getRandomValues(new Uint8Array(32)));
    await expect(open(cryptoImpl, otherKey, sealed, aad)).rejects.toBeInstanceOf(AuthenticationFailedError);
  });
});

let n = 0;
async function createdVault() {
  const name = `tamper-${n++}-${Math.random()}`;
  const storage = await MemoryVaultStorage.open(name);
  const vault = new Vault({ storage });
  const created = await vault.create(PASSWORD, { kind: 'generate', words: 12 });
  await created.vault.renameAccount(created.accountId, 'Second write');
  const text = (await storage.readCurrent())!.text;
  return { storage, vault, created, text, record: decodeRecord(text) };
}

/** Replaces the current record behind the vault's back, as disk corruption or an attacker would. */
async function overwrite(storage: MemoryVaultStorage, text: string): Promise<void> {
  storage.overwriteCurrent(text, Date.now());
}

describe('stored record', () => {
  test('every flipped ciphertext byte is detected as tampering under the session key, and nothing is written', async () => {
    const { storage, vault, created, record } = await createdVault();
    for (let i = 0; i < record.sealed.ciphertext.length; i++) {
      const tampered: VaultRecord = { ...record, sealed: { ...record.sealed, ciphertext: flipped(record.sealed.ciphertext, i) } };
      const text = encodeRecord(tampered);
      await overwrite(storage, text);
      await expect(vault.resume(created.sessionKey)).rejects.toBeInstanceOf(VaultTamperedError);
      await expect(created.vault.renameAccount(created.accountId, 'overwrite attempt')).rejects.toBeInstanceOf(VaultTamperedError);
      expect((await storage.readCurrent())!.text).toBe(text);
    }
  });

  test('header fields are bound: each edit fails with the right error and the record stays', async () => {
    const { storage, vault, created, record, text: original } = await createdVault();
    const edits: [string, VaultRecord, { resume: unknown; unlock: unknown }][] = [
      ['revision', { ...record, revision: record.revision + 1 }, { resume: VaultTamperedError, unlock: VaultTamperedError }],
      ['id', { ...record, id: 'f'.repeat(32) }, { resume: VaultReplacedError, unlock: VaultTamperedError }],
      ['kdf salt', { ...record, kdf: { ...record.kdf, salt: flipped(record.kdf.salt, 0) } }, { resume: VaultReplacedError, unlock: WrongPasswordError }],
      ['iterations', { ...record, kdf: { ...record.kdf, iterations: record.kdf.iterations + 1 } }, { resume: VaultTamperedError, unlock: WrongPasswordError }],
      ['key check', { ...record, keyCheck: flipped(record.keyCheck, 5) }, { resume: VaultTamperedError, unlock: WrongPasswordError }],
      ['iv', { ...record, sealed: { ...record.sealed, iv: flipped(record.sealed.iv, 11) } }, { resume: VaultTamperedError, unlock: VaultTamperedError }],
      ['write salt', { ...record, sealed: { ...record.sealed, writeSalt: flipped(record.sealed.writeSalt, 31) } }, { resume: VaultTamperedError, unlock: VaultTamperedError }],
    ];
    for (const [name, edited, expected] of edits) {
      const text = encodeRecord(edited);
      await overwrite(storage, text);
      await expect(vault.resume(created.sessionKey), name).rejects.toBeInstanceOf(expected.resume);
      await expect(vault.unlock(PASSWORD), name).rejects.toBeInstanceOf(expected.unlock);
      expect((await storage.readCurrent())!.text, name).toBe(text);
    }
    await overwrite(storage, original);
    await expect(vault.unlock(PASSWORD)).resolves.toBeDefined();
  });

  test('a tampered vault can be brought back from the previous record, and the damaged one is archived', async () => {
    const { storage, vault, record } = await createdVault();
    const damaged = encodeRecord({ ...record, sealed: { ...record.sealed, ciphertext: flipped(record.sealed.ciphertext, 3) } });
    await overwrite(storage, damaged);
    await expect(vault.unlock(PASSWORD)).rejects.toBeInstanceOf(VaultTamperedError);
    const restored = await vault.restorePrevious(PASSWORD);
    // The previous record is the vault as it was before its last write (the rename).
    expect((await restored.vault.view(1)).accounts[0]!.name).toBe('Account 1');
    const archive = await storage.listArchive();
    expect(archive.map((e) => e.text)).toContain(damaged);
  });

  test('every truncation is unreadable, reported as such, and never overwritten', async () => {
    const { storage, vault, text } = await createdVault();
    for (let length = 0; length < text.length; length++) {
      expect(() => decodeAnyRecord(text.slice(0, length)), `length ${length}`).toThrow(VaultFormatError);
    }
    for (const length of [1, 10, Math.floor(text.length / 2), text.length - 2, text.length - 1]) {
      const truncated = text.slice(0, length);
      await overwrite(storage, truncated);
      const status = await vault.status();
      expect(status).toMatchObject({ state: 'unreadable', reason: { code: 'vault.malformed' }, previousAvailable: true });
      await expect(vault.unlock(PASSWORD)).rejects.toBeInstanceOf(VaultUnreadableError);
      await expect(vault.create(PASSWORD, { kind: 'generate', words: 12 })).rejects.toBeInstanceOf(VaultExistsError);
      expect((await storage.readCurrent())!.text).toBe(truncated);
    }
  });

  test('unknown versions, formats, algorithms and fields are rejected with their own errors', async () => {
    const { storage, vault, text } = await createdVault();
    const json = JSON.parse(text) as Record<string, unknown>;
    const cases: [string, unknown, unknown][] = [
      ['version 3', { ...json, version: 3 }, UnsupportedVaultVersionError],
      ['version 0', { ...json, version: 0 }, UnsupportedVaultVersionError],
      ['version "2"', { ...json, version: '2' }, UnsupportedVaultVersionError],
      ['no version', { ...json, version: undefined }, VaultFormatError],
      ['other format', { ...json, format: 'something-else' }, VaultFormatError],
      ['extra field', { ...json, note: 'hi' }, VaultFormatError],
      ['missing field', { ...json, keyCheck: undefined }, VaultFormatError],
      ['argon2', { ...json, kdf: { ...(json.kdf as object), name: 'argon2id' } }, UnsupportedAlgorithmError],
      ['iterations too high', { ...json, kdf: { ...(json.kdf as object), iterations: 1e12 } }, VaultFormatError],
      ['iterations too low', { ...json, kdf: { ...(json.kdf as object), iterations: 1000 } }, VaultFormatError],
      ['fractional iterations', { ...json, kdf: { ...(json.kdf as object), iterations: 600000.5 } }, VaultFormatError],
      ['other cipher', { ...json, cipher: { ...(json.cipher as object), name: 'aes-128-cbc' } }, UnsupportedAlgorithmError],
      ['short iv', { ...json, cipher: { ...(json.cipher as object), iv: 'AAAA' } }, VaultFormatError],
      ['bad base64', { ...json, ciphertext: 'not base64!' }, VaultFormatError],
      ['negative revision', { ...json, revision: -1 }, VaultFormatError],
      ['array', [json], VaultFormatError],
      ['null', null, VaultFormatError],
    ];
    for (const [name, value, error] of cases) {
      const edited = JSON.stringify(value);
      expect(() => decodeAnyRecord(edited), name).toThrow(error as typeof Error);
      await overwrite(storage, edited);
      const status = await vault.status();
      expect(status.state, name).toBe('unreadable');
      await expect(vault.unlock(PASSWORD), name).rejects.toBeInstanceOf(VaultUnreadableError);
      expect((await storage.readCurrent())!.text).toBe(edited);
    }
    await overwrite(storage, JSON.stringify({ ...json, version: 3 }));
    expect(await vault.status()).toMatchObject({ state: 'unreadable', reason: { code: 'vault.unsupported_version' } });
  });
});
