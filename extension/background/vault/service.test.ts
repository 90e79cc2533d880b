/**
 * The vault service over the real core vault (fake-indexeddb) with in-memory stand-ins for
 * chrome.storage and chrome.alarms; the browser test runs the same service against the real ones.
 */
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { Vault, VaultLockedError } from '../../../core/vault/index.js';
import { IdbVaultStorage } from './idb-storage.js';
import { decodeEspaceTransaction } from '../../../core/tx/espace-decode.js';
import { recoverEspacePersonalMessageSigner, recoverCorePersonalMessageSigner } from '../../../core/message/personal.js';
import { VaultService } from './service.js';
import { SessionStore } from './session-store.js';
import { AutoLockSettingStore } from './settings-store.js';
import { AUTO_LOCK_ALARM, DEFAULT_AUTO_LOCK_MS } from './auto-lock.js';
import { vaultKeyring } from './provider-keyring.js';
import type { KeyValueArea } from '../storage-area.js';
import type { AlarmScheduler } from './platform.js';
import type { VaultStatusView } from '../../shared/ui-api/vault.js';

const PASSWORD = 'service test password';
const hd = JSON.parse(readFileSync(new URL('../../../test/vectors/signing/hd-derivation.json', import.meta.url), 'utf8')) as {
  vectors: { mnemonic: string; core: { hexAddress: string; base32Mainnet: string }[]; espace: { address: string }[] }[];
};
const abandon = hd.vectors[0]!;

class MemoryArea implements KeyValueArea {
  readonly data = new Map<string, unknown>();
  async get(key: string) {
    return structuredClone(this.data.get(key));
  }
  async set(key: string, value: unknown) {
    this.data.set(key, structuredClone(value));
  }
  async remove(key: string) {
    this.data.delete(key);
  }
}

class MemoryAlarms implements AlarmScheduler {
  readonly alarms = new Map<string, number>();
  async schedule(name: string, when: number) {
    this.alarms.set(name, when);
  }
  async clear(name: string) {
    this.alarms.delete(name);
  }
}

/** One browser profile: durable IndexedDB + local storage, session storage until "browser close". */
function profile() {
  const clock = { now: 1_800_000_000_000 };
  return { dbName: `service-${Math.random()}`, session: new MemoryArea(), local: new MemoryArea(), alarms: new MemoryAlarms(), clock };
}

/** Starts a service worker instance on the profile (a restart is just another call). */
async function startWorker(p: ReturnType<typeof profile>) {
  const statuses: VaultStatusView[] = [];
  let accountChanges = 0;
  const service = await VaultService.start({
    vault: new Vault({ storage: await IdbVaultStorage.open(indexedDB, p.dbName), now: () => p.clock.now }),
    session: new SessionStore(p.session),
    settings: new AutoLockSettingStore(p.local),
    alarms: p.alarms,
    now: () => p.clock.now,
    events: { statusChanged: (s) => statuses.push(s), accountsChanged: () => accountChanges++ },
  });
  return { service, statuses, accountChanges: () => accountChanges };
}

