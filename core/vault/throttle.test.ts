import { describe, expect, test } from 'vitest';
import { delayAfterFailures, FREE_ATTEMPTS, MAX_DELAY_MS, nextAttemptAt, reanchor, recordFailure } from './throttle.js';
import { Vault } from './vault.js';
import { MemoryVaultStorage } from './testing/memory-storage.js';
import { UnlockThrottledError, WrongPasswordError } from './errors.js';

describe('throttle policy', () => {
  test('a few free attempts, then doubling delays, capped', () => {
    expect(Array.from({ length: FREE_ATTEMPTS + 1 }, (_, i) => delayAfterFailures(i))).toEqual([0, 0, 0, 0]);
    expect(delayAfterFailures(FREE_ATTEMPTS + 1)).toBe(1_000);
    expect(delayAfterFailures(FREE_ATTEMPTS + 2)).toBe(2_000);
    expect(delayAfterFailures(FREE_ATTEMPTS + 5)).toBe(16_000);
    expect(delayAfterFailures(1000)).toBe(MAX_DELAY_MS);
    for (let f = 1; f < 40; f++) expect(delayAfterFailures(f)).toBeGreaterThanOrEqual(delayAfterFailures(f - 1));
  });

  test('next attempt time and clock changes', () => {
    let state = undefined as ReturnType<typeof recordFailure> | undefined;
    for (let i = 0; i < FREE_ATTEMPTS + 2; i++) state = recordFailure(state, 10_000);
    expect(nextAttemptAt(state, 10_000)).toBe(12_000);
    expect(nextAttemptAt(state, 11_999)).toBe(12_000);
    expect(nextAttemptAt(state, 12_000)).toBe(0);
    // Clock moved back a year: the wait restarts from now instead of lasting a year.
    const yearAgo = 10_000 - 365 * 24 * 3600 * 1000;
    const anchored = reanchor(state!, yearAgo);
    expect(nextAttemptAt(anchored, yearAgo)).toBe(yearAgo + 2_000);
    expect(reanchor(state!, 20_000)).toBe(state);
  });
});

describe('throttled unlock', () => {
  test('wrong passwords are counted across restarts, delay grows, success resets, data untouched', async () => {
    let now = 1_700_000_000_000;
    const name = `throttle-${Math.random()}`;
    const storage = await MemoryVaultStorage.open(name);
    const vault = new Vault({ storage, now: () => now });
    await vault.create('the right password', { kind: 'generate', words: 12 });
    const record = await storage.readCurrent();

    for (let i = 0; i < FREE_ATTEMPTS; i++) await expect(vault.unlock(`wrong ${i}`)).rejects.toBeInstanceOf(WrongPasswordError);
    expect(await vault.passwordRetryAt()).toBe(0);
    await expect(vault.unlock('wrong again')).rejects.toBeInstanceOf(WrongPasswordError);
    expect(await vault.passwordRetryAt()).toBe(now + 1_000);

    // A restarted worker (new storage connection, new Vault) still sees the delay; even the right
    // password is not tried, and the refused attempt does not count.
    const restarted = new Vault({ storage: await MemoryVaultStorage.open(name), now: () => now });
    const refused = restarted.unlock('the right password');
    await expect(refused).rejects.toBeInstanceOf(UnlockThrottledError);
    await expect(refused).rejects.toMatchObject({ retryAt: now + 1_000, code: 'vault.throttled' });
    expect(await storage.readThrottle()).toEqual({ failures: FREE_ATTEMPTS + 1, lastFailureAt: now });

    now += 1_000;
    await expect(restarted.unlock('still wrong')).rejects.toBeInstanceOf(WrongPasswordError);
    expect(await restarted.passwordRetryAt()).toBe(now + 2_000);
    now += 2_000;
    await restarted.unlock('the right password');
    expect(await storage.readThrottle()).toBeUndefined();
    expect(await restarted.passwordRetryAt()).toBe(0);
    expect(await storage.readCurrent()).toEqual(record);
  });

  test('password re-entry for reveal is throttled by the same counter', async () => {
    let now = 1_700_000_000_000;
    const storage = await MemoryVaultStorage.open(`throttle-${Math.random()}`);
    const vault = new Vault({ storage, now: () => now });
    const { vault: unlocked, walletId } = await vault.create('the right password', { kind: 'generate', words: 12 });
    for (let i = 0; i <= FREE_ATTEMPTS; i++) await expect(unlocked.revealMnemonic(walletId, 'wrong')).rejects.toBeInstanceOf(WrongPasswordError);
    await expect(unlocked.revealMnemonic(walletId, 'the right password')).rejects.toBeInstanceOf(UnlockThrottledError);
    await expect(vault.unlock('the right password')).rejects.toBeInstanceOf(UnlockThrottledError);
    now += 1_000;
    expect((await unlocked.revealMnemonic(walletId, 'the right password')).split(' ')).toHaveLength(12);
  });

  test('concurrent wrong guesses are serialized and each one counts', async () => {
    const storage = await MemoryVaultStorage.open(`throttle-${Math.random()}`);
    const vault = new Vault({ storage, now: () => 5_000 });
    await vault.create('the right password', { kind: 'generate', words: 12 });
    const results = await Promise.allSettled(Array.from({ length: FREE_ATTEMPTS + 3 }, (_, i) => vault.unlock(`guess ${i}`)));
    const errors = results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'ok'));
    expect(errors.filter((c) => c === 'vault.wrong_password')).toHaveLength(FREE_ATTEMPTS + 1);
    expect(errors.filter((c) => c === 'vault.throttled')).toHaveLength(2);
  });
});
