import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { bytesToHex, hexToBytes } from '../encoding/hex.js';
import { LightProtocolError } from './errors.js';
import { encodeFrame, FrameDecoder, MAX_FRAME_PAYLOAD } from './frame.js';

const SEED = 1404;

describe('frames', () => {
  test('the first three payload bytes move behind a little-endian length', () => {
    expect(bytesToHex(encodeFrame(hexToBytes('0x0102030405')))).toBe('0x0500000405010203');
    expect(bytesToHex(encodeFrame(hexToBytes('0x0102')))).toBe('0x0200000102');
    expect(bytesToHex(encodeFrame(new Uint8Array(0)))).toBe('0x000000');
  });

  test(`round trip across any chunking (fast-check seed ${SEED})`, () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 6 }), fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 8 }), (payloads, cuts) => {
        const stream = Uint8Array.from(payloads.flatMap((p) => [...encodeFrame(p)]));
        const decoder = new FrameDecoder();
        const out: Uint8Array[] = [];
        for (let at = 0, i = 0; at < stream.length; i++) {
          const n = cuts[i % cuts.length]!;
          out.push(...decoder.push(stream.subarray(at, at + n)));
          at += n;
        }
        expect(out.map(bytesToHex)).toEqual(payloads.map(bytesToHex));
        expect(decoder.buffered).toBe(0);
        decoder.end();
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  test('a frame above the limit is refused as soon as its length arrives', () => {
    const decoder = new FrameDecoder(1000);
    expect(() => decoder.push(Uint8Array.of(0xe9, 0x03, 0x00))).toThrow(expect.objectContaining({ code: 'lightproto.frame_oversized' }));
    expect(() => encodeFrame(new Uint8Array(MAX_FRAME_PAYLOAD + 1))).toThrow(RangeError);
  });

  test('a stream ending mid-frame is a truncated frame; between frames it is fine', () => {
    const decoder = new FrameDecoder();
    const frame = encodeFrame(new Uint8Array(10).fill(7));
    expect(decoder.push(frame.subarray(0, 8))).toEqual([]);
    expect(() => decoder.end()).toThrow(LightProtocolError);
    try {
      decoder.end();
    } catch (error) {
      expect((error as LightProtocolError).code).toBe('lightproto.frame_truncated');
    }
    const clean = new FrameDecoder();
    clean.push(frame);
    expect(() => clean.end()).not.toThrow();
  });
});
