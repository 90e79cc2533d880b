import { expect, test } from 'vitest';
import { matchPath } from './router.js';

test('matchPath', () => {
  expect(matchPath('/', '/')).toEqual({});
  expect(matchPath('/activity', '/activity')).toEqual({});
  expect(matchPath('/activity/:hash', '/activity/0xab')).toEqual({ hash: '0xab' });
  expect(matchPath('/activity/:hash', '/activity')).toBeUndefined();
  expect(matchPath('/activity/:hash', '/settings/0xab')).toBeUndefined();
  expect(matchPath('/tokens/:address', '/tokens/cfx%3Aabc')).toEqual({ address: 'cfx:abc' });
  expect(matchPath('/tokens/:address', '/tokens/%E0%A4%A')).toBeUndefined(); // malformed escape
});
