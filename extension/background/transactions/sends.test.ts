import { beforeEach, describe, expect, test } from 'vitest';
import { encodeCfxAddress } from '../../../core/address/cip37.js';
import type { Hex } from '../../../core/encoding/hex.js';
import type { Space } from '../../../core/space.js';
import { decodeCoreTransaction } from '../../../core/tx/core-decode.js';
import { decodeEspaceTransaction } from '../../../core/tx/espace-decode.js';
import type { BalanceView, TokenInfoView, TxView } from '../../shared/ui-api/chain.js';
import type { TxLabel } from '../chain/store.js';
import type { TrackedTransaction } from '../../../core/chain/transactions/types.js';
import { signCoreTransaction } from '../../../core/tx/core-sign.js';
import { privateKeyFromHex } from '../../../core/keys/private-key.js';
import { TestChain, TestKeyring } from '../provider/test-support.js';
import { WalletSendService, type SendChain } from './sends.js';
import { memoryArea } from '../storage-area.js';
import { NoNodeAvailableError } from '../../../core/rpc/pool/errors.js';

const KEY = '0x46b9e861b63d3509c88b7817275a30d22d62c8cd8fa6486ddee35ef0d8e0495f';
const ACCOUNT = 'a'.repeat(32);
const RECIPIENT_HEX = '0x1a2f80341409639ea6a35bbcab8299066109aa55';
const TOKEN_HEX = '0x8a3c5d1e00000000000000000000000000000001';
const CFX = 10n ** 18n;

/** The chain service's part in sending, in memory: fixed balances, records what is labelled and sent. */
class FakeSendChain implements SendChain {
  network: 'mainnet' | 'testnet' = 'mainnet';
  chainIds = { core: 1029, espace: 1030 };
  native = 10n * CFX;
  token: bigint | null = 5_000_000n;
  tokenDecimals: number | null = 6;
  reserved = 0n;
  readonly sent: { space: Space; raw: Hex }[] = [];
  readonly labels = new Map<string, TxLabel>();
  status = () => ({ network: this.network, chainIds: this.chainIds });
  balances = async (space: Space, addresses: readonly string[], tokens: readonly string[] = []): Promise<BalanceView[]> => {
    const view = (value: bigint | null, token?: string): BalanceView => ({ space, address: addresses[0]!, value: value === null ? null : value.toString(), epoch: 100, trust: 'cross-checked', sources: [], updatedAt: 0, cached: false, ...(token ? { token } : {}) });
    return [view(this.native), ...tokens.map((t) => view(this.token, t))];
  };
  reservedInFlight = () => this.reserved;
  tokenInfo = async (space: Space, address: string): Promise<TokenInfoView> => ({
    space,
    address,
    epoch: 100,
    symbol: { value: 'USDT', trust: 'cross-checked', problem: null, sources: [] },
    name: { value: 'Tether', trust: 'cross-checked', problem: null, sources: [] },
    decimals: { value: this.tokenDecimals, trust: this.tokenDecimals === null ? null : 'cross-checked', problem: null, sources: [] },
  });
  labelTransaction = async (hash: string, label: TxLabel) => {
    this.labels.set(hash, label);
  };
  readonly own: TxView[] = [];
  readonly records = new Map<string, TrackedTransaction>();
  accountNonce = 3n;
  reader: SendChain['read'] = async () => {
    throw new Error('no reader');
  };
  transactions = () => [...this.own];
  tracked = (hash: string) => this.records.get(hash);
  nonce = async () => ({ value: this.accountNonce.toString() });
  read: SendChain['read'] = (space, method, params) => this.reader(space, method, params);
  /** Tracks `raw` as sent at `at` (ms), not seen in a block. */
  track(space: Space, raw: Hex, at: number): TxView {
    const decoded = space === 'core' ? decodeCoreTransaction(raw) : decodeEspaceTransaction(raw);
    const view = this.viewOf(space, raw);
    view.submittedAt = at;
    view.acceptedBy = ['mainnet/core/https://only.example'];
    this.own.push(view);
    this.records.set(decoded.hash, { hash: decoded.hash, space, raw, from: decoded.from, addressKey: '', nonce: decoded.transaction.nonce.toString(), status: 'pending', submittedAt: at, lastBroadcastAt: at, acceptedBy: view.acceptedBy, rejections: {} });
    return view;
  }
  readonly replacing: (string | undefined)[] = [];
  sendTransaction = async (space: Space, raw: Hex, replaces?: string): Promise<TxView> => {
    this.sent.push({ space, raw });
    this.replacing.push(replaces);
    return this.viewOf(space, raw);
  };
  private viewOf(space: Space, raw: Hex): TxView {
    const decoded = space === 'core' ? decodeCoreTransaction(raw) : decodeEspaceTransaction(raw);
    return { hash: decoded.hash, space, from: decoded.from, nonce: decoded.transaction.nonce.toString(), status: 'pending', note: null, submittedAt: 0, acceptedBy: [], rejections: {}, proof: null, replaces: null, replacedBy: null, to: decoded.transaction.to, value: '0', tokenTransfer: null, maxFee: '0', maxCollateral: null, cost: null };
  };
}

