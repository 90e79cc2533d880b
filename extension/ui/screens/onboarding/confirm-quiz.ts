/**
 * The "did you really write it down?" quiz: a few random word positions, each with the right word
 * among decoys from the BIP39 list. Randomness comes from the platform CSPRNG so the positions
 * asked cannot be predicted.
 */
import { wordlist } from '@scure/bip39/wordlists/english.js';

export interface QuizQuestion {
  /** 0-based word position. */
  position: number;
  choices: string[];
}

function randomInt(max: number): number {
  const buffer = new Uint32Array(1);
  // Rejection sampling keeps the draw uniform.
  const limit = Math.floor(0x1_0000_0000 / max) * max;
  do crypto.getRandomValues(buffer);
  while (buffer[0]! >= limit);
  return buffer[0]! % max;
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

export function makeQuiz(words: readonly string[], questions = 3, choicesPerQuestion = 4): QuizQuestion[] {
  const positions = shuffle(words.map((_, i) => i)).slice(0, questions).sort((a, b) => a - b);
  return positions.map((position) => {
    const correct = words[position]!;
    const choices = new Set([correct]);
    while (choices.size < choicesPerQuestion) {
      const decoy = wordlist[randomInt(wordlist.length)]!;
      if (!words.includes(decoy)) choices.add(decoy);
    }
    return { position, choices: shuffle([...choices]) };
  });
}
