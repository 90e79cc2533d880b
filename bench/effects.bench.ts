/**
 * Signing-safety analysis cost per request: decoding a transaction's effects (an unlimited
 * approve, a swap with an address path, a Core CrossSpaceCall with an eSpace call inside), a
 * Permit2 typed-data permit, a site check against the bundled phishing list and the look-alike
 * rules, and decoding the bundled list itself (once per worker life). Baselines in the same run:
 * viem's decodeFunctionData for calldata, and eth-phishing-detect's own detector for the list check.
 * Ratios > 1 mean Wayfarer is faster; Wayfarer's rows do more (validation, effects, look-alikes).
 */
import { createRequire } from 'node:module';
import { Conflux } from 'js-conflux-sdk';
import { decodeFunctionData, encodeFunctionData, maxUint256, parseAbi } from 'viem';
import { measure, printTable } from './harness.js';
import { describeTransaction } from '../core/effects/transaction.js';
import { describeTypedData } from '../core/effects/typed-data.js';
import { asSent, permitBatch } from '../core/effects/typed-data.testkit.js';
import { checkSite } from '../core/sites/check-site.js';
import { PHISHING_DATA } from '../core/sites/phishing-data.js';
import { phishingListFromData } from '../core/sites/phishing-list.js';

const abi = parseAbi([
  'function approve(address spender, uint256 amount)',
  'function swapExactTokensForTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline)',
]);
const TOKEN = '0x7d682e65efc5c13bf4e394b8f376c48e6bae0355';
const approve = encodeFunctionData({ abi, functionName: 'approve', args: [TOKEN, maxUint256] });
const swap = encodeFunctionData({ abi, functionName: 'swapExactTokensForTokens', args: [1n, 2n, [TOKEN, TOKEN, TOKEN], TOKEN, 3n] });
const crossSpace = (new Conflux({ networkId: 1029 }).InternalContract('CrossSpaceCall') as unknown as { callEVM(to: string, data: string): { to: string; data: string } }).callEVM(TOKEN, approve);
const permit = asSent(permitBatch());

const require = createRequire(import.meta.url);
const PhishingDetector = require('eth-phishing-detect/src/detector') as new (c: unknown) => { check(domain: string): unknown };
const detector = new PhishingDetector(require('eth-phishing-detect/src/config.json'));
const phishingList = phishingListFromData(PHISHING_DATA);
const trustedSites = ['https://app.quokkaswap.org', 'https://portal.example-dex.finance'];
const hosts = ['app.swappi.io', 'xn--swppi-5ve.io', 'confluxhub-io.app', 'example.org', 'yearnson.finance', 'netamask.cc'];
let h = 0;

export default async function run(): Promise<void> {
  const pairs: [string, () => unknown, string, () => unknown][] = [
    ['effects: unlimited approve (eSpace)', () => describeTransaction({ space: 'espace', chainId: 1030, to: TOKEN, value: 0n, data: approve }), 'viem decodeFunctionData', () => decodeFunctionData({ abi, data: approve })],
    ['effects: swap with a path', () => describeTransaction({ space: 'espace', chainId: 1030, to: TOKEN, value: 0n, data: swap }), 'viem decodeFunctionData', () => decodeFunctionData({ abi, data: swap })],
    ['effects: Core callEVM(approve)', () => describeTransaction({ space: 'core', chainId: 1029, to: crossSpace.to, value: 0n, data: crossSpace.data }), 'viem decodeFunctionData (inner call only)', () => decodeFunctionData({ abi, data: approve })],
    ['site check (list + look-alikes)', () => checkSite(`https://${hosts[h++ % hosts.length]}`, { phishingList, trustedSites }), 'eth-phishing-detect check (list only)', () => detector.check(hosts[h++ % hosts.length]!)],
  ];
  const rows = [];
  for (const [name, ours, baseline, theirs] of pairs) {
    const a = await measure(name, ours);
    const b = await measure(baseline, theirs);
    rows.push({ operation: name, 'Wayfarer µs': a.meanMs * 1000, baseline, 'baseline µs': b.meanMs * 1000, ratio: a.opsPerSecond / b.opsPerSecond });
  }
  printTable('Signing-safety analysis (ratio = Wayfarer ops/s ÷ baseline ops/s; > 1 is faster)', rows);
  const typed = await measure('effects: Permit2 PermitBatch', () => describeTypedData(permit, 'espace', 1030));
  const load = await measure('decode the bundled phishing list', () => phishingListFromData(PHISHING_DATA), { minIterations: 3, budgetMs: 500 });
  printTable('Absolute costs', [typed, load].map((m) => ({ operation: m.name, 'ms per call': m.meanMs, iterations: m.iterations })));
}
