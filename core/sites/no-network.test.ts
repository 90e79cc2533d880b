/**
 * The signing-safety analysis is local: running every check (effects, cap rewriting, the bundled
 * phishing list and look-alikes, sign-in messages, poisoning) makes no network request of any kind.
 * fetch, XMLHttpRequest, WebSocket and EventSource are replaced by recorders for the test.
 */
import { encodeFunctionData, maxUint256, parseAbi } from 'viem';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { describeTransaction } from '../effects/transaction.js';
import { describeTypedData } from '../effects/typed-data.js';
import { rewriteApprovalCap } from '../effects/spending-cap.js';
import { asSent, permitSingle } from '../effects/typed-data.testkit.js';
import { analyzeSignInMessage } from '../message/siwe-check.js';
import { checkRecipient, classifyTransfer } from '../poisoning/recipients.js';
import { checkSite } from './check-site.js';
import { loadBundledPhishingList } from './phishing-list.js';

const requests: string[] = [];
const recorder = (name: string) => vi.fn((...args: unknown[]) => {
  requests.push(`${name} ${String(args[0])}`);
  throw new Error('no network in this test');
});

beforeEach(() => {
  requests.length = 0;
  for (const name of ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource']) vi.stubGlobal(name, recorder(name));
});
afterEach(() => {
  vi.unstubAllGlobals();
});

test('every check runs without a single request', async () => {
  const token = '0x7d682e65efc5c13bf4e394b8f376c48e6bae0355';
  const data = encodeFunctionData({ abi: parseAbi(['function approve(address spender, uint256 amount)']), functionName: 'approve', args: [token, maxUint256] });
  const request = { space: 'espace' as const, chainId: 1030, to: token, value: 0n, data };
  expect(describeTransaction(request)[0]?.kind).toBe('token_approval');
  rewriteApprovalCap(request, 1n);
  expect(describeTypedData(asSent(permitSingle()), 'espace', 1030)[0]?.kind).toBe('permit');
  const phishingList = await loadBundledPhishingList();
  expect(checkSite('https://xn--swppi-5ve.io', { phishingList, trustedSites: ['https://app.example.org'] }).result.verdict).toBe('lookalike');
  expect(analyzeSignInMessage('x wants you to sign in with your Ethereum account:', { origin: 'https://a.example', account: token, chainId: 1030, now: 0 }).kind).toBe('malformed');
  expect(checkRecipient(token, []).status).toBe('new');
  expect(classifyTransfer({ counterparty: token, amount: 0n, initiatedByUser: false }, [], 0n).verdict).toBe('zero_value');
  expect(requests).toEqual([]);
});
