import { describe, expect, test } from 'vitest';
import { pbkdf2 } from '@noble/hashes/pbkdf2.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { assertKdfParams, CURRENT_KDF, deriveMasterKey, freshKdfParams, kdfNeedsUpgrade, PBKDF2_MAX_ITERATIONS } from './kdf.js';
import { platformCrypto } from './crypto.js';
import { UnsupportedAlgorithmError, VaultFormatError } from './errors.js';

describe('kdf', () => {
  test('matches an independent PBKDF2-HMAC-SHA256 (noble) on the NFC-normalized password', async () => {
    const salt = Uint8Array.from({ length: 32 }, (_, i) => i);
    const params = { name: 'pbkdf2-sha256' as const, iterations: 100_000, salt };
    const ours = await deriveMasterKey(platformCrypto(), 'Cafe\u0301 ☕ pass', params);
    const reference = pbkdf2(sha256, new TextEncoder().encode('Caf\u00e9 ☕ pass'), salt, { c: 100_000, dkLen: 32 });
    expect(ours).toEqual(reference);
  });

  test('fresh parameters follow the policy with a new salt each time', () => {
    const a = freshKdfParams(platformCrypto());
    const b = freshKdfParams(platformCrypto());
    expect(a).toMatchObject({ name: 'pbkdf2-sha256', iterations: 600_000 });
    expect(a.iterations).toBeGreaterThanOrEqual(600_000);
    expect(a.salt).toHaveLength(CURRENT_KDF.saltLength);
    expect(a.salt).not.toEqual(b.salt);
    expect(kdfNeedsUpgrade(a)).toBe(false);
    expect(kdfNeedsUpgrade({ ...a, iterations: 310_000 })).toBe(true);
    expect(kdfNeedsUpgrade({ ...a, salt: a.salt.slice(0, 16) })).toBe(true);
  });

  test('parameters out of bounds are refused before any work', async () => {
    const salt = new Uint8Array(32);
    expect(() => assertKdfParams({ name: 'scrypt', iterations: 600_000, salt })).toThrow(UnsupportedAlgorithmError);
    expect(() => assertKdfParams({ name: 'pbkdf2-sha256', iterations: PBKDF2_MAX_ITERATIONS + 1, salt })).toThrow(VaultFormatError);
    expect(() => assertKdfParams({ name: 'pbkdf2-sha256', iterations: 99_999, salt })).toThrow(VaultFormatError);
    expect(() => assertKdfParams({ name: 'pbkdf2-sha256', iterations: 600_000, salt: new Uint8Array(8) })).toThrow(VaultFormatError);
    const started = performance.now();
    await expect(deriveMasterKey(platformCrypto(), 'x', { name: 'pbkdf2-sha256', iterations: 1e12, salt })).rejects.toThrow(VaultFormatError);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
