import { describe, expect, test } from 'vitest';
import { i18n, t } from './i18n.js';

describe('t', () => {
  test('is i18next\'s: parameters are filled in, an unknown key comes back as itself', () => {
    expect(t('unlock.backoff', { seconds: 5 })).toBe(i18n.t('unlock.backoff', { seconds: 5 }));
    expect(t('unlock.backoff', { seconds: 5 })).toContain('5');
    const translate = t as unknown as (key: string) => unknown;
    expect(translate('no.such.key')).toBe('no.such.key');
  });
});