let chain: FakeSendChain;
let draftChain: TestChain;
let keyring: TestKeyring;
let service: WalletSendService;
let now: number;

beforeEach(() => {
  chain = new FakeSendChain();
  draftChain = new TestChain();
  keyring = new TestKeyring();
  keyring.addAccount(ACCOUNT, KEY);
  now = 0;
  chain.reader = draftChain.read;
  service = new WalletSendService({ chain, drafts: draftChain, keyring, now: () => now, randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)), preparedArea: memoryArea() });
});

const coreRecipient = encodeCfxAddress(RECIPIENT_HEX, 1029);

describe('prepare and send CFX', () => {
  test('Core: what is sent decodes to exactly the prepared fields, from the account', async () => {
    const prepared = await service.prepare({ space: 'core', accountId: ACCOUNT, to: coreRecipient, amount: CFX });
    expect(prepared.transaction).toMatchObject({ type: 2, chainId: 1029, nonce: '7', gas: '21000', to: coreRecipient, value: CFX.toString(), data: '0x', storageLimit: '0', epochHeight: '100' });
    // baseFee 1 gwei × 2 + priority 1
    expect(prepared.transaction.maxFeePerGas).toBe('2000000001');
    expect(prepared.transaction.maxFee).toBe((21000n * 2_000_000_001n).toString());
    expect(prepared.transaction.maxTotalNative).toBe((CFX + 21000n * 2_000_000_001n).toString());
    const { hash } = await service.send(prepared.id);
    expect(chain.sent).toHaveLength(1);
    const decoded = decodeCoreTransaction(chain.sent[0]!.raw, { chainId: 1029 });
    expect(decoded.hash).toBe(hash);
    expect(decoded.signingHash).toBe(prepared.transaction.signingHash);
    expect(decoded.from).toBe(prepared.from);
    expect(decoded.transaction.value).toBe(CFX);
    expect(decoded.transaction.to).toBe(coreRecipient);
  });

  test('eSpace: same, with the account’s eSpace address', async () => {
    const to = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
    const prepared = await service.prepare({ space: 'espace', accountId: ACCOUNT, to, amount: 3n });
    expect(prepared.transaction.storageLimit).toBeNull();
    expect(prepared.transaction.maxCollateral).toBeNull();
    await service.send(prepared.id);
    const decoded = decodeEspaceTransaction(chain.sent[0]!.raw, { chainId: 1030 });
    expect(decoded.signingHash).toBe(prepared.transaction.signingHash);
    expect(decoded.transaction.to?.toLowerCase()).toBe(to.toLowerCase());
  });

  test('a prepared id is used once', async () => {
    const prepared = await service.prepare({ space: 'core', accountId: ACCOUNT, to: coreRecipient, amount: 1n });
    await service.send(prepared.id);
    await expect(service.send(prepared.id)).rejects.toMatchObject({ code: 'wallet.prepared_unknown' });
    expect(chain.sent).toHaveLength(1);
  });

  test('an expired review is refused, nothing is signed', async () => {
    const prepared = await service.prepare({ space: 'core', accountId: ACCOUNT, to: coreRecipient, amount: 1n });
    now = prepared.expiresAt + 1;
    await expect(service.send(prepared.id)).rejects.toMatchObject({ code: 'wallet.prepared_expired' });
    expect(chain.sent).toHaveLength(0);
  });

  test('refused when locked: prepare, and send of something prepared before locking', async () => {
    const prepared = await service.prepare({ space: 'core', accountId: ACCOUNT, to: coreRecipient, amount: 1n });
    keyring.setUnlocked(false);
    await expect(service.prepare({ space: 'core', accountId: ACCOUNT, to: coreRecipient, amount: 1n })).rejects.toMatchObject({ code: 'vault.locked' });
    await expect(service.send(prepared.id)).rejects.toMatchObject({ code: 'vault.locked' });
    expect(chain.sent).toHaveLength(0);
  });

  test('a network switch between review and signing is refused', async () => {
    const prepared = await service.prepare({ space: 'core', accountId: ACCOUNT, to: coreRecipient, amount: 1n });
    chain.network = 'testnet';
    chain.chainIds = { core: 1, espace: 71 };
    await expect(service.send(prepared.id)).rejects.toMatchObject({ code: 'wallet.chain_changed' });
    expect(chain.sent).toHaveLength(0);
  });

  test('a recipient on another network is refused before anything is read', async () => {
    await expect(service.prepare({ space: 'core', accountId: ACCOUNT, to: encodeCfxAddress(RECIPIENT_HEX, 1), amount: 1n })).rejects.toMatchObject({ code: 'wallet.wrong_network_recipient' });
    expect(draftChain.reads).toHaveLength(0);
  });

  test('more than the balance after the max fee is refused; unknown accounts too', async () => {
    chain.native = CFX;
    await expect(service.prepare({ space: 'core', accountId: ACCOUNT, to: coreRecipient, amount: CFX })).rejects.toMatchObject({ code: 'wallet.insufficient_funds' });
    await expect(service.prepare({ space: 'core', accountId: 'b'.repeat(32), to: coreRecipient, amount: 1n })).rejects.toMatchObject({ code: 'wallet.unknown_account' });
  });
});

