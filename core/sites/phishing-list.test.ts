/**
 * The bundled list answers exactly as eth-phishing-detect itself does with its own config (the
 * package's PhishingDetector is the oracle): every blocked and allowed entry, subdomains of them,
 * the fuzzy targets and near misses, and random hosts. Also: the Golomb-coded set round-trips and
 * refuses damaged data, and the bundled data file matches the pinned package.
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { containsSorted, decodeGolombSet, encodeGolombSet, gcsHash } from './gcs.js';
import { SitesError } from './errors.js';
import { PHISHING_DATA } from './phishing-data.js';
import { loadBundledPhishingList, matchPhishingList, phishingListFromData, type PhishingListMatch } from './phishing-list.js';

const SEED = 0x9415_4;
const require = createRequire(import.meta.url);
const config = require('eth-phishing-detect/src/config.json') as { tolerance: number; fuzzylist: string[]; whitelist: string[]; blacklist: string[] };
const PhishingDetector = require('eth-phishing-detect/src/detector') as new (c: unknown) => { check(domain: string): { type: string; match?: string } };
const detector = new PhishingDetector(config);
const list = phishingListFromData(PHISHING_DATA);

/** The package's answer in our terms (legacy config → whitelist/blacklist names). */
function oracle(host: string): PhishingListMatch['type'] {
  const { type } = detector.check(host);
  return ({ whitelist: 'allowlist', blacklist: 'blocklist', fuzzy: 'fuzzy', all: 'none' } as const)[type as 'whitelist']!;
}
const ours = (host: string) => matchPhishingList(list, host).type;

describe('same answers as eth-phishing-detect', () => {
  test('every blocked entry is blocked or allowlisted; the package agrees on every third, and on www. subdomains of every ninth', () => {
    // The package checks a name against its lists one by one, so asking it about all 13,752 entries takes seconds.
    expect(config.blacklist.filter((d) => !['blocklist', 'allowlist'].includes(ours(d)))).toEqual([]);
    const sample = config.blacklist.flatMap((d, i) => (i % 3 === 0 ? [d, ...(i % 9 === 0 ? [`www.${d}`] : [])] : []));
    expect(sample.filter((d) => ours(d) !== oracle(d))).toEqual([]);
  });

  test('every allowlisted entry and a subdomain of each', () => {
    const mismatches = config.whitelist.flatMap((d) => [d, `app.${d}`]).filter((d) => ours(d) !== oracle(d));
    expect(mismatches).toEqual([]);
  });

  test('fuzzy targets and their near misses, with the same matched target', () => {
    const hosts = config.fuzzylist.flatMap((t) => {
      const [name, ...rest] = t.split('.');
      return [t, `${name}s.${rest.join('.')}`, `${name!.slice(1)}.xyz`, `www.${name}x.com`, `${name}-login.app`];
    });
    for (const host of hosts) {
      const type = oracle(host);
      expect({ host, type: ours(host) }).toEqual({ host, type });
      if (type === 'fuzzy') expect(matchPhishingList(list, host)).toEqual({ type: 'fuzzy', match: detector.check(host).match });
    }
  });

  test(`random hosts (seed ${SEED})`, () => {
    const label = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,12}$/);
    const host = fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.'));
    fc.assert(fc.property(host, (h) => {
      expect(ours(h)).toBe(oracle(h));
    }), { seed: SEED, numRuns: 2000 });
  });

  test('real entries: punycode (IDN) blocked names, a blocked subdomain, an allowlisted name that fuzzy-matches', () => {
    expect(ours('xn--myeterwalet-cm8eoi.com')).toBe('blocklist');
    expect(ours('myetherwallet.uk.com')).toBe('blocklist');
    expect(ours('metamask.io')).toBe('allowlist');
    expect(ours('metmask.com')).toBe('allowlist');
    expect(matchPhishingList(list, 'netamask.cc')).toEqual({ type: 'fuzzy', match: 'metamask.io' });
    expect(matchPhishingList(list, 'opensae.xyz')).toEqual({ type: 'fuzzy', match: 'opensea.io' });
  });
});

describe('bundled data', () => {
  test('comes from the pinned package version and is loaded lazily once', async () => {
    const pkg = require('eth-phishing-detect/package.json') as { version: string };
    expect(PHISHING_DATA.source.version).toBe(pkg.version);
    expect(PHISHING_DATA.allowlist.split('\n').length).toBe(new Set(config.whitelist).size);
    const loaded = await loadBundledPhishingList();
    expect(loaded).toBe(await loadBundledPhishingList());
    expect(matchPhishingList(loaded, 'yearnson.finance').type).toBe('blocklist');
  });

  test('damaged data fails loudly', () => {
    expect(() => phishingListFromData({ ...PHISHING_DATA, blocklist: { ...PHISHING_DATA.blocklist, count: PHISHING_DATA.blocklist.count + 1 } })).toThrow(SitesError);
    expect(() => phishingListFromData({ ...PHISHING_DATA, blocklist: { ...PHISHING_DATA.blocklist, data: PHISHING_DATA.blocklist.data.slice(0, 1000) } })).toThrow(SitesError);
    expect(() => phishingListFromData({ ...PHISHING_DATA, blocklist: { ...PHISHING_DATA.blocklist, data: '%%%' } })).toThrow(SitesError);
  });
});

describe('Golomb-coded set', () => {
  test(`round trip: every member found (seed ${SEED})`, () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 200 }), fc.integer({ min: 1, max: 24 }), (names, bits) => {
        const set = encodeGolombSet(names, bits);
        const values = decodeGolombSet(set);
        for (const name of names) expect(containsSorted(values, gcsHash(name, names.length, bits))).toBe(true);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  test('non-members of the bundled list are rarely reported (false positives among 20,000 made-up hosts)', () => {
    const { values, count, bits } = list.blocked;
    const hits = Array.from({ length: 20_000 }, (_, i) => `not-listed-${i}.example`).filter((h) => containsSorted(values, gcsHash(h, count, bits)));
    // Expected about 20,000 / 2^20 ≈ 0.02.
    expect(hits.length).toBeLessThanOrEqual(1);
  });
});
