/**
 * Vault unlock cost: the chosen KDF (PBKDF2-HMAC-SHA256, 600,000 iterations, native WebCrypto) as a
 * full unlock (IndexedDB read, key derivation, key check, decryption), against bare PBKDF2 at
 * 10,000 iterations (a weak common setting) and 600,000 iterations (the strong common setting), and
 * the memory-hard alternatives at their OWASP minimums in pure JavaScript (@noble/hashes), which is
 * what an extension could run. Ratios are against PBKDF2 600,000 in the same run.
 */
import 'fake-indexeddb/auto';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { argon2idAsync } from '@noble/hashes/argon2.js';
import { measure, printTable, type Measurement } from './harness.js';
import { Vault } from '../core/vault/vault.js';
import { IdbVaultStorage } from '../extension/background/vault/idb-storage.js';
import { CURRENT_KDF } from '../core/vault/kdf.js';

const PASSWORD = 'a reasonably long vault password';
const salt = crypto.getRandomValues(new Uint8Array(32));

async function pbkdf2(iterations: number): Promise<void> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(PASSWORD), 'PBKDF2', false, ['deriveBits']);
  await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
}

async function interleaved(cases: [[string, () => Promise<unknown>], [string, () => Promise<unknown>]], rounds: number): Promise<[Measurement, Measurement]> {
  const totals = cases.map(() => 0);
  for (const [, fn] of cases) await fn(); // warm-up
  for (let round = 0; round < rounds; round++) {
    for (const [i, [, fn]] of cases.entries()) {
      const start = performance.now();
      await fn();
      totals[i]! += performance.now() - start;
    }
  }
  const result = (i: 0 | 1): Measurement => ({ name: cases[i][0], iterations: rounds, meanMs: totals[i]! / rounds, opsPerSecond: (1000 * rounds) / totals[i]! });
  return [result(0), result(1)];
}

export default async function run(): Promise<void> {
  const vault = new Vault({ storage: await IdbVaultStorage.open(indexedDB, `bench-${Date.now()}`) });
  const { sessionKey } = await vault.create(PASSWORD, { kind: 'generate', words: 12 });
  for (let i = 0; i < 20; i++) {
    const { vault: unlocked } = await vault.unlock(PASSWORD);
    await unlocked.addAccount((await unlocked.view(1)).wallets[0]!.id);
  }

  const weak = await measure('PBKDF2-SHA256 10,000 (WebCrypto)', () => pbkdf2(10_000), { minIterations: 20 });
  // Interleaved, so background load on the machine hits both alike.
  const [strong, unlock] = await interleaved(
    [
      ['PBKDF2-SHA256 600,000 (WebCrypto)', () => pbkdf2(600_000)],
      [`vault unlock: ${CURRENT_KDF.name} ${CURRENT_KDF.iterations.toLocaleString('en')}, 21 accounts`, () => vault.unlock(PASSWORD)],
    ],
    10,
  );
  const resume = await measure('resume from the session key (worker restart, no KDF)', () => vault.resume({ masterKey: Uint8Array.from(sessionKey.masterKey), binding: sessionKey.binding }), { minIterations: 20 });
  const scrypt = await measure('scrypt N=2^17 r=8 p=1 (noble, JS)', () => scryptAsync(PASSWORD, salt, { N: 2 ** 17, r: 8, p: 1, dkLen: 32 }), { minIterations: 3, budgetMs: 1 });
  const argon = await measure('Argon2id m=19 MiB t=2 p=1 (noble, JS)', () => argon2idAsync(PASSWORD, salt, { m: 19 * 1024, t: 2, p: 1, dkLen: 32 }), { minIterations: 3, budgetMs: 1 });

  const row = (m: Measurement) => ({ operation: m.name, 'mean ms': m.meanMs, 'vs PBKDF2 600k': m.meanMs / strong.meanMs, runs: m.iterations });
  printTable('Vault unlock and key derivation', [weak, strong, unlock, resume, scrypt, argon].map(row));
  console.log(
    `\nChosen: PBKDF2-SHA256 ${CURRENT_KDF.iterations.toLocaleString('en')} iterations. Full unlock / bare PBKDF2 600k = ${(unlock.meanMs / strong.meanMs).toFixed(3)}; ` +
      `PBKDF2 600k / 10k = ${(strong.meanMs / weak.meanMs).toFixed(1)}x the guessing cost of the weak setting.`,
  );
}
