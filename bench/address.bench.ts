/**
 * CIP-37 address throughput (encode, verbose encode, decode) and EIP-55 checksumming, with
 * js-conflux-sdk 2.6.0 (pure-JS @conflux-dev/conflux-address-js) and viem as baselines measured in
 * the same run. Ratios > 1 mean Wayfarer is faster.
 */
import { address as sdkAddress } from 'js-conflux-sdk';
import { getAddress, keccak256, toHex } from 'viem';
import { measure, printTable } from './harness.js';
import { decodeCfxAddress, encodeCfxAddress } from '../core/address/cip37.js';
import { toChecksumAddress } from '../core/address/eip55.js';

// A rotating set of distinct addresses, larger than viem's 8192-entry checksum cache, so neither
// side profits from caching.
const COUNT = 16384;
const HEXES = Array.from({ length: COUNT }, (_, i) => `0x1${keccak256(toHex(i)).slice(3, 42)}`);
const BASE32S = HEXES.map((h) => encodeCfxAddress(h, 1029));
const VERBOSES = HEXES.map((h) => encodeCfxAddress(h, 1029, { verbose: true }));
let i = 0;
const next = <T>(list: readonly T[]): T => list[i++ % COUNT]!;

export default async function run(): Promise<void> {
  const pairs: [string, () => unknown, string, () => unknown][] = [
    ['CIP-37 encode', () => encodeCfxAddress(next(HEXES), 1029), 'js-conflux-sdk', () => sdkAddress.encodeCfxAddress(next(HEXES), 1029)],
    ['CIP-37 encode verbose', () => encodeCfxAddress(next(HEXES), 1029, { verbose: true }), 'js-conflux-sdk', () => sdkAddress.encodeCfxAddress(next(HEXES), 1029, true)],
    ['CIP-37 decode', () => decodeCfxAddress(next(BASE32S)), 'js-conflux-sdk', () => sdkAddress.decodeCfxAddress(next(BASE32S))],
    ['CIP-37 decode verbose', () => decodeCfxAddress(next(VERBOSES)), 'js-conflux-sdk', () => sdkAddress.decodeCfxAddress(next(VERBOSES))],
    ['EIP-55 checksum', () => toChecksumAddress(next(HEXES)), 'viem getAddress', () => getAddress(next(HEXES))],
  ];
  const rows = [];
  for (const [name, ours, baseline, theirs] of pairs) {
    const a = await measure(name, ours);
    const b = await measure(baseline, theirs);
    rows.push({ operation: name, 'Wayfarer ops/s': Math.round(a.opsPerSecond), baseline, 'baseline ops/s': Math.round(b.opsPerSecond), ratio: a.opsPerSecond / b.opsPerSecond });
  }
  printTable('Addresses (ratio = Wayfarer ops/s ÷ baseline ops/s; > 1 is faster)', rows);
}
