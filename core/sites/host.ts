/**
 * The host of a requesting site, in the two forms the checks need: ASCII (what the phishing list
 * and the browser use, IDN labels as `xn--…` punycode) and Unicode (what the user sees and what
 * look-alike checks compare).
 *
 * Threat model: the origin comes from the browser (never from the page), but it may name any host,
 * including internationalised ones built to look like another site. Parsing uses the platform URL
 * parser, which applies the same UTS #46 mapping the browser applied when it loaded the page; a
 * punycode label that does not decode is kept as it is (it cannot look like anything then).
 * @module
 */
import punycode from 'punycode.js';
import { SitesError } from './errors.js';

export interface SiteHost {
  /** The origin's scheme without `:`, e.g. `https`. */
  scheme: string;
  /** Lower-case ASCII host, IDN labels in punycode, no trailing dot. */
  ascii: string;
  /** The same host with punycode labels decoded. */
  unicode: string;
  /** Explicit port, or null for the scheme's default. */
  port: number | null;
  /** True for IP addresses and single-label hosts such as `localhost`: no domain to compare. */
  local: boolean;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * Reads an origin (`https://app.example.org`) or a bare host (`app.example.org`).
 * @throws {SitesError} `sites.origin`
 * @example parseSiteHost('https://xn--swppi-2ve.io').unicode // 'swаppi.io' (with a Cyrillic а)
 */
export function parseSiteHost(origin: string): SiteHost {
  if (typeof origin !== 'string' || origin.length === 0 || origin.length > 2048) throw new SitesError('sites.origin', 'origin: expected a non-empty string');
  let url: URL;
  try {
    url = new URL(origin.includes('://') ? origin : `https://${origin}`);
  } catch (cause) {
    throw new SitesError('sites.origin', `origin is not a URL: ${origin.slice(0, 100)}`, { cause });
  }
  const ascii = url.hostname.replace(/\.$/, '');
  if (ascii === '') throw new SitesError('sites.origin', `origin has no host: ${origin.slice(0, 100)}`);
  const unicode = ascii.split('.').map((label) => {
    if (!label.startsWith('xn--')) return label;
    try {
      return punycode.toUnicode(label);
    } catch {
      return label;
    }
  }).join('.');
  const local = ascii.startsWith('[') || IPV4.test(ascii) || !ascii.includes('.');
  return { scheme: url.protocol.slice(0, -1), ascii, unicode, port: url.port === '' ? null : Number(url.port), local };
}
