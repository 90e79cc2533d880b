/**
 * The bundled phishing list (eth-phishing-detect's data, see phishing-data.ts) and its check,
 * with that package's semantics reproduced exactly:
 * 1. a host equal to or under an allowlisted name is not phishing (the allowlist wins);
 * 2. a host equal to or under a blocked name is phishing;
 * 3. otherwise, a host whose name without its last label (and without its first `www.`) is within
 *    Levenshtein distance `tolerance` of a fuzzy target's is a look-alike of that target.
 * Nothing is fetched: the list ships with the extension and is refreshed with each release
 * (`npm run phishing:refresh`).
 * @module
 */
import { base64 } from '@scure/base';
import { levenshtein } from './edit-distance.js';
import { SitesError } from './errors.js';
import { containsSorted, decodeGolombSet, gcsHash } from './gcs.js';

export interface PhishingListData {
  source: { package: string; version: string; integrity: string; configVersion: number; generated: string };
  tolerance: number;
  fuzzylist: readonly string[];
  /** Newline-separated names. */
  allowlist: string;
  blocklist: { count: number; bits: number; data: string };
}

export interface PhishingList {
  source: PhishingListData['source'];
  tolerance: number;
  fuzzylist: readonly string[];
  allowlist: ReadonlySet<string>;
  blocked: { values: Float64Array; count: number; bits: number };
}

export type PhishingListMatch =
  | { type: 'allowlist'; match: string }
  | { type: 'blocklist' }
  | { type: 'fuzzy'; match: string }
  | { type: 'none' };

/**
 * Decodes list data (checked: a damaged list fails instead of checking against part of it).
 * @throws {SitesError} `sites.data`
 */
export function phishingListFromData(data: PhishingListData): PhishingList {
  if (typeof data !== 'object' || data === null || typeof data.allowlist !== 'string' || !Array.isArray(data.fuzzylist) || !Number.isInteger(data.tolerance)) {
    throw new SitesError('sites.data', 'phishing list: malformed data');
  }
  let bytes: Uint8Array;
  try {
    bytes = base64.decode(data.blocklist.data);
  } catch (cause) {
    throw new SitesError('sites.data', 'phishing list: blocklist is not base64', { cause });
  }
  const values = decodeGolombSet({ count: data.blocklist.count, bits: data.blocklist.bits, data: bytes });
  return {
    source: data.source,
    tolerance: data.tolerance,
    fuzzylist: data.fuzzylist,
    allowlist: new Set(data.allowlist === '' ? [] : data.allowlist.split('\n')),
    blocked: { values, count: data.blocklist.count, bits: data.blocklist.bits },
  };
}

let bundled: Promise<PhishingList> | undefined;

/** The list bundled with this release, decoded once; its data module is loaded only when first asked for. */
export function loadBundledPhishingList(): Promise<PhishingList> {
  bundled ??= import('./phishing-data.js').then((m) => phishingListFromData(m.PHISHING_DATA));
  return bundled;
}

/** `a.b.c` → [`a.b.c`, `b.c`, `c`]. */
function suffixes(host: string): string[] {
  const labels = host.split('.');
  return labels.map((_, i) => labels.slice(i).join('.'));
}

/** The name the fuzzy match compares: the domain without its last label. */
function withoutTld(domain: string): string {
  return domain.split('.').slice(0, -1).join('.');
}

/**
 * Checks a lower-case ASCII host (punycode for IDN labels) against the list.
 * @example matchPhishingList(list, 'myetherwallet.uk.com') // { type: 'blocklist' }
 */
export function matchPhishingList(list: PhishingList, asciiHost: string): PhishingListMatch {
  const host = asciiHost.endsWith('.') ? asciiHost.slice(0, -1) : asciiHost;
  const names = suffixes(host);
  const allowed = names.find((n) => list.allowlist.has(n));
  if (allowed !== undefined) return { type: 'allowlist', match: allowed };
  const { values, count, bits } = list.blocked;
  if (count > 0 && names.some((n) => containsSorted(values, gcsHash(n, count, bits)))) return { type: 'blocklist' };
  if (list.tolerance > 0) {
    // As the package does: the first `www.` anywhere in the checked name is removed, targets are kept.
    const form = withoutTld(host).replace('www.', '');
    const target = list.fuzzylist.find((t) => levenshtein(form, withoutTld(t)) <= list.tolerance);
    if (target !== undefined) return { type: 'fuzzy', match: target };
  }
  return { type: 'none' };
}
