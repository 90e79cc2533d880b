import { encodeFunctionData, maxUint256, parseAbi } from 'viem';
import { beforeEach, describe, expect, test } from 'vitest';
import { describeTransaction } from '../../../core/effects/transaction.js';
import { describeTypedData } from '../../../core/effects/typed-data.js';
import { asSent, permitSingle } from '../../../core/effects/typed-data.testkit.js';
import type { ApprovalRequest, TransactionDraft } from '../../shared/provider-approvals.js';
import { ApprovalEditError, withGasLimit, withSpendingCap } from './approval-edits.js';
import { signInView, siteWarning, transactionEffects } from './safety-view.js';
import { TestChain } from './test-support.js';
import { toChecksumAddress } from '../../../core/address/eip55.js';

const FROM = '0x1a2f80341409639ea6a35bbcab8299066109aa55';
const TOKEN = '0x7d682e65efc5c13bf4e394b8f376c48e6bae0355';
const SPENDER = '0x00000000000000000000000000000000000000aa';
const approve = (amount: bigint) => encodeFunctionData({ abi: parseAbi(['function approve(address spender, uint256 amount)']), functionName: 'approve', args: [SPENDER, amount] });

const draft = (data: `0x${string}`, gas = '0xc350'): TransactionDraft => ({ type: 2, chainId: 1030, nonce: '0x1', gas: gas as `0x${string}`, to: TOKEN, value: '0x0', data, maxFeePerGas: '0x77359400', maxPriorityFeePerGas: '0x1', accessList: [] });
const txRequest = (data: `0x${string}`, gas?: string): ApprovalRequest => ({ kind: 'transaction', account: { accountId: 'a', address: FROM }, tx: draft(data, gas) });

let chain: TestChain;
beforeEach(() => {
  chain = new TestChain();
});

describe('spending cap', () => {
  test('an unlimited approve becomes the cap the user chose, and decodes as that', async () => {
    chain.handlers.set('eth_estimateGas', () => '0xc000');
    const edited = await withSpendingCap(chain, 'espace', txRequest(approve(maxUint256)), 1000n, 0);
    if (edited.kind !== 'transaction') throw new Error('not a transaction');
    expect(edited.tx.data).toBe(approve(1000n));
    expect(edited.tx.gas).toBe('0xc350'); // the estimate is lower: the limit is kept
    const [effect] = describeTransaction({ space: 'espace', chainId: 1030, to: edited.tx.to, value: edited.tx.value, data: edited.tx.data });
    expect(effect).toMatchObject({ kind: 'token_approval', amount: 1000n, unlimited: false });
  });

  test('a cap that needs more gas raises the limit to the nodes\' new estimate', async () => {
    chain.handlers.set('eth_estimateGas', () => '0x11170');
    const edited = await withSpendingCap(chain, 'espace', txRequest(approve(0n)), 5n, 0);
    expect(edited.kind === 'transaction' && edited.tx.gas).toBe('0x11170');
  });

  test('a call that is not an approval, or a cap out of range, is refused with a typed error', async () => {
    const transfer = encodeFunctionData({ abi: parseAbi(['function transfer(address to, uint256 amount)']), functionName: 'transfer', args: [SPENDER, 1n] });
    await expect(withSpendingCap(chain, 'espace', txRequest(transfer), 1n, 0)).rejects.toBeInstanceOf(ApprovalEditError);
    await expect(withSpendingCap(chain, 'espace', txRequest(approve(1n)), 1n << 256n, 0)).rejects.toBeInstanceOf(ApprovalEditError);
  });

  test('a Permit2 signature gets the new amount in its typed data', async () => {
    const typedData = asSent(permitSingle());
    const request: ApprovalRequest = { kind: 'typed_data', account: { accountId: 'a', address: FROM }, typedData, chainId: 1030 };
    const edited = await withSpendingCap(chain, 'espace', request, 42n, 0);
    if (edited.kind !== 'typed_data') throw new Error('not typed data');
    expect(describeTypedData(edited.typedData, 'espace', 1030)[0]).toMatchObject({ kind: 'permit', allowances: [{ amount: 42n, unlimited: false }] });
  });
});

describe('gas limit', () => {
  test('is set on the draft, which is validated again', () => {
    const edited = withGasLimit('espace', txRequest(approve(1n)), 300_000n);
    expect(edited.kind === 'transaction' && edited.tx.gas).toBe('0x493e0');
    expect(() => withGasLimit('espace', txRequest(approve(1n)), 30_000_001n)).toThrow(ApprovalEditError);
    expect(() => withGasLimit('espace', txRequest(approve(1n)), 20_999n)).toThrow(ApprovalEditError);
  });
});

describe('safety view', () => {
  test('effects of a draft; a phishing or look-alike origin is named, a plain one is not', () => {
    expect(transactionEffects('espace', draft(approve(maxUint256)))[0]).toMatchObject({ kind: 'token_approval', unlimited: true, amount: `0x${'f'.repeat(64)}` });
    expect(siteWarning('https://swapp1.io', [])).toMatchObject({ verdict: 'lookalike', similarTo: 'swappi.io', reason: 'one_edit' });
    expect(siteWarning('https://myetherwallet.uk.com', [])).toMatchObject({ verdict: 'phishing', reason: 'blocklisted' });
    expect(siteWarning('https://example.org', [])).toBeNull();
    expect(siteWarning('https://app.examp1e.org', ['https://app.example.org'])).toMatchObject({ verdict: 'lookalike', similarTo: 'app.example.org' });
  });

  test('a sign-in for another domain lists the mismatch; other text is not a sign-in', () => {
    const text = `evil.example wants you to sign in with your Ethereum account:\n${toChecksumAddress(FROM)}\n\nSign in.\n\nURI: https://evil.example\nVersion: 1\nChain ID: 1030\nNonce: 12345678\nIssued At: 2026-01-01T00:00:00Z`;
    const view = signInView(text, { origin: 'https://good.example', account: FROM, chainId: 1030, now: Date.parse('2026-06-01T00:00:00Z') });
    expect(view).toMatchObject({ kind: 'sign_in', domain: 'evil.example' });
    expect(view?.kind === 'sign_in' && view.warnings.map((w) => w.code)).toEqual(['domain_mismatch', 'uri_mismatch']);
    expect(signInView('hello', { origin: 'https://good.example', account: FROM, chainId: 1030, now: 0 })).toBeNull();
  });
});