describe('session across worker restarts', () => {
  test('create unlocks; a restart within the deadline resumes without the password; after it, locked', async () => {
    const p = profile();
    const { service, statuses } = await startWorker(p);
    expect((await service.status()).state).toBe('empty');
    await service.create(PASSWORD, { kind: 'mnemonic', mnemonic: abandon.mnemonic }, false);
    const status = await service.status();
    expect(status).toMatchObject({ state: 'unlocked', lockAt: p.clock.now + DEFAULT_AUTO_LOCK_MS, autoLockMs: DEFAULT_AUTO_LOCK_MS, failedAttempts: 0 });
    expect(statuses.at(-1)?.state).toBe('unlocked');
    expect(p.alarms.alarms.get(AUTO_LOCK_ALARM)).toBe(status.lockAt);

    // The session record holds the key, never the password or the phrase.
    const stored = JSON.stringify([...p.session.data.values()]);
    expect(stored).not.toContain(PASSWORD);
    expect(stored).not.toContain('abandon');
    expect(stored).toMatch(/"masterKey":"[A-Za-z0-9+/=]{44}"/);

    p.clock.now += DEFAULT_AUTO_LOCK_MS - 1;
    const restarted = await startWorker(p);
    expect((await restarted.service.status()).state).toBe('unlocked');
    expect((await restarted.service.accounts(1029)).accounts[0]!.coreAddress).toBe(abandon.core[0]!.base32Mainnet);

    p.clock.now += 1;
    const late = await startWorker(p);
    expect((await late.service.status()).state).toBe('locked');
    expect(p.session.data.size).toBe(0);
    expect(p.alarms.alarms.size).toBe(0);
    await expect(late.service.accounts(1029)).rejects.toBeInstanceOf(VaultLockedError);
  });

  test('the deadline also holds inside a running worker: requests and the alarm lock it', async () => {
    const p = profile();
    const { service, statuses } = await startWorker(p);
    await service.create(PASSWORD, { kind: 'generate', words: 12 }, false);
    const lockAt = (await service.status()).lockAt!;
    // The alarm firing early (or after a deadline move) re-arms instead of locking.
    p.clock.now = lockAt - 10;
    await service.handleAlarm(AUTO_LOCK_ALARM);
    expect(service.isUnlocked).toBe(true);
    p.clock.now = lockAt;
    expect(service.isUnlocked).toBe(false);
    await service.handleAlarm(AUTO_LOCK_ALARM);
    expect(statuses.at(-1)?.state).toBe('locked');
    expect(p.session.data.size).toBe(0);
  });

  test('use moves the deadline; reads do not', async () => {
    const p = profile();
    const { service } = await startWorker(p);
    const { accountId } = await service.create(PASSWORD, { kind: 'generate', words: 12 }, false);
    const first = (await service.status()).lockAt!;
    p.clock.now += 60_000;
    await service.accounts(1029);
    expect((await service.status()).lockAt).toBe(first);
    await service.renameAccount(accountId, 'Moved');
    expect((await service.status()).lockAt).toBe(p.clock.now + DEFAULT_AUTO_LOCK_MS);
    p.clock.now += 60_000;
    await service.touch();
    const moved = (await service.status()).lockAt!;
    expect(moved).toBe(p.clock.now + DEFAULT_AUTO_LOCK_MS);
    // The moved deadline is what a restarted worker sees.
    expect((await new SessionStore(p.session).load())!.lockAt).toBe(moved);
    expect(p.alarms.alarms.get(AUTO_LOCK_ALARM)).toBe(moved);
  });

  test('lock wipes memory, session storage and the alarm; unlock needs the password again', async () => {
    const p = profile();
    const { service } = await startWorker(p);
    await service.create(PASSWORD, { kind: 'generate', words: 12 }, false);
    await service.lock();
    expect((await service.status()).state).toBe('locked');
    expect(p.session.data.size).toBe(0);
    expect(p.alarms.alarms.size).toBe(0);
    expect((await (await startWorker(p)).service.status()).state).toBe('locked');
    await expect(service.unlock('wrong password')).rejects.toMatchObject({ code: 'vault.wrong_password' });
    expect((await service.status()).failedAttempts).toBe(1);
    expect((await service.unlock(PASSWORD)).state).toBe('unlocked');
    expect((await service.status()).failedAttempts).toBe(0);
  });

  test('auto-lock setting: a short deadline applies at once; 0 means only the browser closing locks', async () => {
    const p = profile();
    const { service } = await startWorker(p);
    await service.create(PASSWORD, { kind: 'generate', words: 12 }, false);
    await expect(service.setAutoLock(90_000)).rejects.toMatchObject({ code: 'input.invalid' });
    await service.setAutoLock(60_000);
    expect((await service.status()).lockAt).toBe(p.clock.now + 60_000);
    await service.setAutoLock(0);
    expect((await service.status()).lockAt).toBeNull();
    expect(p.alarms.alarms.size).toBe(0);
    p.clock.now += 365 * 24 * 3600 * 1000;
    expect((await (await startWorker(p)).service.status()).state).toBe('unlocked');
    // "Browser closed": session storage is gone.
    p.session.data.clear();
    expect((await (await startWorker(p)).service.status()).state).toBe('locked');
    expect((await service.getAutoLock()).autoLockMs).toBe(0);
  });

  test('a password change moves the session to the new key; a session for a replaced vault is dropped', async () => {
    const p = profile();
    const { service } = await startWorker(p);
    await service.create(PASSWORD, { kind: 'generate', words: 12 }, false);
    const before = structuredClone(p.session.data);
    await service.changePassword(PASSWORD, 'another long password');
    expect((await (await startWorker(p)).service.status()).state).toBe('unlocked');
    // An old session record (e.g. written just before the change) no longer opens anything.
    for (const [k, v] of before) p.session.data.set(k, v);
    const stale = await startWorker(p);
    expect((await stale.service.status()).state).toBe('locked');
    expect(p.session.data.size).toBe(0);
    await expect(stale.service.unlock(PASSWORD)).rejects.toMatchObject({ code: 'vault.wrong_password' });
    await stale.service.unlock('another long password');
  });

  test('a malformed session record means locked, never an error loop', async () => {
    const p = profile();
    const { service } = await startWorker(p);
    await service.create(PASSWORD, { kind: 'generate', words: 12 }, false);
    for (const [k, v] of p.session.data) p.session.data.set(k, { ...(v as object), masterKey: 'AAAA' });
    expect((await (await startWorker(p)).service.status()).state).toBe('locked');
    expect(p.session.data.size).toBe(0);
  });
});

