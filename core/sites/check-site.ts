/**
 * The verdict on a requesting site before the wallet connects to it or signs for it: `ok`,
 * `phishing` (on the bundled phishing list) or `lookalike` (made to be mistaken for a well-known
 * Conflux site, a site the user trusts, or a target of the phishing list).
 *
 * Order: the phishing list's allowlist, then its blocklist and fuzzy targets (phishing-list.ts, the
 * package's own semantics); then a well-known Conflux site or a trusted site (or a subdomain of one)
 * is ok; then the look-alike rules (lookalike.ts) against the Conflux sites and the trusted sites,
 * the strongest resemblance reported (homoglyph, then one edit, other ending, contained name).
 * IP addresses and single-label hosts (localhost) are not domains and are only checked against the
 * list. Everything is local: the origin is never sent anywhere.
 * @module
 */
import { parseSiteHost, type SiteHost } from './host.js';
import { KNOWN_CONFLUX_SITES } from './known-sites.js';
import { isSameSite, matchLookalike, type LookalikeMatch, type LookalikeRule } from './lookalike.js';
import { matchPhishingList, type PhishingList } from './phishing-list.js';

export type SiteVerdict =
  | { verdict: 'ok'; reason: 'allowlisted' | 'known_site' | 'trusted_site' | 'no_match' }
  | { verdict: 'phishing'; reason: 'blocklisted' }
  | {
    verdict: 'lookalike';
    reason: 'fuzzy_target' | LookalikeRule;
    /** The domain the site looks like. */
    similarTo: string;
    /** Where that domain comes from. */
    similarToSource: 'phishing_list_target' | 'known_site' | 'trusted_site';
  };

const RULE_STRENGTH: Readonly<Record<LookalikeRule, number>> = { homoglyph: 0, one_edit: 1, other_tld: 2, contains_name: 3 };

export interface SiteCheck {
  host: SiteHost;
  result: SiteVerdict;
  /** The list version that was consulted, for display ("eth-phishing-detect 1.2.0, 2026-12-07"). */
  list: PhishingList['source'];
}

export interface CheckSiteOptions {
  phishingList: PhishingList;
  /**
   * Hosts or origins the user already trusts (connected sites); each covers its subdomains.
   * Malformed entries are ignored.
   */
  trustedSites?: readonly string[];
}

function trustedHosts(sites: readonly string[]): string[] {
  const hosts: string[] = [];
  for (const site of sites) {
    try {
      const host = parseSiteHost(site);
      if (!host.local) hosts.push(host.unicode);
    } catch {
      // Not a URL or host: nothing to compare with.
    }
  }
  return hosts;
}

/**
 * Checks the origin of a request (as the browser reports it).
 * @throws {SitesError} `sites.origin` when the origin has no host
 * @example checkSite('https://swappi-airdrop.com', { phishingList }).result
 * // { verdict: 'lookalike', reason: 'contains_name', similarTo: 'swappi.io', similarToSource: 'known_site' }
 */
export function checkSite(origin: string, options: CheckSiteOptions): SiteCheck {
  const host = parseSiteHost(origin);
  const done = (result: SiteVerdict): SiteCheck => ({ host, result, list: options.phishingList.source });
  const listed = matchPhishingList(options.phishingList, host.ascii);
  if (listed.type === 'allowlist') return done({ verdict: 'ok', reason: 'allowlisted' });
  if (listed.type === 'blocklist') return done({ verdict: 'phishing', reason: 'blocklisted' });
  if (listed.type === 'fuzzy') return done({ verdict: 'lookalike', reason: 'fuzzy_target', similarTo: listed.match, similarToSource: 'phishing_list_target' });
  if (host.local) return done({ verdict: 'ok', reason: 'no_match' });
  if (KNOWN_CONFLUX_SITES.some((s) => isSameSite(host.unicode, s.domain))) return done({ verdict: 'ok', reason: 'known_site' });
  const trusted = trustedHosts(options.trustedSites ?? []);
  if (trusted.some((t) => isSameSite(host.unicode, t))) return done({ verdict: 'ok', reason: 'trusted_site' });
  // The strongest resemblance wins (a homoglyph of one site over another ending of a second).
  let best: { match: LookalikeMatch; source: 'known_site' | 'trusted_site' } | undefined;
  const consider = (match: LookalikeMatch | undefined, source: 'known_site' | 'trusted_site') => {
    if (match !== undefined && (best === undefined || RULE_STRENGTH[match.rule] < RULE_STRENGTH[best.match.rule])) best = { match, source };
  };
  for (const site of KNOWN_CONFLUX_SITES) consider(matchLookalike(host.unicode, site.domain, true), 'known_site');
  for (const site of trusted) consider(matchLookalike(host.unicode, site, false), 'trusted_site');
  if (best !== undefined) return done({ verdict: 'lookalike', reason: best.match.rule, similarTo: best.match.similarTo, similarToSource: best.source });
  return done({ verdict: 'ok', reason: 'no_match' });
}
