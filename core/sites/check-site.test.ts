/**
 * Site verdicts: real phishing-list entries, IDN homoglyphs (punycode decoded, Cyrillic and Greek
 * letters, digit look-alikes), one-edit typos, other endings, embedded names, against the bundled
 * Conflux sites and the user's trusted sites; the real Conflux sites themselves, their subdomains
 * and unrelated sites are ok.
 */
import fc from 'fast-check';
import punycode from 'punycode.js';
import { describe, expect, test } from 'vitest';
import { checkSite, type SiteVerdict } from './check-site.js';
import { isOneEdit, levenshtein } from './edit-distance.js';
import { SitesError } from './errors.js';
import { parseSiteHost } from './host.js';
import { KNOWN_CONFLUX_SITES } from './known-sites.js';
import { PHISHING_DATA } from './phishing-data.js';
import { phishingListFromData } from './phishing-list.js';
import { skeleton } from './skeleton.js';

const phishingList = phishingListFromData(PHISHING_DATA);
const verdict = (origin: string, trustedSites: string[] = []): SiteVerdict => checkSite(origin, { phishingList, trustedSites }).result;
/** The ASCII origin a browser reports for a Unicode host. */
const idn = (unicodeHost: string) => `https://${punycode.toASCII(unicodeHost)}`;

describe('the phishing list', () => {
  test.each(['https://myetherwallet.uk.com', 'https://yearnson.finance', 'https://xn--myeterwalet-cm8eoi.com', 'https://www.myetherwallet.uk.com'])('%s is phishing', (origin) => {
    expect(verdict(origin)).toEqual({ verdict: 'phishing', reason: 'blocklisted' });
  });

  test('a fuzzy match of a list target is a look-alike of it', () => {
    expect(verdict('https://netamask.cc')).toEqual({ verdict: 'lookalike', reason: 'fuzzy_target', similarTo: 'metamask.io', similarToSource: 'phishing_list_target' });
  });

  test('allowlisted names are ok even when they look like a target', () => {
    expect(verdict('https://metamask.io')).toEqual({ verdict: 'ok', reason: 'allowlisted' });
    expect(verdict('https://opensea.io')).toEqual({ verdict: 'ok', reason: 'allowlisted' });
  });

  test('the check reports the list it used', () => {
    expect(checkSite('https://example.org', { phishingList }).list).toMatchObject({ package: 'eth-phishing-detect', version: '1.2.0' });
  });
});

describe('well-known Conflux sites', () => {
  test.each(KNOWN_CONFLUX_SITES.flatMap((s) => [`https://${s.domain}`, `https://app.${s.domain}`]))('%s is ok', (origin) => {
    expect(verdict(origin).verdict).toBe('ok');
  });

  test.each<[string, string, string]>([
    // IDN homoglyphs: the browser reports punycode; it is decoded and compared on skeletons.
    [idn('swаppi.io'), 'homoglyph', 'swappi.io'], // Cyrillic а
    [idn('cοnfluxhub.io'), 'homoglyph', 'confluxhub.io'], // Greek ο
    [idn('confluxscаn.net'), 'homoglyph', 'confluxscan.net'],
    [idn('fluentwаllet.com'), 'homoglyph', 'fluentwallet.com'],
    [idn('swäppi.io'), 'homoglyph', 'swappi.io'], // a diacritic
    ['https://app.conf1uxhub.io', 'homoglyph', 'confluxhub.io'], // digit one for l, under a subdomain
    ['https://c0nfluxhub.io', 'homoglyph', 'confluxhub.io'],
    // One edit.
    ['https://swapi.io', 'one_edit', 'swappi.io'],
    ['https://swappii.io', 'one_edit', 'swappi.io'],
    ['https://swpapi.io', 'one_edit', 'swappi.io'],
    ['https://confluxhub.co', 'one_edit', 'confluxhub.io'],
    ['https://fluentwalet.com', 'one_edit', 'fluentwallet.com'],
    // Same name, other ending.
    ['https://confluxhub.xyz', 'other_tld', 'confluxhub.io'],
    ['https://swappi.finance', 'other_tld', 'swappi.io'],
    // The name inside another host.
    ['https://confluxhub.io.claim-rewards.app', 'contains_name', 'confluxhub.io'],
    ['https://confluxhub-io.app', 'contains_name', 'confluxhub.io'],
    ['https://swappi-airdrop.com', 'contains_name', 'swappi.io'],
    ['https://claim.nucleon.gift', 'other_tld', 'nucleon.space'],
  ])('%s → %s %s', (origin, reason, similarTo) => {
    expect(verdict(origin)).toEqual({ verdict: 'lookalike', reason, similarTo, similarToSource: 'known_site' });
  });

  test('no bundled Conflux site is on the phishing list or fuzzy-matches its targets', () => {
    expect(KNOWN_CONFLUX_SITES.map((s) => [s.domain, verdict(`https://${s.domain}`).verdict])).toEqual(KNOWN_CONFLUX_SITES.map((s) => [s.domain, 'ok']));
  });
});

