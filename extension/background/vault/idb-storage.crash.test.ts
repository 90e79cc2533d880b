/**
 * Crash safety: a write interrupted at any step (an aborted transaction, an exception thrown in the
 * middle) leaves exactly the old vault, which still opens with its password; concurrent writers never
 * lose each other's changes.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import { Vault } from '../../../core/vault/vault.js';
import { IdbVaultStorage } from './idb-storage.js';
import { VaultStorageError, WrongPasswordError } from '../../../core/vault/errors.js';

const PASSWORD = 'crash test password';
type Method = 'get' | 'put' | 'add' | 'delete';
const METHODS: Method[] = ['get', 'put', 'add', 'delete'];
const proto: object = globalThis.IDBObjectStore.prototype;
const originals = new Map<Method, Function>(
  METHODS.map((m) => {
    const original: unknown = Reflect.get(proto, m);
    if (typeof original !== 'function') throw new TypeError(`IDBObjectStore.prototype.${m} is not a function`);
    return [m, original];
  }),
);

/**
 * Makes the `step`-th object-store request (counting from 1, over get/put/add/delete) fail: either
 * the transaction is aborted at that point, or an exception is thrown instead of the request.
 * Returns a function telling whether the fault fired.
 */
function injectFault(step: number, mode: 'abort' | 'throw'): () => boolean {
  let calls = 0;
  let fired = false;
  for (const m of METHODS) {
    const original = originals.get(m)!;
    Reflect.set(proto, m, function (this: IDBObjectStore, ...args: unknown[]): unknown {
      calls++;
      if (calls === step) {
        fired = true;
        if (mode === 'abort') this.transaction.abort();
        else throw new Error('simulated crash in the middle of a write');
      }
      return Reflect.apply(original, this, args);
    });
  }
  return () => fired;
}

function removeFaults(): void {
  for (const [m, original] of originals) Reflect.set(proto, m, original);
}
afterEach(removeFaults);

let n = 0;
async function setup() {
  const name = `crash-${n++}-${Math.random()}`;
  const storage = await IdbVaultStorage.open(indexedDB, name);
  const vault = new Vault({ storage });
  const created = await vault.create(PASSWORD, { kind: 'generate', words: 12 });
  const { accountId: second } = await created.vault.addAccount(created.walletId);
  return { name, storage, vault, unlocked: created.vault, sessionKey: created.sessionKey, first: created.accountId, second, walletId: created.walletId };
}

async function snapshot(storage: IdbVaultStorage) {
  return { current: await storage.readCurrent(), previous: await storage.readPrevious(), archive: await storage.listArchive() };
}

/**
 * Runs `write` with a fault at request 1, 2, … until a run gets past the last request (which must
 * succeed). Each faulted run must fail with a storage error and leave the stored records exactly as
 * they were; then `check` looks at the vault as a fresh process would. Returns that last step.
 */
async function faultEveryStep(storage: IdbVaultStorage, mode: 'abort' | 'throw', limit: number, write: (step: number) => Promise<unknown>, check: () => Promise<void>): Promise<number> {
  let step = 1;
  for (; step < limit; step++) {
    const before = await snapshot(storage);
    const fired = injectFault(step, mode);
    const outcome = await write(step).then(
      () => 'ok' as const,
      (e: unknown) => e,
    );
    removeFaults();
    if (!fired()) {
      // Past the last request: the write went through untouched.
      expect(outcome).toBe('ok');
      break;
    }
    // A fault inside the write's transaction surfaces as a storage error; one in the read that
    // precedes it surfaces too. Either way nothing changed.
    expect(outcome, `step ${step}`).toBeInstanceOf(VaultStorageError);
    expect(await snapshot(storage), `step ${step}`).toEqual(before);
    await check();
  }
  return step;
}

