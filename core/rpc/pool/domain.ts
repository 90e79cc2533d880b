/**
 * Who controls a host name: its registrable domain ("eTLD+1"), used to judge whether two nodes are
 * independent, and the checks for hosts that point into the user's own computer or network.
 *
 * Threat model: one party can create any number of host names and ports under a domain it owns
 * (`a.evil.example`, `b.evil.example:8443`, …), so independence is never judged by host:port. The
 * registrable domain is computed with a small bundled rule, not the full Public Suffix List (no
 * maintained PSL package is available to the project): the last two labels, or three when the
 * second-level label is one of the generic second levels used under two-letter country codes
 * (`co.uk`, `com.cn`, …) or the host is under one of a few well-known shared-hosting suffixes.
 * Errors of this rule only ever merge domains that are in fact separate (two tenants of an
 * unlisted hosting suffix count as one operator), which costs cross-check strength, never lends it.
 * @module
 */

/** Generic second levels under two-letter country codes (`example.co.uk`, `example.com.cn`). */
const CC_SECOND_LEVELS = new Set(['ac', 'co', 'com', 'edu', 'gov', 'net', 'org', 'or', 'ne', 'go', 'gob', 'mil', 'nom', 'ltd', 'plc', 'sch']);

/** Shared hosting suffixes where every tenant is a different party. */
const HOSTING_SUFFIXES = new Set([
  'github.io',
  'gitlab.io',
  'vercel.app',
  'netlify.app',
  'pages.dev',
  'workers.dev',
  'web.app',
  'firebaseapp.com',
  'herokuapp.com',
  'onrender.com',
  'fly.dev',
  'ngrok.io',
  'ngrok-free.app',
  'azurewebsites.net',
  'appspot.com',
]);

function isIpLiteral(hostname: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname) || hostname.startsWith('[');
}

/**
 * The registrable domain of a host name (lower case, no trailing dot); an IP literal is its own.
 * @example registrableDomain('a.b.evil.example') // 'evil.example'
 * @example registrableDomain('rpc.example.co.uk') // 'example.co.uk'
 */
export function registrableDomain(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (isIpLiteral(host)) return host;
  const labels = host.split('.').filter((l) => l.length > 0);
  if (labels.length <= 2) return labels.join('.');
  const lastTwo = labels.slice(-2).join('.');
  const second = labels[labels.length - 2]!;
  const top = labels[labels.length - 1]!;
  const suffixLength = HOSTING_SUFFIXES.has(lastTwo) || (top.length === 2 && CC_SECOND_LEVELS.has(second)) ? 2 : 1;
  return labels.slice(-(suffixLength + 1)).join('.');
}

/** The registrable domain of a URL's or origin's host. */
export function registrableDomainOf(url: string): string {
  return registrableDomain(new URL(url).hostname);
}

function ipv4Private(a: number, b: number): boolean {
  return a === 0 || a === 127 || a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
}

/**
 * Whether a host name points (or may point) into this computer or the local network: loopback,
 * private, link-local, carrier-grade NAT and unspecified IPv4 literals, IPv6 loopback, unique-local,
 * link-local and IPv4-mapped literals, `localhost` and `*.localhost`, `.local`/`.internal`/`.lan`/
 * `.home.arpa` names and single-label names (intranet hosts). A host name that a public DNS entry
 * resolves to a private address is not caught here (the browser resolves names, not the wallet).
 */
export function isLocalOrPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (v4) return ipv4Private(Number(v4[1]), Number(v4[2]));
  if (host.startsWith('[')) {
    const v6 = host.slice(1, -1);
    if (v6 === '::1' || v6 === '::') return true;
    if (/^f[cd][0-9a-f]{0,2}:/.test(v6) || /^fe[89ab][0-9a-f]?:/.test(v6)) return true;
    const mapped = /^::ffff:(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(v6);
    if (mapped) return ipv4Private(Number(mapped[1]), Number(mapped[2]));
    // The URL parser writes an IPv4-mapped address in hex (`::ffff:7f00:1`).
    const hexMapped = /^::ffff:([0-9a-f]{1,4}):[0-9a-f]{1,4}$/.exec(v6);
    if (hexMapped) {
      const word = parseInt(hexMapped[1]!, 16);
      return ipv4Private(word >> 8, word & 0xff);
    }
    return false;
  }
  if (!host.includes('.')) return true;
  return host === 'localhost' || /\.(localhost|local|internal|lan|intranet|home\.arpa)$/.test(host);
}