describe('keyring for dApps', () => {
  test('lists visible accounts and signs with the right keys; reads do not extend the deadline', async () => {
    const p = profile();
    const { service } = await startWorker(p);
    const { walletId, accountId } = await service.create(PASSWORD, { kind: 'mnemonic', mnemonic: abandon.mnemonic }, false);
    const { accountId: second } = await service.addAccount(walletId, 'Hidden one');
    await service.setAccountHidden(second, true);
    const keyring = vaultKeyring(service, () => () => undefined);
    const lockAt = (await service.status()).lockAt;
    p.clock.now += 1000;
    expect(await keyring.isUnlocked()).toBe(true);
    expect(await keyring.listAccounts()).toEqual([{ id: accountId, name: 'Account 1', coreHex: abandon.core[0]!.hexAddress, espaceAddress: abandon.espace[0]!.address }]);
    expect((await service.status()).lockAt).toBe(lockAt);

    const message = new TextEncoder().encode('Sign in to example.org');
    const espaceSig = await keyring.personalSign(accountId, 'espace', message);
    expect(recoverEspacePersonalMessageSigner(message, espaceSig)).toBe(abandon.espace[0]!.address);
    const coreSig = await keyring.personalSign(accountId, 'core', message);
    expect(recoverCorePersonalMessageSigner(message, coreSig, 1029)).toBe(abandon.core[0]!.base32Mainnet);
    expect((await service.status()).lockAt).toBe(p.clock.now + DEFAULT_AUTO_LOCK_MS);

    const tx = { type: 2 as const, chainId: 1030, nonce: 0n, gas: 21000n, to: abandon.espace[1]!.address, value: 1n, data: '0x', maxPriorityFeePerGas: 1n, maxFeePerGas: 2n, accessList: [] };
    const signed = await keyring.signEspaceTransaction(accountId, tx, 1030);
    expect(decodeEspaceTransaction(signed.raw).from).toBe(abandon.espace[0]!.address);
    await expect(keyring.signEspaceTransaction(accountId, tx, 71)).rejects.toMatchObject({ code: 'tx.chain_id' });

    await service.lock();
    expect(await keyring.isUnlocked()).toBe(false);
    await expect(keyring.listAccounts()).rejects.toBeInstanceOf(VaultLockedError);
    await expect(keyring.personalSign(accountId, 'espace', message)).rejects.toBeInstanceOf(VaultLockedError);
  });
});
