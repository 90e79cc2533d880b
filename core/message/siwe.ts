/**
 * Strict parsing of sign-in messages (EIP-4361, "Sign-In with Ethereum"), and of the Conflux
 * variant seen in the wild, which says "…with your Conflux account:" and may carry a CIP-37 base32
 * address (no formal specification of it exists; it otherwise follows EIP-4361).
 *
 * Threat model: the message is the dApp's text; a wallet that recognises it can check it against
 * what the browser says about the request (siwe-check.ts). The grammar is followed exactly — line
 * order, character sets, RFC 3986 authority and URIs, RFC 3339 times — so a message that only
 * resembles a sign-in request is reported as malformed rather than half-read. Lines are bounded.
 * Spec: https://eips.ethereum.org/EIPS/eip-4361 (ABNF Message Format).
 * @module
 */
import { decodeCfxAddressToBytes } from '../address/cip37.js';
import { toChecksumAddress } from '../address/eip55.js';
import { SiweError } from './siwe-errors.js';

export type SiweFlavor = 'ethereum' | 'conflux';

export interface SiweMessage {
  /** `ethereum` for EIP-4361; `conflux` for the "Conflux account" variant. */
  flavor: SiweFlavor;
  scheme: string | null;
  /** RFC 3986 authority: `[userinfo@]host[:port]`. */
  domain: string;
  /** As written: EIP-55 hex, or CIP-37 base32 in a Conflux message. */
  address: string;
  statement: string | null;
  uri: string;
  version: '1';
  chainId: number;
  nonce: string;
  issuedAt: string;
  expirationTime: string | null;
  notBefore: string | null;
  requestId: string | null;
  resources: string[];
}

