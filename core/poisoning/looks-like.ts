/**
 * Address look-alikes, the tool of address poisoning: an attacker makes an address whose first and
 * last characters match one the victim uses, then plants it in the victim's history hoping it is
 * copied from there.
 *
 * Two addresses look alike when their bodies — the 40 hex digits after `0x` (case ignored), or the
 * 42 characters after a CIP-37 prefix — agree in the first {@link HEAD_CHARS} and last
 * {@link TAIL_CHARS} characters but are different addresses. Four and four is what the wallet's
 * lists show (shortened addresses keep 4 to 6 at each end) and what vanity generators cheaply
 * match: 32 bits for hex. Base32 bodies of user addresses always start `aa` and a third character
 * from a set of eight, so the same rule holds about 28 bits there; two random addresses match with
 * a chance of about 1 in 2^28 to 2^32. Hex and base32 forms are compared only with their own kind.
 * @module
 */
import { decodeCfxAddressToBytes } from '../address/cip37.js';
import { bytesToHex } from '../encoding/hex.js';
import { PoisoningError } from './errors.js';

export const HEAD_CHARS = 4;
export const TAIL_CHARS = 4;

export interface AddressBody {
  form: 'hex' | 'base32';
  /** Lower-case body: 40 hex digits or 42 base32 characters. */
  body: string;
  /** The 20 address bytes as lower-case 0x hex: the identity of the address. */
  bytes: string;
}

/**
 * Reads the part of an address a user compares by eye.
 * @throws {PoisoningError} `poisoning.address`
 */
export function addressBody(address: string): AddressBody {
  if (typeof address !== 'string') throw new PoisoningError('poisoning.address', 'address: expected a string');
  if (/^0x[0-9a-fA-F]{40}$/.test(address)) {
    const body = address.slice(2).toLowerCase();
    return { form: 'hex', body, bytes: `0x${body}` };
  }
  try {
    const { bytes } = decodeCfxAddressToBytes(address);
    const lower = address.toLowerCase();
    return { form: 'base32', body: lower.slice(lower.lastIndexOf(':') + 1), bytes: bytesToHex(bytes) };
  } catch (cause) {
    throw new PoisoningError('poisoning.address', 'not a 0x hex or CIP-37 address', { cause });
  }
}

/** True when both are the same address (same 20 bytes), whatever their form. */
export function sameAddress(a: AddressBody, b: AddressBody): boolean {
  return a.bytes === b.bytes;
}

/** {@link looksLike} on bodies already read. */
export function bodiesLookAlike(a: AddressBody, b: AddressBody): boolean {
  return a.form === b.form && !sameAddress(a, b)
    && a.body.slice(0, HEAD_CHARS) === b.body.slice(0, HEAD_CHARS) && a.body.slice(-TAIL_CHARS) === b.body.slice(-TAIL_CHARS);
}

/**
 * True when `a` and `b` are different addresses whose bodies share the first and last characters.
 * @throws {PoisoningError} `poisoning.address`
 * @example looksLike('0x1234aaaa…5678', '0x1234bbbb…5678') // true
 */
export function looksLike(a: string, b: string): boolean {
  return bodiesLookAlike(addressBody(a), addressBody(b));
}
