/**
 * Frames of the Conflux P2P connection (`PacketWithLenAssembler` in conflux-rust's connection.rs).
 *
 * On the wire each frame is a 3-byte little-endian payload length, then the payload with its
 * first three bytes moved to its end (payloads under three bytes are sent as they are). Frames
 * carry the handshake messages and then session packets; they have no MAC, so anything on the
 * path may change them and every decoded frame is untrusted input.
 *
 * Threat model: a peer may announce huge frames, trickle bytes, or stop mid-frame. The decoder
 * refuses a length above its limit as soon as the 3 length bytes arrive (so it never buffers more
 * than one frame's worth), and reports a frame cut short when the stream ends.
 * @module
 */
import { LightProtocolError } from './errors.js';

/** Largest payload the protocol allows (2^24 − 1 − 3 bytes). */
export const MAX_FRAME_PAYLOAD = (1 << 24) - 1 - 3;

/** Wraps a payload in one frame. */
export function encodeFrame(payload: Uint8Array): Uint8Array {
  if (!(payload instanceof Uint8Array)) throw new TypeError('frame payload must be a Uint8Array');
  const n = payload.length;
  if (n > MAX_FRAME_PAYLOAD) throw new RangeError(`frame payload of ${n} bytes exceeds ${MAX_FRAME_PAYLOAD}`);
  const out = new Uint8Array(3 + n);
  out[0] = n & 0xff;
  out[1] = (n >> 8) & 0xff;
  out[2] = (n >> 16) & 0xff;
  if (n < 3) {
    out.set(payload, 3);
  } else {
    out.set(payload.subarray(3), 3);
    out.set(payload.subarray(0, 3), n);
  }
  return out;
}

/** Incremental frame decoder: feed stream chunks, get whole payloads back. */
export class FrameDecoder {
  private chunks: Uint8Array[] = [];
  private size = 0;

  /** @param maxPayload largest accepted payload (default: the protocol's limit) */
  constructor(private readonly maxPayload: number = MAX_FRAME_PAYLOAD) {
    if (!Number.isSafeInteger(maxPayload) || maxPayload < 0 || maxPayload > MAX_FRAME_PAYLOAD) throw new RangeError(`maxPayload must be within 0 … ${MAX_FRAME_PAYLOAD}`);
  }

  /** Bytes received but not yet part of a whole frame. */
  get buffered(): number {
    return this.size;
  }

  /**
   * Adds received bytes and returns every payload completed by them, in order.
   * @throws {LightProtocolError} `lightproto.frame_oversized`
   */
  push(chunk: Uint8Array): Uint8Array[] {
    if (!(chunk instanceof Uint8Array)) throw new TypeError('chunk must be a Uint8Array');
    if (chunk.length > 0) {
      this.chunks.push(chunk);
      this.size += chunk.length;
    }
    const out: Uint8Array[] = [];
    for (;;) {
      if (this.size < 3) return out;
      const head = this.peek(3);
      const n = head[0]! | (head[1]! << 8) | (head[2]! << 16);
      if (n > this.maxPayload) throw new LightProtocolError('lightproto.frame_oversized', `frame of ${n} bytes exceeds the limit of ${this.maxPayload}`);
      if (this.size < 3 + n) return out;
      const frame = this.take(3 + n);
      if (n < 3) out.push(frame.slice(3));
      else {
        const payload = new Uint8Array(n);
        payload.set(frame.subarray(3 + n - 3), 0);
        payload.set(frame.subarray(3, 3 + n - 3), 3);
        out.push(payload);
      }
    }
  }

  /**
   * The stream ended: fine between frames, a typed failure inside one.
   * @throws {LightProtocolError} `lightproto.frame_truncated`
   */
  end(): void {
    if (this.size > 0) throw new LightProtocolError('lightproto.frame_truncated', `the connection ended ${this.size} bytes into a frame`);
  }

  private peek(n: number): Uint8Array {
    const first = this.chunks[0]!;
    if (first.length >= n) return first.subarray(0, n);
    this.chunks = [this.concat(this.size)];
    return this.chunks[0]!.subarray(0, n);
  }

  private take(n: number): Uint8Array {
    const first = this.chunks[0]!;
    let out: Uint8Array;
    if (first.length >= n) {
      out = first.subarray(0, n);
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
    } else {
      const all = this.concat(this.size);
      out = all.subarray(0, n);
      this.chunks = n < all.length ? [all.subarray(n)] : [];
    }
    this.size -= n;
    return out;
  }

  private concat(total: number): Uint8Array {
    const all = new Uint8Array(total);
    let at = 0;
    for (const c of this.chunks) {
      all.set(c, at);
      at += c.length;
    }
    return all;
  }
}
