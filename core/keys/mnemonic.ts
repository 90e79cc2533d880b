/**
 * BIP39 mnemonics (English wordlist): generation, strict validation and seed derivation.
 *
 * Threat model: a mnemonic is the master secret. A typo that still passes as "valid" would create
 * a different, empty wallet, so the checksum and every word are checked before any seed is made.
 * Input is normalised the way users type it (NFKD, surrounding and repeated whitespace, case), which
 * cannot change a valid English mnemonic's seed: the canonical form is lower-case words joined by
 * single spaces. Strings cannot be wiped in JavaScript; seeds are returned as bytes so callers can
 * zero them after use. Errors name word positions, never words.
 * Spec: https://github.com/bitcoin/bips/blob/master/bip-0039.mediawiki
 * @module
 */
import {
  generateMnemonic as scureGenerateMnemonic,
  mnemonicToEntropy,
  mnemonicToSeed as scureMnemonicToSeed,
  mnemonicToSeedSync as scureMnemonicToSeedSync,
} from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { KeyError } from './errors.js';

/** Word counts BIP39 defines (128..256 bits of entropy in 32-bit steps). */
const VALID_WORD_COUNTS: readonly number[] = [12, 15, 18, 21, 24];
const WORDS: ReadonlySet<string> = new Set(wordlist);
/** Longest English word is 8 letters; 24 of them plus spaces, with generous slack for stray spaces. */
const MAX_MNEMONIC_INPUT = 1024;

export type MnemonicWordCount = 12 | 24;

/**
 * A fresh random mnemonic (128 bits → 12 words, 256 bits → 24 words) from the platform CSPRNG.
 * @example generateMnemonic(12).split(' ').length // 12
 */
export function generateMnemonic(words: MnemonicWordCount = 12): string {
  if (words !== 12 && words !== 24) throw new KeyError('key.word_count', `words: expected 12 or 24, got ${String(words)}`);
  return scureGenerateMnemonic(wordlist, words === 12 ? 128 : 256);
}

/**
 * Canonical form of a typed mnemonic: NFKD, lower case, words separated by single spaces.
 * Does not validate; see {@link parseMnemonic}.
 */
export function normalizeMnemonic(input: string): string {
  if (typeof input !== 'string') throw new KeyError('key.mnemonic_type', `mnemonic: expected a string, got ${typeof input}`);
  if (input.length > MAX_MNEMONIC_INPUT) throw new KeyError('key.mnemonic_length', 'mnemonic: input is too long');
  if (!isWellFormed(input)) throw new KeyError('key.mnemonic_type', 'mnemonic: not well-formed Unicode');
  return input.normalize('NFKD').toLowerCase().trim().split(/\s+/u).join(' ');
}

/**
 * Validates a mnemonic (word count, every word in the English list, checksum) and returns its
 * canonical form.
 * @throws {KeyError} `key.mnemonic_type`, `key.mnemonic_length`, `key.mnemonic_word`, `key.mnemonic_checksum`
 */
export function parseMnemonic(input: string): string {
  const mnemonic = normalizeMnemonic(input);
  const words = mnemonic === '' ? [] : mnemonic.split(' ');
  if (!VALID_WORD_COUNTS.includes(words.length)) {
    throw new KeyError('key.mnemonic_length', `mnemonic has ${words.length} words; expected 12, 15, 18, 21 or 24`);
  }
  words.forEach((word, position) => {
    if (!WORDS.has(word)) throw new KeyError('key.mnemonic_word', `word ${position + 1} is not in the English BIP39 wordlist`);
  });
  // Word count and words are checked above, so the library can only fail on the checksum here.
  let entropy: Uint8Array;
  try {
    entropy = mnemonicToEntropy(mnemonic, wordlist);
  } catch {
    throw new KeyError('key.mnemonic_checksum', 'mnemonic checksum does not match (a word is wrong or out of order)');
  }
  entropy.fill(0);
  return mnemonic;
}

/** True when {@link parseMnemonic} accepts the input. */
export function validateMnemonic(input: string): boolean {
  try {
    parseMnemonic(input);
    return true;
  } catch {
    return false;
  }
}

/**
 * BIP39 seed (64 bytes) of a valid mnemonic and optional passphrase (NFKD-normalised by BIP39).
 * The caller owns the returned bytes and should zero them when done.
 * @example await mnemonicToSeed('abandon abandon … about') // 0x5eb00bbd…
 */
export async function mnemonicToSeed(mnemonic: string, passphrase = ''): Promise<Uint8Array> {
  const canonical = parseMnemonic(mnemonic);
  return scureMnemonicToSeed(canonical, checkPassphrase(passphrase));
}

/** Synchronous {@link mnemonicToSeed} (blocks for the 2048 PBKDF2 rounds). */
export function mnemonicToSeedSync(mnemonic: string, passphrase = ''): Uint8Array {
  const canonical = parseMnemonic(mnemonic);
  return scureMnemonicToSeedSync(canonical, checkPassphrase(passphrase));
}

function checkPassphrase(passphrase: string): string {
  if (typeof passphrase !== 'string') throw new KeyError('key.passphrase', `passphrase: expected a string, got ${typeof passphrase}`);
  if (!isWellFormed(passphrase)) throw new KeyError('key.passphrase', 'passphrase: not well-formed Unicode');
  return passphrase;
}

/** A lone UTF-16 surrogate cannot be encoded as UTF-8, so BIP39 has no meaning for it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}
