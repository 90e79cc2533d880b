/**
 * Address poisoning: look-alikes in hex and base32 (addresses built by js-conflux-sdk's encoder as an
 * independent check of the base32 bodies), recipient checks, Activity classification, and a
 * property test that a vanity address matching the ends is always caught.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import { address as sdkAddress } from 'js-conflux-sdk';
import { describe, expect, test } from 'vitest';
import { bytesToHex } from '../encoding/hex.js';
import { PoisoningError } from './errors.js';
import { addressBody, looksLike } from './looks-like.js';
import { checkRecipient, classifyTransfer, type KnownAddress } from './recipients.js';

const SEED = 0xd05e;
const VICTIM_PAST = '0x1234aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa5678';
const POISON = '0x1234bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb5678';
const OTHER = '0x9999cccccccccccccccccccccccccccccccc0000';
const known: KnownAddress[] = [{ address: VICTIM_PAST, source: 'sent' }, { address: OTHER, source: 'contact', label: 'Bob' }];

describe('looksLike', () => {
  test.each<[string, string, boolean]>([
    [VICTIM_PAST, POISON, true],
    [VICTIM_PAST, POISON.toUpperCase().replace('0X', '0x'), true],
    [VICTIM_PAST, VICTIM_PAST, false],
    [VICTIM_PAST, VICTIM_PAST.toUpperCase().replace('0X', '0x'), false],
    [VICTIM_PAST, '0x1234bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb5679', false],
    [VICTIM_PAST, '0x1235bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb5678', false],
    [VICTIM_PAST, OTHER, false],
  ])('%s ~ %s: %s', (a, b, expected) => {
    expect(looksLike(a, b)).toBe(expected);
  });

  test('base32 bodies: compared after the prefix, with js-conflux-sdk encoding the addresses', () => {
    // Find two user addresses whose base32 bodies share the first and last four characters.
    const byEnds = new Map<string, string>();
    let pair: [string, string] | undefined;
    // The first two bytes fixed keep the first four characters fixed; the rest is pseudo-random, so
    // the last four (checksum) characters meet after about 2^10 tries (birthday bound on 20 bits).
    for (let i = 0; pair === undefined && i < 20_000; i++) {
      const hex = `0x1234${bytesToHex(sha256(Uint8Array.of(i >> 8, i & 0xff))).slice(2, 38)}`;
      const base32 = sdkAddress.encodeCfxAddress(hex, 1029) as string;
      const body = base32.slice(4);
      const key = body.slice(0, 4) + body.slice(-4);
      const seen = byEnds.get(key);
      if (seen !== undefined) pair = [seen, base32];
      else byEnds.set(key, base32);
    }
    expect(pair).toBeDefined();
    expect(looksLike(pair![0], pair![1])).toBe(true);
    expect(addressBody(pair![0])).toMatchObject({ form: 'base32' });
    // The same account on another network is not a look-alike; hex and base32 are not compared.
    const hex = addressBody(pair![0]).bytes;
    expect(looksLike(pair![0], sdkAddress.encodeCfxAddress(hex, 1) as string)).toBe(false);
    expect(looksLike(pair![0], hex)).toBe(false);
  });

  test('not an address', () => {
    expect(() => looksLike('0x1234', VICTIM_PAST)).toThrow(PoisoningError);
    expect(() => looksLike('cfx:aaaa', VICTIM_PAST)).toThrow(PoisoningError);
  });

  test(`any address with the same first and last four hex digits is caught (seed ${SEED})`, () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), fc.uint8Array({ minLength: 20, maxLength: 20 }), (a, b) => {
        const victim = bytesToHex(a);
        const middle = bytesToHex(b).slice(6, 38);
        const vanity = `${victim.slice(0, 6)}${middle}${victim.slice(-4)}`;
        expect(looksLike(victim, vanity)).toBe(vanity !== victim);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});

describe('checkRecipient', () => {
  test('known, look-alike (near miss named), new', () => {
    expect(checkRecipient(OTHER, known)).toEqual({ status: 'known', match: known[1] });
    expect(checkRecipient(POISON, known)).toEqual({ status: 'lookalike', similarTo: [known[0]] });
    expect(checkRecipient('0x00000000000000000000000000000000000000aa', known)).toEqual({ status: 'new' });
  });

  test('a Core recipient matches its known entry in either form; unreadable known entries are skipped', () => {
    const base32 = sdkAddress.encodeCfxAddress('0x1a2f80341409639ea6a35bbcab8299066109aa55', 1029) as string;
    expect(checkRecipient(base32, [{ address: 'garbage', source: 'sent' }, { address: '0x1a2f80341409639ea6a35bbcab8299066109aa55', source: 'account' }])).toMatchObject({ status: 'known' });
  });
});

describe('classifyTransfer', () => {
  test.each<[string, { counterparty: string; amount: bigint; initiatedByUser: boolean }, string]>([
    ['a zero-value transfer someone else made', { counterparty: POISON, amount: 0n, initiatedByUser: false }, 'zero_value'],
    ['a zero-value transfer from a stranger', { counterparty: '0x00000000000000000000000000000000000000aa', amount: 0n, initiatedByUser: false }, 'zero_value'],
    ['dust from a look-alike', { counterparty: POISON, amount: 5n, initiatedByUser: false }, 'dust_from_lookalike'],
    ['more than dust from a look-alike', { counterparty: POISON, amount: 10n ** 18n, initiatedByUser: false }, 'lookalike'],
    ['the user sending to a look-alike (the loss itself)', { counterparty: POISON, amount: 5n, initiatedByUser: true }, 'lookalike'],
    ['a normal transfer from a contact', { counterparty: OTHER, amount: 5n, initiatedByUser: false }, 'normal'],
    ['the user\'s own zero-value call', { counterparty: OTHER, amount: 0n, initiatedByUser: true }, 'normal'],
  ])('%s → %s', (_name, transfer, verdict) => {
    expect(classifyTransfer(transfer, known, 10n ** 15n).verdict).toBe(verdict);
  });

  test('amounts and thresholds must be non-negative bigints', () => {
    expect(() => classifyTransfer({ counterparty: OTHER, amount: -1n, initiatedByUser: false }, known, 0n)).toThrow(PoisoningError);
    expect(() => classifyTransfer({ counterparty: OTHER, amount: 1n, initiatedByUser: false }, known, 1 as unknown as bigint)).toThrow(PoisoningError);
  });
});