describe('Max', () => {
  test('CFX: balance − max fee − collateral − in flight, and exactly that amount can be prepared', async () => {
    chain.reserved = 1000n;
    draftChain.handlers.set('cfx_estimateGasAndCollateral', () => ({ gasLimit: '0x5208', gasUsed: '0x5208', storageCollateralized: '0x40' }));
    const max = await service.maxSendable('core', ACCOUNT);
    const fee = 21000n * 2_000_000_001n;
    const collateral = 64n * (CFX / 1024n);
    expect(max.amount).toBe((10n * CFX - fee - collateral - 1000n).toString());
    expect(max.maxFee).toBe(fee.toString());
    const prepared = await service.prepare({ space: 'core', accountId: ACCOUNT, to: coreRecipient, amount: BigInt(max.amount) });
    expect(BigInt(prepared.transaction.maxTotalNative)).toBe(10n * CFX - 1000n);
    await expect(service.prepare({ space: 'core', accountId: ACCOUNT, to: coreRecipient, amount: BigInt(max.amount) + 1n })).rejects.toMatchObject({ code: 'wallet.insufficient_funds' });
  });

  test('token: the token balance', async () => {
    const max = await service.maxSendable('espace', ACCOUNT, { contract: TOKEN_HEX, symbol: 'USDT', decimals: 6 });
    expect(max).toMatchObject({ amount: '5000000', maxFee: null });
  });
});

describe('tokens', () => {
  const token = { contract: encodeCfxAddress(TOKEN_HEX, 1029), symbol: 'USDT', decimals: 6 };

  test('transfer(recipient, amount) to the contract, labelled with symbol and decimals', async () => {
    const prepared = await service.prepare({ space: 'core', accountId: ACCOUNT, to: coreRecipient, amount: 1_500_000n, token });
    expect(prepared.transaction.to).toBe(token.contract);
    expect(prepared.transaction.value).toBe('0');
    expect(prepared.transaction.data).toBe(`0xa9059cbb${RECIPIENT_HEX.slice(2).padStart(64, '0')}${(1_500_000n).toString(16).padStart(64, '0')}`);
    expect(prepared.asset).toMatchObject({ kind: 'token', symbol: 'USDT', decimals: 6, decimalsTrust: 'cross-checked' });
    expect(prepared.recipient).toBe(coreRecipient);
    const { hash } = await service.send(prepared.id);
    expect(chain.labels.get(hash)).toEqual({ token: { contract: token.contract, symbol: 'USDT', decimals: 6 } });
  });

  test('decimals that differ from the contract’s are refused; more than the token balance too', async () => {
    chain.tokenDecimals = 18;
    await expect(service.prepare({ space: 'core', accountId: ACCOUNT, to: coreRecipient, amount: 1n, token })).rejects.toMatchObject({ code: 'wallet.token_decimals_mismatch' });
    chain.tokenDecimals = 6;
    await expect(service.prepare({ space: 'core', accountId: ACCOUNT, to: coreRecipient, amount: 5_000_001n, token })).rejects.toMatchObject({ code: 'wallet.insufficient_funds' });
  });

  test('the fee must fit in the CFX balance read together with the token balance (one read for both)', async () => {
    let reads = 0;
    const balances = chain.balances;
    chain.balances = async (...args) => {
      reads++;
      return balances(...args);
    };
    chain.native = 1000n;
    await expect(service.prepare({ space: 'core', accountId: ACCOUNT, to: coreRecipient, amount: 1n, token })).rejects.toMatchObject({ code: 'wallet.insufficient_funds' });
    expect(reads).toBe(1);
  });
});

