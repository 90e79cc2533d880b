import { expect, test } from 'vitest';
import { SecretClipboard, type ClearOutcome, type ClipboardLike, type TimerLike } from './secret-clipboard.js';

function setup(options: { readable?: boolean } = {}) {
  let content = 'before';
  const clipboard: ClipboardLike = {
    writeText: async (text) => void (content = text),
    readText: async () => {
      if (options.readable === false) throw new DOMException('denied', 'NotAllowedError');
      return content;
    },
  };
  const scheduled = new Map<number, () => void>();
  let next = 1;
  const timers: TimerLike = {
    setTimeout: (fn) => (scheduled.set(next, fn), next++),
    clearTimeout: (handle) => void scheduled.delete(handle),
  };
  const outcomes: ClearOutcome[] = [];
  const secretClipboard = new SecretClipboard(clipboard, timers, (o) => outcomes.push(o));
  const fire = async () => {
    for (const [h, fn] of [...scheduled]) (scheduled.delete(h), fn());
    await new Promise((r) => setTimeout(r, 0));
  };
  return { secretClipboard, get content() { return content; }, set content(v: string) { content = v; }, scheduled, fire, outcomes };
}

test('the secret is cleared when the timer fires', async () => {
  const s = setup();
  await s.secretClipboard.copy('word1 word2');
  expect(s.content).toBe('word1 word2');
  expect(s.scheduled.size).toBe(1);
  await s.fire();
  expect(s.content).toBe('');
  expect(s.outcomes).toEqual(['cleared']);
  expect(s.secretClipboard.pending).toBe(false);
});

test('something the user copied afterwards is left alone', async () => {
  const s = setup();
  await s.secretClipboard.copy('secret');
  s.content = 'the user copied this';
  await s.fire();
  expect(s.content).toBe('the user copied this');
  expect(s.outcomes).toEqual(['replaced_by_user']);
});

test('an unreadable clipboard is never blindly overwritten', async () => {
  const s = setup({ readable: false });
  await s.secretClipboard.copy('secret');
  await s.fire();
  expect(s.content).toBe('secret');
  expect(s.outcomes).toEqual(['unreadable']);
});

test('clearing early cancels the timer; copying again restarts it', async () => {
  const s = setup();
  await s.secretClipboard.copy('a');
  await s.secretClipboard.copy('b');
  expect(s.scheduled.size).toBe(1);
  expect(await s.secretClipboard.clear()).toBe('cleared');
  expect(s.scheduled.size).toBe(0);
  expect(await s.secretClipboard.clear()).toBe('nothing_to_clear');
});
