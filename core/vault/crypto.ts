/**
 * The slice of WebCrypto the vault uses, as an injectable interface, plus small byte helpers.
 *
 * Node 20, extension pages and the MV3 service worker all provide `globalThis.crypto`; injecting it
 * keeps `core/` free of globals and lets tests count or fail calls. No primitive is implemented
 * here: PBKDF2, HKDF and AES-GCM all run in the platform's native WebCrypto.
 * @module
 */
import { base64 } from '@scure/base';
import { VaultFormatError } from './errors.js';

/** What the vault needs from WebCrypto. `globalThis.crypto` satisfies it. */
export interface VaultCrypto {
  readonly subtle: SubtleCrypto;
  getRandomValues<T extends Uint8Array>(array: T): T;
}

/** The platform's WebCrypto. */
export function platformCrypto(): VaultCrypto {
  const c = globalThis.crypto;
  if (c === undefined || c.subtle === undefined) throw new TypeError('WebCrypto (crypto.subtle) is not available');
  return c;
}

/** Fresh random bytes. */
export function randomBytes(crypto: VaultCrypto, length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** Random identifier: 16 bytes as 32 lower-case hex digits. */
export function randomId(crypto: VaultCrypto): string {
  return Array.from(randomBytes(crypto, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Copies into a fresh ArrayBuffer-backed array (what WebCrypto's BufferSource typing wants). */
export function ownedBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(bytes.length);
  out.set(bytes);
  return out;
}

/** Overwrites a secret buffer once it is no longer needed. */
export function wipe(...buffers: Uint8Array[]): void {
  for (const b of buffers) b.fill(0);
}

export function encodeBase64(bytes: Uint8Array): string {
  return base64.encode(bytes);
}

/** Strict base64 (padding required, no whitespace); `expectedLength` checks the decoded size. */
export function decodeBase64(text: unknown, title: string, expectedLength?: number): Uint8Array {
  if (typeof text !== 'string') throw new VaultFormatError(`${title}: expected a base64 string`);
  let bytes: Uint8Array;
  try {
    bytes = base64.decode(text);
  } catch (cause) {
    throw new VaultFormatError(`${title}: not valid base64`, { cause });
  }
  if (expectedLength !== undefined && bytes.length !== expectedLength) {
    throw new VaultFormatError(`${title}: expected ${expectedLength} bytes, got ${bytes.length}`);
  }
  return bytes;
}

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return ownedBytes(utf8Encoder.encode(text));
}

/** Strict UTF-8 decoding: invalid sequences throw instead of becoming U+FFFD. */
export function fromUtf8(bytes: Uint8Array, title: string): string {
  try {
    return utf8Decoder.decode(bytes);
  } catch (cause) {
    throw new VaultFormatError(`${title}: not valid UTF-8`, { cause });
  }
}
