import { expect, test } from 'vitest';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { makeQuiz } from './confirm-quiz.js';
import { checkSecret } from './ImportSecret.js';

const phrase = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';

test('the quiz asks distinct positions, each with the right word among real decoys', () => {
  const words = 'legal winner thank year wave sausage worth useful legal winner thank yellow'.split(' ');
  for (let round = 0; round < 50; round++) {
    const quiz = makeQuiz(words);
    expect(quiz).toHaveLength(3);
    expect(new Set(quiz.map((q) => q.position)).size).toBe(3);
    for (const q of quiz) {
      expect(q.choices).toHaveLength(4);
      expect(new Set(q.choices).size).toBe(4);
      expect(q.choices).toContain(words[q.position]);
      for (const c of q.choices) {
        expect(wordlist).toContain(c);
        if (c !== words[q.position]) expect(words).not.toContain(c);
      }
    }
  }
});

test('checkSecret accepts a valid phrase in any spacing and case', () => {
  expect(checkSecret('mnemonic', `  ${phrase.toUpperCase().replace(/ /g, '   ')} `)).toEqual({ ok: true, value: phrase });
});

test('checkSecret explains what is wrong without echoing words', () => {
  const wrongCount = checkSecret('mnemonic', 'abandon abandon');
  expect(wrongCount).toMatchObject({ ok: false, message: expect.stringContaining('12, 15, 18, 21 or 24') });
  const typo = checkSecret('mnemonic', phrase.replace(/about$/, 'aboutt'));
  expect(typo).toMatchObject({ ok: false, message: expect.stringContaining('Word 12') });
  expect(!typo.ok && typo.message).not.toContain('aboutt');
  expect(checkSecret('mnemonic', phrase.replace(/about$/, 'abandon'))).toMatchObject({ ok: false, message: expect.stringContaining('wrong or out of order') });
});

test('checkSecret for private keys', () => {
  const key = 'ab'.repeat(32);
  expect(checkSecret('private-key', key)).toEqual({ ok: true, value: `0x${key}` });
  expect(checkSecret('private-key', `0x${key.toUpperCase()}`)).toEqual({ ok: true, value: `0x${key}` });
  expect(checkSecret('private-key', key.slice(2))).toMatchObject({ ok: false });
  expect(checkSecret('private-key', `${key.slice(2)}zz`)).toMatchObject({ ok: false });
});
