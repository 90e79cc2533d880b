import { describe, expect, test } from 'vitest';
import { isSpace, SPACES } from './space.js';

describe('space', () => {
  test('SPACES lists Core space then eSpace', () => {
    expect(SPACES).toEqual(['core', 'espace']);
  });

  test('isSpace accepts exactly the two names', () => {
    for (const space of SPACES) expect(isSpace(space)).toBe(true);
    for (const other of ['Core', 'eSpace', 'evm', 'native', 'gateway', '', null, undefined, 0, {}]) expect(isSpace(other)).toBe(false);
  });
});
