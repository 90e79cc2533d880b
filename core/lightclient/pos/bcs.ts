/**
 * The few BCS (Binary Canonical Serialization, Diem's signing format) rules that Conflux PoS
 * ledger infos and epoch states need: little-endian u64, ULEB128 lengths, length-prefixed byte
 * strings, options and fixed-size raw bytes.
 *
 * BCS is canonical by design (one encoding per value), so signing and verifying parties agree on
 * the bytes as long as both follow these rules exactly. This module only writes; the light client
 * never needs to parse BCS, it re-encodes the JSON it received and checks the signature over it.
 * @module
 */
import { concatBytes } from '../../encoding/hex.js';

const MAX_U64 = (1n << 64n) - 1n;

export class BcsWriter {
  private readonly parts: Uint8Array[] = [];
  private length = 0;

  private push(bytes: Uint8Array): this {
    this.parts.push(bytes);
    this.length += bytes.length;
    return this;
  }

  /** u64: 8 bytes little-endian. */
  u64(value: bigint | number): this {
    const n = typeof value === 'number' ? BigInt(value) : value;
    if (n < 0n || n > MAX_U64) throw new RangeError(`u64 out of range: ${n}`);
    const out = new Uint8Array(8);
    new DataView(out.buffer).setBigUint64(0, n, true);
    return this.push(out);
  }

  /** ULEB128 length of a sequence, map or byte string. */
  uleb128(value: number): this {
    if (!Number.isSafeInteger(value) || value < 0 || value > 0xffffffff) throw new RangeError(`ULEB128 length out of range: ${value}`);
    const out: number[] = [];
    let n = value;
    do {
      let byte = n & 0x7f;
      n = Math.floor(n / 128);
      if (n > 0) byte |= 0x80;
      out.push(byte);
    } while (n > 0);
    return this.push(Uint8Array.from(out));
  }

  /** `Vec<u8>` / `HashValue`: ULEB128 length, then the bytes. */
  bytes(value: Uint8Array): this {
    return this.uleb128(value.length).push(value);
  }

  /** Fixed-size arrays (e.g. `AccountAddress`): the bytes without a length. */
  raw(value: Uint8Array): this {
    return this.push(value);
  }

  /** A string: ULEB128 length of its UTF-8 bytes, then the bytes. */
  str(value: string): this {
    return this.bytes(new TextEncoder().encode(value));
  }

  /** `Option<T>`: 0x00 for None, 0x01 followed by the value for Some. */
  option<T>(value: T | null, writeSome: (writer: this, value: T) => void): this {
    if (value === null) return this.push(Uint8Array.of(0));
    this.push(Uint8Array.of(1));
    writeSome(this, value);
    return this;
  }

  finish(): Uint8Array {
    const out = concatBytes(...this.parts);
    if (out.length !== this.length) throw new RangeError('BCS writer length mismatch');
    return out;
  }
}