describe('no node answers', () => {
  const attempts = [{ node: 'https://a.example', problem: 'rpc.timeout' }, { node: 'https://b.example', problem: 'banned: served a block header whose fields do not match its hash' }];

  test('the error names each node asked and what went wrong with it (fees)', async () => {
    draftChain.handlers.set('cfx_gasPrice', () => {
      throw new NoNodeAvailableError('core', 'mainnet', attempts);
    });
    draftChain.handlers.set('cfx_maxPriorityFeePerGas', draftChain.handlers.get('cfx_gasPrice')!);
    const error = await service.prepare({ space: 'core', accountId: ACCOUNT, to: coreRecipient, amount: 1n }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'wallet.no_node' });
    expect((error as Error).message).toBe('No Core node gave a usable answer. Asked: https://a.example (no answer in time); https://b.example (banned: served a block header whose fields do not match its hash). See Settings → Networks and nodes, or try again shortly.');
  });

  test('every node banned (the balance read, directly from the pool): says so', async () => {
    chain.balances = async () => {
      throw new NoNodeAvailableError('espace', 'mainnet', []);
    };
    await expect(service.maxSendable('espace', ACCOUNT)).rejects.toMatchObject({ code: 'wallet.no_node', message: expect.stringContaining('Every eSpace node is banned for now, or none is set up.') });
  });
});

