import { describe, expect, test } from 'vitest';
import { InvalidInputError, WayfarerError, walkCauses } from './errors.js';
import type { WayfarerErrorCode } from './error-codes.js';

class RootCause extends WayfarerError {
  constructor() {
    super('test.root', 'the root cause');
  }
}

describe('error causes', () => {
  const root = new RootCause();
  const middle = new TypeError('fetch failed', { cause: root });
  const top = new InvalidInputError('balance unreadable', { cause: middle });

  test('walk() without a match returns the deepest cause', () => {
    expect(top.walk()).toBe(root);
    expect(root.walk()).toBe(root);
  });

  test('walk(match) returns the first error that matches, itself included, or null', () => {
    expect(top.walk((e) => e instanceof TypeError)).toBe(middle);
    expect(top.walk((e) => e instanceof WayfarerError)).toBe(top);
    expect(top.walk((e) => e instanceof RootCause)).toBe(root);
    expect(top.walk((e) => e instanceof RangeError)).toBeNull();
  });

  test('a cycle of causes or a non-Error cause ends the walk', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(walkCauses(b)).toBe(a);
    const withString = new WayfarerError('test.x', 'x', { cause: 'plain text' });
    expect(withString.walk()).toBe('plain text');
    expect(walkCauses(undefined)).toBeUndefined();
  });
});

describe('the union of codes', () => {
  test('is made of literal codes: every error class declares its own', () => {
    type IsWide = string extends WayfarerErrorCode ? true : false;
    const wide: IsWide = false;
    const codes: WayfarerErrorCode[] = ['input.invalid', 'vault.locked', 'rpc.schema', 'lightclient.malformed', 'vault.malformed'];
    expect(wide).toBe(false);
    expect(codes).toHaveLength(5);
  });
});