describe('interrupted writes', () => {
  for (const mode of ['abort', 'throw'] as const) {
    test(`a rename interrupted at every step (${mode}) leaves the old vault intact and openable`, async () => {
      const { name, storage, unlocked, first, sessionKey } = await setup();
      const step = await faultEveryStep(storage, mode, 50, (at) => unlocked.renameAccount(first, `Renamed at ${at}`), async () => {
        // A fresh process (new connection, new Vault) opens the old vault with the session key.
        const reopened = new Vault({ storage: await IdbVaultStorage.open(indexedDB, name) });
        const view = await (await reopened.resume(sessionKey)).view(1);
        expect(view.accounts.map((a) => a.name)).toEqual(['Account 1', 'Account 2']);
      });
      expect(step).toBeGreaterThan(4); // the fault really walked through the read and the write
      expect((await unlocked.view(1)).accounts[0]!.name).toBe(`Renamed at ${step}`);
      await expect(new Vault({ storage: await IdbVaultStorage.open(indexedDB, name) }).unlock(PASSWORD)).resolves.toBeDefined();
    });

    test(`a restore interrupted at every step (${mode}) leaves the old vault and archive intact`, async () => {
      const { name, storage, unlocked, sessionKey } = await setup();
      const backup = await unlocked.exportBackup(PASSWORD);
      await unlocked.renameAccount((await unlocked.view(1)).accounts[0]!.id, 'After backup');
      const vault = new Vault({ storage });
      const step = await faultEveryStep(storage, mode, 60, () => vault.restoreBackup(backup, PASSWORD), async () => {
        const reopened = new Vault({ storage: await IdbVaultStorage.open(indexedDB, name) });
        expect((await (await reopened.resume(sessionKey)).view(1)).accounts[0]!.name).toBe('After backup');
      });
      expect(step).toBeGreaterThan(6);
      const archive = await storage.listArchive();
      expect(archive.map((e) => e.reason).sort()).toEqual(['previous-of-replaced', 'replaced-by-restore']);
      expect((await (await vault.unlock(PASSWORD)).vault.view(1)).accounts[0]!.name).toBe('Account 1');
    });
  }

  test('a password change interrupted at every step keeps the old password working', async () => {
    const { name, storage, unlocked, sessionKey } = await setup();
    const step = await faultEveryStep(storage, 'abort', 60, () => unlocked.changePassword(PASSWORD, 'the new password'), async () => {
      await expect(new Vault({ storage: await IdbVaultStorage.open(indexedDB, name) }).resume(sessionKey)).resolves.toBeDefined();
    });
    expect(step).toBeGreaterThan(4);
    await expect(new Vault({ storage }).unlock('the new password')).resolves.toBeDefined();
    await expect(new Vault({ storage }).unlock(PASSWORD)).rejects.toBeInstanceOf(WrongPasswordError);
  });
});

describe('concurrent writers', () => {
  test('many renames from one process all land, in order', async () => {
    const { unlocked, first, second } = await setup();
    await Promise.all(Array.from({ length: 10 }, (_, i) => unlocked.renameAccount(i % 2 === 0 ? first : second, `Name ${i}`)));
    expect((await unlocked.view(1)).accounts.map((a) => a.name)).toEqual(['Name 8', 'Name 9']);
  });

  test('two processes renaming different accounts at the same time lose nothing', async () => {
    const { name, first, second } = await setup();
    // Two independent Vault objects on two connections: like two workers, no shared queue.
    const a = await new Vault({ storage: await IdbVaultStorage.open(indexedDB, name) }).unlock(PASSWORD);
    const b = await new Vault({ storage: await IdbVaultStorage.open(indexedDB, name) }).unlock(PASSWORD);
    for (let round = 0; round < 5; round++) {
      await Promise.all([a.vault.renameAccount(first, `A${round}`), b.vault.renameAccount(second, `B${round}`), a.vault.addAccount((await a.vault.view(1)).wallets[0]!.id)]);
      const names = (await a.vault.view(1)).accounts.map((x) => x.name);
      expect(names.slice(0, 2)).toEqual([`A${round}`, `B${round}`]);
      expect(names).toHaveLength(3 + round);
    }
  });
});