describe('stuck transactions: speed-up, cancel, nonce gaps', () => {
  const from = () => encodeCfxAddress(keyring.accounts[0]!.coreHex, 1029);
  /** A Core transfer of the account at `nonce`, signed at `gasPrice`, tracked as not seen in a block. */
  const stuck = (nonce: bigint, gasPrice = 1_000_000_000n, at = 0) =>
    chain.track('core', signCoreTransaction({ type: 0, chainId: 1029, nonce, gas: 21000n, to: coreRecipient, value: 5n, storageLimit: 0n, epochHeight: 90n, data: '0x', gasPrice }, privateKeyFromHex(KEY), 1029).raw as Hex, at);

  test('speed-up: the same transaction at a price 15% higher (or the network\'s, if higher), reviewed, then signed, checked and sent as its replacement', async () => {
    const original = stuck(7n, 2_000_000_000n);
    const prepared = await service.prepareReplacement(original.hash, 'speed_up', ACCOUNT);
    expect(prepared.replaces).toEqual({ hash: original.hash, kind: 'speed_up' });
    expect(prepared.transaction).toMatchObject({ nonce: '7', to: coreRecipient, value: '5', gasPrice: '2300000000', epochHeight: '100' });
    await service.send(prepared.id);
    expect(chain.replacing).toEqual([original.hash]);
    expect(decodeCoreTransaction(chain.sent[0]!.raw).transaction).toMatchObject({ nonce: 7n, value: 5n, gasPrice: 2_300_000_000n });
  });

  test('cancel: nothing to yourself at the same nonce, above the old price', async () => {
    const original = stuck(7n);
    const prepared = await service.prepareReplacement(original.hash, 'cancel', ACCOUNT);
    expect(prepared.recipient).toBe(from());
    expect(prepared.transaction).toMatchObject({ nonce: '7', value: '0', data: '0x', gas: '21000', gasPrice: '1150000000' });
    await service.send(prepared.id);
    expect(decodeCoreTransaction(chain.sent[0]!.raw).transaction).toMatchObject({ nonce: 7n, value: 0n, to: from() });
  });

  test('a signer that changes the replacement is caught by the shared check: nothing is sent', async () => {
    const original = stuck(7n);
    const prepared = await service.prepareReplacement(original.hash, 'speed_up', ACCOUNT);
    const honest = keyring.signCoreTransaction;
    keyring.signCoreTransaction = async (id, tx, chainId) => honest(id, { ...tx, to: from() }, chainId);
    await expect(service.send(prepared.id)).rejects.toMatchObject({ code: 'wallet.signed_mismatch' });
    expect(chain.sent).toEqual([]);
  });

  test('another account cannot replace it, and a transaction already in a block is not replaced', async () => {
    const original = stuck(7n);
    keyring.addAccount('b'.repeat(32), `0x${'42'.repeat(32)}`);
    await expect(service.prepareReplacement(original.hash, 'cancel', 'b'.repeat(32))).rejects.toMatchObject({ code: 'input.invalid' });
    chain.records.get(original.hash)!.status = 'included';
    await expect(service.prepareReplacement(original.hash, 'cancel', ACCOUNT)).rejects.toMatchObject({ code: 'input.invalid' });
  });

  test('a nonce gap: explained in the review; the transfer waits behind it, or fills it (outbidding the stuck one) as the user chooses', async () => {
    const blocker = stuck(3n, 2_000_000_000n, 0);
    now = 120_000;
    const queued = await service.prepare({ space: 'core', accountId: ACCOUNT, to: coreRecipient, amount: 1n });
    expect(queued.transaction.nonce).toBe('7');
    expect(queued.nonceGap).toEqual({ accountNonce: '3', queuedNonce: '7', blocking: { hash: blocker.hash, acceptedBy: 1, sentAt: 0 }, waiting: 0 });
    expect(queued.replaces).toBeNull();
    const filling = await service.prepare({ space: 'core', accountId: ACCOUNT, to: coreRecipient, amount: 1n, nonce: 'fill' });
    expect(filling.transaction.nonce).toBe('3');
    expect(filling.replaces).toEqual({ hash: blocker.hash, kind: 'fill_gap' });
    expect(BigInt(filling.transaction.maxFeePerGas!)).toBeGreaterThanOrEqual(2_300_000_000n);
    await service.send(filling.id);
    expect(decodeCoreTransaction(chain.sent[0]!.raw).transaction.nonce).toBe(3n);
    expect(chain.replacing).toEqual([blocker.hash]);
  });

  test('no gap while the transaction in front was sent only moments ago', async () => {
    stuck(3n, 1n, 0);
    now = 5_000;
    expect((await service.prepare({ space: 'core', accountId: ACCOUNT, to: coreRecipient, amount: 1n })).nonceGap).toBeNull();
  });
});

describe('revoke an allowance', () => {
  const SPENDER_HEX = '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed';

  test('approve(spender, 0) to the token, signed through the checked path and decoding to what was reviewed', async () => {
    const token = TOKEN_HEX;
    const prepared = await service.prepareRevoke('espace', ACCOUNT, token, SPENDER_HEX);
    expect(prepared.recipient.toLowerCase()).toBe(token.toLowerCase());
    expect(prepared.transaction.value).toBe('0');
    expect(prepared.transaction.data).toBe(`0x095ea7b3${SPENDER_HEX.slice(2).padStart(64, '0')}${'0'.repeat(64)}`);
    expect(prepared.effects).toMatchObject([{ kind: 'token_approval', amount: '0x0', unlimited: false }]);
    await service.send(prepared.id);
    const decoded = decodeEspaceTransaction(chain.sent[0]!.raw, { chainId: 1030 });
    expect(decoded.signingHash).toBe(prepared.transaction.signingHash);
    expect(decoded.transaction.data).toBe(prepared.transaction.data);
    expect(decoded.transaction.to?.toLowerCase()).toBe(token.toLowerCase());
  });

  test('a token or spender of another network or space is refused', async () => {
    await expect(service.prepareRevoke('core', ACCOUNT, encodeCfxAddress(TOKEN_HEX, 1), encodeCfxAddress(RECIPIENT_HEX, 1029))).rejects.toMatchObject({ code: 'wallet.wrong_network_recipient' });
    await expect(service.prepareRevoke('core', ACCOUNT, encodeCfxAddress(TOKEN_HEX, 1029), SPENDER_HEX)).rejects.toMatchObject({ code: 'wallet.wrong_network_recipient' });
    expect(chain.sent).toHaveLength(0);
  });
});