describe('trusted sites', () => {
  const trusted = ['https://app.quokkaswap.org', 'https://portal.example-dex.finance'];

  test('a trusted site and its subdomains are ok', () => {
    expect(verdict('https://app.quokkaswap.org', trusted)).toEqual({ verdict: 'ok', reason: 'trusted_site' });
    expect(verdict('https://v2.app.quokkaswap.org', trusted)).toEqual({ verdict: 'ok', reason: 'trusted_site' });
  });

  test.each<[string, string]>([
    [idn('app.quokkaswаp.org'), 'homoglyph'], // Cyrillic а
    ['https://app.quokaswap.org', 'one_edit'],
    ['https://portal.example-dex.fi', 'other_tld'],
    ['https://portal.example-dex.finance.verify.app', 'contains_name'],
  ])('%s looks like a trusted site (%s)', (origin, reason) => {
    expect(verdict(origin, trusted)).toMatchObject({ verdict: 'lookalike', reason, similarToSource: 'trusted_site' });
  });

  test('a blocked site stays phishing even if the user trusted it', () => {
    expect(verdict('https://yearnson.finance', ['https://yearnson.finance'])).toEqual({ verdict: 'phishing', reason: 'blocklisted' });
  });

  test('malformed trusted entries are ignored', () => {
    expect(verdict('https://example.org', ['', 'not a url', 'http://[::1]', 'localhost'])).toEqual({ verdict: 'ok', reason: 'no_match' });
  });
});

describe('not look-alikes', () => {
  test.each(['https://example.org', 'https://uniswap.org', 'https://sushi.com', 'http://localhost:5173', 'http://127.0.0.1:8545', 'https://app.swappi.io', 'https://evm.confluxscan.org'])('%s is ok', (origin) => {
    expect(verdict(origin).verdict).toBe('ok');
  });

  test('short names are not fuzzy-matched (two short names are often one edit apart)', () => {
    expect(verdict('https://x.com', ['https://y.com'])).toEqual({ verdict: 'ok', reason: 'no_match' });
  });
});

describe('parts', () => {
  test('hosts: ASCII and decoded Unicode forms, ports, local hosts', () => {
    expect(parseSiteHost(idn('swаppi.io'))).toEqual({ scheme: 'https', ascii: 'xn--swppi-5ve.io', unicode: 'swаppi.io', port: null, local: false });
    expect(parseSiteHost('http://localhost:5173')).toMatchObject({ ascii: 'localhost', port: 5173, local: true });
    expect(parseSiteHost('APP.Swappi.IO.')).toMatchObject({ ascii: 'app.swappi.io', local: false });
    expect(() => parseSiteHost('')).toThrow(SitesError);
    expect(() => parseSiteHost('https://')).toThrow(SitesError);
  });

  test('skeletons', () => {
    expect(skeleton('swаppi')).toBe('swappi');
    expect(skeleton('ｓｗａｐｐｉ')).toBe('swappi');
    expect(skeleton('rnetamask')).toBe(skeleton('metamask'));
    expect(skeleton('swappi')).not.toBe(skeleton('swappl'));
  });

  test('edit distances', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect([isOneEdit('swappi', 'swapi'), isOneEdit('swappi', 'swpapi'), isOneEdit('swappi', 'swappi'), isOneEdit('swappi', 'sawpip')]).toEqual([true, true, false, false]);
  });
});

describe('properties', () => {
  const SEED = 0x517e;

  test(`a one-letter typo (or swap of neighbours) of any bundled Conflux site is never ok (seed ${SEED})`, () => {
    const typo = fc.tuple(fc.constantFrom(...KNOWN_CONFLUX_SITES.map((s) => s.domain)), fc.nat(), fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), fc.constantFrom('substitute', 'insert', 'delete', 'swap'))
      .map(([domain, at, ch, op]) => {
        const name = domain.slice(0, domain.lastIndexOf('.'));
        const i = at % name.length;
        const j = Math.min(i + 1, name.length - 1);
        const edited = op === 'substitute' ? name.slice(0, i) + ch + name.slice(i + 1)
          : op === 'insert' ? name.slice(0, i) + ch + name.slice(i)
            : op === 'delete' ? name.slice(0, i) + name.slice(i + 1)
              : name.slice(0, i) + name[j] + name.slice(i + 1, j) + name[i] + name.slice(j + 1);
        return `${edited}${domain.slice(domain.lastIndexOf('.'))}`;
      })
      .filter((host) => !KNOWN_CONFLUX_SITES.some((s) => s.domain === host) && !host.startsWith('-') && !host.includes('-.'));
    fc.assert(fc.property(typo, (host) => {
      expect(verdict(`https://${host}`).verdict).not.toBe('ok');
    }), { seed: SEED, numRuns: 500 });
  });

  test(`any string as an origin gives a verdict or a SitesError (seed ${SEED})`, () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (origin) => {
      try {
        checkSite(origin, { phishingList });
      } catch (error) {
        expect(error).toBeInstanceOf(SitesError);
      }
    }), { seed: SEED, numRuns: 1000 });
  });
});
