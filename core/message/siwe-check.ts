/**
 * Sign-in requests checked against what the browser and the wallet know: the requesting origin
 * (from the browser, never from the page), the signing account, the active chain and the time.
 *
 * Follows EIP-4361's wallet steps: a message that contains "wants you to sign in with your …
 * account" but does not follow the grammar is reported as malformed (the wallet must warn); a
 * well-formed one gets a warning for each mismatch — scheme, host, port or URI not the requesting
 * origin's, address not the signing account, chain id not the active chain, expired or not yet
 * valid. The caller decides how to show them; nothing is refused here.
 * Spec: https://eips.ethereum.org/EIPS/eip-4361 (Wallet Implementer Steps).
 * @module
 */
import { decodeCfxAddressToBytes } from '../address/cip37.js';
import { bytesToHex } from '../encoding/hex.js';
import { InvalidInputError } from '../errors.js';
import { parseSiweMessage, type SiweMessage } from './siwe.js';
import { SiweError } from './siwe-errors.js';

export interface SignInContext {
  /** The requesting page's origin as the browser reports it, e.g. `https://app.example.com`. */
  origin: string;
  /** The account asked to sign: base32 on Core, hex on eSpace. */
  account: string;
  /** The active chain (Core network id or eSpace chain id). */
  chainId: number;
  /** Milliseconds since the Unix epoch. */
  now: number;
}

export type SignInWarning =
  | { code: 'scheme_mismatch'; message: string; origin: string }
  | { code: 'domain_mismatch'; message: string; origin: string }
  | { code: 'port_mismatch'; message: number; origin: number }
  | { code: 'uri_mismatch'; message: string; origin: string }
  | { code: 'address_mismatch'; message: string; account: string }
  | { code: 'chain_mismatch'; message: number; active: number }
  | { code: 'expired'; expirationTime: string }
  | { code: 'not_yet_valid'; notBefore: string };

export type SignInAnalysis =
  | { kind: 'not_sign_in' }
  | { kind: 'malformed'; error: SiweError }
  | { kind: 'sign_in'; message: SiweMessage; warnings: SignInWarning[] };

const MARKER = /wants you to sign in with your (?:Ethereum|Conflux) account/;
const DEFAULT_PORTS: Readonly<Record<string, number>> = { https: 443, http: 80, wss: 443, ws: 80 };

/** The 20 address bytes (lower-case hex) of a hex or base32 address, or null if it is neither. */
function addressBytes(address: string): string | null {
  if (/^0x[0-9a-fA-F]{40}$/.test(address)) return address.toLowerCase();
  try {
    return bytesToHex(decodeCfxAddressToBytes(address).bytes);
  } catch {
    return null;
  }
}

/** Milliseconds since the epoch of a valid RFC 3339 date-time (leap second 60 read as 59.999). */
export function rfc3339ToMillis(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/.exec(text);
  if (m === null) return Number.NaN;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const millis = second === 60 ? 999 : Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
  const offset = m[8] === undefined ? 0 : (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10])) * 60_000;
  return Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), millis) - offset;
}

/** Splits an RFC 3986 authority into host (lower case) and port (null when absent). */
function splitAuthority(authority: string): { host: string; port: number | null } {
  const withoutUser = authority.slice(authority.lastIndexOf('@') + 1);
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(withoutUser);
  const host = (match?.[1] ?? withoutUser).toLowerCase();
  const port = match?.[2] === undefined || match[2] === '' ? null : Number(match[2]);
  return { host, port };
}

/**
 * Parses a personal-sign message as a sign-in request, if it is one, and checks it.
 * @example analyzeSignInMessage(text, { origin: 'https://evil.example', account, chainId: 1030, now: Date.now() })
 * // { kind: 'sign_in', message, warnings: [{ code: 'domain_mismatch', message: 'app.example', origin: 'evil.example' }] }
 */
export function analyzeSignInMessage(text: string, context: SignInContext): SignInAnalysis {
  if (typeof text !== 'string' || !MARKER.test(text)) return { kind: 'not_sign_in' };
  let message: SiweMessage;
  try {
    message = parseSiweMessage(text);
  } catch (error) {
    if (error instanceof SiweError) return { kind: 'malformed', error };
    throw error;
  }
  const warnings: SignInWarning[] = [];
  let origin: URL;
  try {
    origin = new URL(context.origin);
  } catch (cause) {
    throw new InvalidInputError('context.origin: not a URL', { cause });
  }
  if (!Number.isFinite(context.now)) throw new InvalidInputError('context.now: expected milliseconds since the epoch');
  const originScheme = origin.protocol.slice(0, -1);
  const originPort = origin.port === '' ? DEFAULT_PORTS[originScheme] ?? 0 : Number(origin.port);
  const scheme = message.scheme?.toLowerCase() ?? 'https';
  if (scheme !== originScheme) warnings.push({ code: 'scheme_mismatch', message: scheme, origin: originScheme });
  const { host, port } = splitAuthority(message.domain);
  if (host !== origin.hostname) warnings.push({ code: 'domain_mismatch', message: host, origin: origin.hostname });
  const messagePort = port ?? DEFAULT_PORTS[scheme] ?? 0;
  if (messagePort !== originPort) warnings.push({ code: 'port_mismatch', message: messagePort, origin: originPort });
  let uriOrigin: string;
  try {
    uriOrigin = new URL(message.uri).origin;
  } catch {
    uriOrigin = message.uri;
  }
  if (uriOrigin !== origin.origin) warnings.push({ code: 'uri_mismatch', message: message.uri, origin: origin.origin });
  const signer = addressBytes(context.account);
  if (signer === null || addressBytes(message.address) !== signer) warnings.push({ code: 'address_mismatch', message: message.address, account: context.account });
  if (message.chainId !== context.chainId) warnings.push({ code: 'chain_mismatch', message: message.chainId, active: context.chainId });
  if (message.expirationTime !== null && rfc3339ToMillis(message.expirationTime) <= context.now) warnings.push({ code: 'expired', expirationTime: message.expirationTime });
  if (message.notBefore !== null && rfc3339ToMillis(message.notBefore) > context.now) warnings.push({ code: 'not_yet_valid', notBefore: message.notBefore });
  return { kind: 'sign_in', message, warnings };
}