const MAX_LENGTH = 64 * 1024;
const HEADER = /^(?:([A-Za-z][A-Za-z0-9+.-]*):\/\/)?(.*) wants you to sign in with your (Ethereum|Conflux) account:$/;
const UNRESERVED = "A-Za-z0-9\\-._~";
const SUB_DELIMS = "!$&'()*+,;=";
const PCT = '%[0-9A-Fa-f]{2}';
const PCHAR = `(?:[${UNRESERVED}${SUB_DELIMS}:@]|${PCT})`;
const IPV4 = '(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IP_LITERAL = '\\[[0-9A-Fa-f:.]+\\]|\\[v[0-9A-Fa-f]+\\.[A-Za-z0-9\\-._~!$&\'()*+,;=:]+\\]';
const REG_NAME = `(?:[${UNRESERVED}${SUB_DELIMS}]|${PCT})*`;
const AUTHORITY = `(?:(?:[${UNRESERVED}${SUB_DELIMS}:]|${PCT})*@)?(?:${IP_LITERAL}|${IPV4}|${REG_NAME})(?::\\d*)?`;
const AUTHORITY_RE = new RegExp(`^${AUTHORITY}$`);
/** RFC 3986 URI: scheme ":" hier-part [ "?" query ] [ "#" fragment ]. */
const URI_RE = new RegExp(
  `^[A-Za-z][A-Za-z0-9+.-]*:(?://${AUTHORITY}(?:/${PCHAR}*)*|/(?:${PCHAR}+(?:/${PCHAR}*)*)?|${PCHAR}+(?:/${PCHAR}*)*|)(?:\\?(?:${PCHAR}|[/?])*)?(?:#(?:${PCHAR}|[/?])*)?$`,
);
/** Statement: reserved / unreserved / space (no line break, ASCII only). */
const STATEMENT_RE = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;= ]*$/;
const NONCE_RE = /^[A-Za-z0-9]{8,}$/;
const REQUEST_ID_RE = new RegExp(`^${PCHAR}*$`);
const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/;

/** True for an RFC 3986 URI. */
export function isRfc3986Uri(text: string): boolean {
  return URI_RE.test(text);
}

/** Checks an RFC 3339 date-time, including the ranges of each field. */
export function isRfc3339DateTime(text: string): boolean {
  const m = DATE_TIME_RE.exec(text);
  if (m === null) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (days === undefined || day < 1 || day > days || hour > 23 || minute > 59 || second > 60) return false;
  if (m[9] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) return false;
  return true;
}

function checkAddress(address: string, flavor: SiweFlavor): void {
  if (/^0x[0-9a-fA-F]{40}$/.test(address)) {
    if (toChecksumAddress(address) !== address) throw new SiweError('siwe.address', 'address is not in EIP-55 checksum form', { details: 'address' });
    return;
  }
  if (flavor === 'conflux') {
    try {
      decodeCfxAddressToBytes(address);
      return;
    } catch (cause) {
      throw new SiweError('siwe.address', 'address is not a valid CIP-37 address', { cause, details: 'address' });
    }
  }
  throw new SiweError('siwe.address', 'address is not a 0x address of 40 hex digits', { details: 'address' });
}

/** Reads `Prefix: value` from the current line, or returns null when the line is another field. */
class Lines {
  index = 0;
  constructor(readonly lines: readonly string[]) {}
  peek(): string | undefined {
    return this.lines[this.index];
  }
  take(prefix: string, required: boolean): string | null {
    const line = this.peek();
    if (line === undefined || !line.startsWith(prefix)) {
      if (required) throw new SiweError('siwe.structure', `expected "${prefix.trim()}" on line ${this.index + 1}`, { details: prefix.trim() });
      return null;
    }
    this.index++;
    return line.slice(prefix.length);
  }
}

/**
 * Parses a sign-in message exactly as the EIP-4361 grammar defines it.
 * @throws {SiweError} one code per failed rule
 * @example parseSiweMessage(text).domain // 'example.com'
 */
export function parseSiweMessage(text: string): SiweMessage {
  if (typeof text !== 'string' || text.length > MAX_LENGTH) throw new SiweError('siwe.structure', `message: expected a string of at most ${MAX_LENGTH} characters`);
  const lines = new Lines(text.split('\n'));
  const header = HEADER.exec(lines.peek() ?? '');
  if (header === null) throw new SiweError('siwe.header', 'the first line is not a sign-in request header', { details: 'header' });
  lines.index++;
  const scheme = header[1] ?? null;
  const domain = header[2]!;
  const flavor: SiweFlavor = header[3] === 'Ethereum' ? 'ethereum' : 'conflux';
  if (domain === '' || !AUTHORITY_RE.test(domain)) throw new SiweError('siwe.domain', 'domain is not an RFC 3986 authority', { details: 'domain' });
  const address = lines.take('', true)!;
  checkAddress(address, flavor);
  if (lines.take('', true) !== '') throw new SiweError('siwe.structure', 'expected an empty line after the address', { details: 'address' });
  let statement: string | null = null;
  if (lines.peek() !== '') {
    statement = lines.take('', true);
    if (!STATEMENT_RE.test(statement!)) throw new SiweError('siwe.statement', 'statement contains characters outside the allowed set', { details: 'statement' });
  }
  if (lines.take('', true) !== '') throw new SiweError('siwe.structure', 'expected an empty line before "URI:"', { details: 'statement' });
  const uri = lines.take('URI: ', true)!;
  if (!isRfc3986Uri(uri)) throw new SiweError('siwe.uri', 'URI is not an RFC 3986 URI', { details: 'uri' });
  if (lines.take('Version: ', true) !== '1') throw new SiweError('siwe.version', 'version must be 1', { details: 'version' });
  const chainText = lines.take('Chain ID: ', true)!;
  if (!/^\d{1,15}$/.test(chainText)) throw new SiweError('siwe.chain_id', 'chain id is not a decimal integer', { details: 'chainId' });
  const nonce = lines.take('Nonce: ', true)!;
  if (!NONCE_RE.test(nonce)) throw new SiweError('siwe.nonce', 'nonce must be at least 8 letters or digits', { details: 'nonce' });
  const time = (value: string | null, field: string) => {
    if (value !== null && !isRfc3339DateTime(value)) throw new SiweError('siwe.time', `${field} is not an RFC 3339 date-time`, { details: field });
    return value;
  };
  const issuedAt = time(lines.take('Issued At: ', true), 'issuedAt')!;
  const expirationTime = time(lines.take('Expiration Time: ', false), 'expirationTime');
  const notBefore = time(lines.take('Not Before: ', false), 'notBefore');
  const requestId = lines.take('Request ID: ', false);
  if (requestId !== null && !REQUEST_ID_RE.test(requestId)) throw new SiweError('siwe.request_id', 'request id contains characters outside the allowed set', { details: 'requestId' });
  const resources: string[] = [];
  if (lines.take('Resources:', false) !== null) {
    if (lines.lines[lines.index - 1] !== 'Resources:') throw new SiweError('siwe.structure', '"Resources:" must be alone on its line', { details: 'resources' });
    for (let resource = lines.take('- ', false); resource !== null; resource = lines.take('- ', false)) {
      if (!isRfc3986Uri(resource)) throw new SiweError('siwe.uri', `resource ${resources.length + 1} is not an RFC 3986 URI`, { details: 'resources' });
      resources.push(resource);
    }
  }
  if (lines.peek() !== undefined) throw new SiweError('siwe.structure', `unexpected line ${lines.index + 1}`, { details: String(lines.index + 1) });
  return { flavor, scheme, domain, address, statement, uri, version: '1', chainId: Number(chainText), nonce, issuedAt, expirationTime, notBefore, requestId, resources };
}
