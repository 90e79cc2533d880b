import { describe, expect, test } from 'vitest';
import en from './locales/en.json';
import { i18n, t } from './i18n.js';

/** Every key of a catalog tree whose value is a text. */
function leafKeys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value as object, `${prefix}${key}.`)));
}

describe('t', () => {
  test('answers every key of the source catalog as i18next does (plain texts are read from the catalog itself)', () => {
    const keys = leafKeys(en);
    expect(keys.length).toBeGreaterThan(100);
    const translate = t as unknown as (key: string) => unknown;
    const reference = i18n.t.bind(i18n) as unknown as (key: string) => unknown;
    for (const key of keys) expect(translate(key), key).toBe(reference(key));
  });

  test('texts with options, parameters or an unknown key go through i18next', () => {
    expect(t('unlock.backoff', { seconds: 5 })).toBe(i18n.t('unlock.backoff', { seconds: 5 }));
    expect(t('unlock.backoff', { seconds: 5 })).toContain('5');
    const translate = t as unknown as (key: string) => unknown;
    expect(translate('no.such.key')).toBe('no.such.key');
    expect(translate('__proto__.constructor')).toBe(i18n.t('__proto__.constructor' as never));
  });
});
