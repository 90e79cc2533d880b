import { measure, printTable } from './harness.js';
import { decodeRlp, encodeRlp, rlpInt } from '../core/encoding/rlp.js';
import { hexToBytes } from '../core/encoding/hex.js';

export default async function run(): Promise<void> {
  const header = [hexToBytes('0x' + '11'.repeat(32)), rlpInt(123456789n), rlpInt(1700000000n), hexToBytes('0x' + '22'.repeat(20)), ...Array.from({ length: 4 }, () => hexToBytes('0x' + '33'.repeat(32))), rlpInt(0), rlpInt(10n ** 18n), new Uint8Array(0), rlpInt(30_000_000n), [], rlpInt(2n ** 63n)];
  const encoded = encodeRlp(header);
  const rows = [await measure('rlp encode (header-sized list)', () => encodeRlp(header)), await measure('rlp decode (header-sized list)', () => decodeRlp(encoded))];
  printTable('RLP', rows.map((r) => ({ operation: r.name, 'ops/s': Math.round(r.opsPerSecond), 'mean µs': r.meanMs * 1000 })));
}
