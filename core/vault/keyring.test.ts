import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { addHdAccount, addWallet, assertKeyringInvariants, emptyKeyring, removeWallet, reorderAccounts, setAccountHidden, type AccountEntry, type Keyring, type WalletEntry } from './keyring.js';
import { decodeKeyring, encodeKeyring } from './keyring-codec.js';
import { DuplicateImportError, InvalidKeyringChangeError, VaultFormatError } from './errors.js';

const id = (n: number) => n.toString(16).padStart(32, '0');
const address = (n: number) => `0x1${n.toString(16).padStart(39, '0')}` as const;
const evm = (n: number) => `0x${n.toString(16).padStart(40, '0')}` as const;
const MNEMONIC = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';

function hdWallet(n: number, mnemonic = MNEMONIC, passphrase = ''): WalletEntry {
  return { kind: 'hd', id: id(n), name: `W${n}`, mnemonic, passphrase, createdAt: 1, nextIndex: 1 };
}
function account(n: number, walletId: string, index = 0, hidden = false): AccountEntry {
  return { id: id(1000 + n), walletId, index, name: `A${n}`, hidden, coreHexAddress: address(n), evmAddress: evm(n) };
}

describe('keyring operations', () => {
  test('inputs are never mutated and invariants hold after every operation', () => {
    const k0 = emptyKeyring();
    const k1 = addWallet(k0, hdWallet(1), account(1, id(1)));
    const k2 = addHdAccount(k1, account(2, id(1), 1));
    expect(k0).toEqual({ wallets: [], accounts: [] });
    expect(k1.accounts).toHaveLength(1);
    expect(k2.wallets[0]).toMatchObject({ nextIndex: 2 });
    expect(() => addHdAccount(k2, account(3, id(1), 5))).toThrow(InvalidKeyringChangeError);
    expect(() => addWallet(k2, hdWallet(9), account(4, id(9)))).toThrow(DuplicateImportError);
    const k3 = addWallet(k2, hdWallet(9, MNEMONIC, 'pass'), account(4, id(9)));
    const k4 = setAccountHidden(reorderAccounts(k3, [id(1004), id(1002), id(1001)]), id(1004), true);
    // Removing the wallet of the only visible accounts re-shows one, so the wallet never shows none.
    const k5 = setAccountHidden(k4, id(1002), true);
    expect(() => setAccountHidden(k5, id(1001), true)).toThrow(InvalidKeyringChangeError);
    const k6 = removeWallet(k5, id(1));
    expect(k6.accounts).toEqual([{ ...account(4, id(9)), hidden: false }]);
    for (const k of [k1, k2, k3, k4, k5, k6]) expect(() => assertKeyringInvariants(k)).not.toThrow();
  });

  test('invariant violations are caught', () => {
    const ok = addWallet(emptyKeyring(), hdWallet(1), account(1, id(1)));
    const broken: [string, Keyring][] = [
      ['orphan account', { ...ok, accounts: [...ok.accounts, account(2, id(7))] }],
      ['duplicate account id', { ...ok, accounts: [ok.accounts[0]!, { ...ok.accounts[0]!, index: 0 }] }],
      ['index beyond nextIndex', { ...ok, accounts: [{ ...ok.accounts[0]!, index: 3 }] }],
      ['wallet without accounts', { wallets: ok.wallets, accounts: [] }],
      ['all hidden', { ...ok, accounts: [{ ...ok.accounts[0]!, hidden: true }] }],
      ['imported key with index 1', { wallets: [{ kind: 'private-key', id: id(5), name: 'k', privateKey: `0x${'11'.repeat(32)}`, createdAt: 1 }], accounts: [account(5, id(5), 1)] }],
    ];
    for (const [name, keyring] of broken) expect(() => assertKeyringInvariants(keyring), name).toThrow(InvalidKeyringChangeError);
  });
});

describe('keyring codec', () => {
  test('round-trips any valid keyring (property)', () => {
    const arbitraryKeyring = fc
      .array(fc.record({ accounts: fc.integer({ min: 1, max: 4 }), hidden: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), name: fc.string({ minLength: 1, maxLength: 64 }), passphrase: fc.string({ maxLength: 20 }), kind: fc.constantFrom('hd', 'private-key') }), { minLength: 1, maxLength: 5 })
      .map((specs) => {
        const wallets: WalletEntry[] = [];
        const accounts: AccountEntry[] = [];
        let n = 0;
        specs.forEach((spec, w) => {
          const walletId = id(w + 1);
          if (spec.kind === 'hd') {
            wallets.push({ kind: 'hd', id: walletId, name: spec.name, mnemonic: MNEMONIC, passphrase: spec.passphrase + String(w), createdAt: w, nextIndex: spec.accounts });
            for (let i = 0; i < spec.accounts; i++) accounts.push({ ...account(++n, walletId, i, spec.hidden[i]!), name: spec.name });
          } else {
            wallets.push({ kind: 'private-key', id: walletId, name: spec.name, privateKey: `0x${(w + 1).toString(16).padStart(64, '0')}`, createdAt: w });
            accounts.push(account(++n, walletId, 0, spec.hidden[0]!));
          }
        });
        if (accounts.every((a) => a.hidden)) accounts[0] = { ...accounts[0]!, hidden: false };
        return { wallets, accounts };
      });
    fc.assert(
      fc.property(arbitraryKeyring, (keyring) => {
        expect(decodeKeyring(encodeKeyring(keyring))).toEqual(keyring);
      }),
    );
  });

  test('rejects malformed payloads', () => {
    const good = JSON.parse(new TextDecoder().decode(encodeKeyring(addWallet(emptyKeyring(), hdWallet(1), account(1, id(1)))))) as { wallets: Record<string, unknown>[]; accounts: Record<string, unknown>[] };
    const bad: [string, unknown][] = [
      ['schema 1', { ...good, schema: 1 }],
      ['extra top-level field', { ...good, extra: true }],
      ['unknown wallet kind', { ...good, wallets: [{ ...good.wallets[0], kind: 'ledger' }] }],
      ['mnemonic not normalized', { ...good, wallets: [{ ...good.wallets[0], mnemonic: MNEMONIC.toUpperCase() }] }],
      ['bad address', { ...good, accounts: [{ ...good.accounts[0], evmAddress: '0x1234' }] }],
      ['bad id', { ...good, accounts: [{ ...good.accounts[0], id: 'ABC' }] }],
      ['hidden not boolean', { ...good, accounts: [{ ...good.accounts[0], hidden: 'no' }] }],
      ['orphan account', { ...good, accounts: [{ ...good.accounts[0], walletId: id(99) }] }],
    ];
    for (const [name, value] of bad) expect(() => decodeKeyring(new TextEncoder().encode(JSON.stringify(value))), name).toThrow(VaultFormatError);
    expect(() => decodeKeyring(new Uint8Array([0xff, 0xfe]))).toThrow(VaultFormatError);
  });
});
