import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bytesToHex } from '../../encoding/hex.js';
import { BcsWriter } from './bcs.js';
import { encodeEpochState, encodeLedgerInfo, LEDGER_INFO_SEED, ledgerInfoSigningMessage } from './encode.js';
import { parseEpochState, parseLedgerInfoWithSignatures } from './parse.js';

const VECTORS = join(import.meta.dirname, '../../../test/vectors/pos');
function load<T>(name: string): T {
  return JSON.parse(readFileSync(join(VECTORS, name), 'utf8')) as T;
}

describe('BCS primitives', () => {
  test('u64 is 8 bytes little-endian', () => {
    expect(bytesToHex(new BcsWriter().u64(46113).finish())).toBe('0x21b4000000000000');
    expect(bytesToHex(new BcsWriter().u64((1n << 64n) - 1n).finish())).toBe('0xffffffffffffffff');
    expect(() => new BcsWriter().u64(1n << 64n)).toThrow(RangeError);
    expect(() => new BcsWriter().u64(-1)).toThrow(RangeError);
  });

  test.each([
    [0, '0x00'],
    [1, '0x01'],
    [127, '0x7f'],
    [128, '0x8001'],
    [300, '0xac02'],
    [16383, '0xff7f'],
    [16384, '0x808001'],
  ])('ULEB128 length %i', (n, hex) => {
    expect(bytesToHex(new BcsWriter().uleb128(n).finish())).toBe(hex);
  });

  test('byte strings are length-prefixed, raw bytes are not, options are 00 / 01‖value', () => {
    const w = new BcsWriter().bytes(Uint8Array.of(0xaa, 0xbb)).raw(Uint8Array.of(0xcc)).option(null, () => undefined).option(5, (x, v) => x.u64(v)).str('0x1f');
    expect(bytesToHex(w.finish())).toBe('0x02aabbcc00010500000000000000' + '0430783166');
  });

  test('the LedgerInfo seed is SHA3-256("DIEM::LedgerInfo")', () => {
    expect(bytesToHex(LEDGER_INFO_SEED)).toBe('0xcd510d1ab583c33b54fa949014601df0664857c18c4cfb228c862dd869df1b62');
  });
});

describe('BCS of real ledger infos and epoch states', () => {
  test.each(['mainnet-epoch10000-round60-epochchange.json', 'mainnet-epoch46113-round120-epochchange.json', 'nonmainnet-epoch4660-round10-oldformat.json'])(
    '%s: BCS(LedgerInfo) and the signed message match the vector',
    (file) => {
      const v = load<{ rpcResult: unknown; bcsLedgerInfoHex: string; signedMessageHex: string }>(file);
      const parsed = parseLedgerInfoWithSignatures(v.rpcResult);
      expect(bytesToHex(encodeLedgerInfo(parsed.value.ledgerInfo))).toBe(v.bcsLedgerInfoHex);
      expect(bytesToHex(ledgerInfoSigningMessage(parsed.value.ledgerInfo))).toBe(v.signedMessageHex);
    },
  );

  test('the partial 46112 ledger info re-encodes to its recorded bytes', () => {
    const v = load<{ rpcResultPartial: { ledgerInfo: unknown }; bcsLedgerInfoHex: string }>('mainnet-epoch46112-round120-checkpoint.json');
    const parsed = parseLedgerInfoWithSignatures({ ledgerInfo: v.rpcResultPartial.ledgerInfo, signatures: {} });
    expect(bytesToHex(encodeLedgerInfo(parsed.value.ledgerInfo))).toBe(v.bcsLedgerInfoHex);
  });

  test('BCS(EpochState 46113) matches the recorded checkpoint bytes', () => {
    const v = load<{ checkpoint: { epochState: unknown; bcsEpochStateHex: string } }>('mainnet-epoch46112-round120-checkpoint.json');
    expect(bytesToHex(encodeEpochState(parseEpochState(v.checkpoint.epochState).state))).toBe(v.checkpoint.bcsEpochStateHex);
  });

  test('uncompressed 96-byte committee keys are compressed before encoding', () => {
    const v = load<{ committee: { epochState: { verifier: { addressToValidatorInfo: Record<string, { publicKey: string }> } } } }>('mainnet-epoch10000-round60-epochchange.json');
    const state = parseEpochState(v.committee.epochState).state;
    const first = Object.values(v.committee.epochState.verifier.addressToValidatorInfo)[0]!;
    expect(first.publicKey.length).toBe(2 + 192);
    for (const validator of state.validators) expect(validator.publicKey.length).toBe(48);
  });
});
