import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compareCatalogs, hardCodedStrings, unusedKeys, type CatalogTree } from './catalog-check.js';
import { LOCALES, SOURCE_LOCALE, type Locale } from './locale.js';

const root = resolve(import.meta.dirname, '../../..');
const ui = resolve(root, 'extension/ui');

function files(dir: string, keep: (path: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path, keep));
    else if (keep(path)) out.push(path);
  }
  return out;
}

const isSource = (p: string) => /\.(ts|tsx)$/.test(p) && !/\.test\.ts$/.test(p) && !p.includes(`${join('i18n', 'catalog-check.ts')}`);
const uiSources = files(ui, isSource);
const catalog = (locale: string): CatalogTree => JSON.parse(readFileSync(resolve(ui, `i18n/locales/${locale}.json`), 'utf8')) as CatalogTree;

describe('message catalogs', () => {
  test('one catalog file per locale, and nothing else in locales/', () => {
    expect(readdirSync(resolve(ui, 'i18n/locales')).sort()).toEqual(Object.keys(LOCALES).map((l) => `${l}.json`).sort());
  });

  for (const locale of Object.keys(LOCALES) as Locale[]) {
    if (locale === SOURCE_LOCALE) continue;
    test(`${locale} has every key of ${SOURCE_LOCALE}, with its own plural forms and the same parameters`, () => {
      expect(compareCatalogs({ locale: SOURCE_LOCALE, tree: catalog(SOURCE_LOCALE) }, { locale, tree: catalog(locale) })).toEqual([]);
    });
  }

  test('every key is used by the wallet pages (or names an error code or ban reason that exists)', () => {
    const codeSources = files(resolve(root, 'core'), isSource).concat(files(resolve(root, 'extension'), isSource)).map((p) => readFileSync(p, 'utf8'));
    expect(unusedKeys(catalog(SOURCE_LOCALE), uiSources.map((p) => readFileSync(p, 'utf8')), codeSources)).toEqual([]);
  });

  test('no component shows text that is not from a catalog', () => {
    const found = uiSources.filter((p) => !p.includes(`${join('ui', 'i18n')}`)).flatMap((p) => hardCodedStrings(relative(root, p), readFileSync(p, 'utf8')));
    expect(found.map((f) => `${f.file}:${f.line} ${f.where} "${f.text}"`)).toEqual([]);
  });

  test('the extension name and descriptions come from _locales, complete in every language', () => {
    const manifest = JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8')) as { name: string; description: string; default_locale: string; action: { default_title: string } };
    const wanted = [manifest.name, manifest.description, manifest.action.default_title].map((v) => /^__MSG_(\w+)__$/.exec(v)?.[1]);
    expect(wanted.every((k) => k !== undefined)).toBe(true);
    const dirs = readdirSync(resolve(root, 'extension/public/_locales')).sort();
    expect(dirs).toEqual(Object.keys(LOCALES).map((l) => l.replace('-', '_')).sort());
    expect(dirs).toContain(manifest.default_locale);
    const keysOf = (dir: string) => Object.keys(JSON.parse(readFileSync(resolve(root, 'extension/public/_locales', dir, 'messages.json'), 'utf8')) as object).sort();
    for (const dir of dirs) {
      expect(keysOf(dir), dir).toEqual(keysOf(manifest.default_locale));
      for (const key of wanted) expect(keysOf(dir), dir).toContain(key);
      const messages = JSON.parse(readFileSync(resolve(root, 'extension/public/_locales', dir, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
      expect([...messages.extDescription!.message].length, `${dir} description`).toBeLessThanOrEqual(132);
    }
  });
});

describe('the checks themselves', () => {
  const en: CatalogTree = { a: { title: 'Hello {{name}}', count_one: '{{count}} item', count_other: '{{count}} items', rich: '<b>x</b>' }, errors: { vault: { locked: 'Locked.' } } };

  test('a missing key, a missing plural form, a changed parameter and an extra key are reported', () => {
    const de: CatalogTree = { a: { title: 'Hallo {{nom}}', count_other: '{{count}} Dinge', rich: 'x' }, extra: 'x', errors: { vault: { locked: 'Gesperrt.' } } };
    expect(compareCatalogs({ locale: 'en', tree: en }, { locale: 'de', tree: de })).toEqual([
      'de: a.title uses {{nom}}, en uses {{name}}',
      'de: a.count has plural forms [other], de needs [one,other]',
      'de: a.rich uses no parameters, en uses <b>',
      'de: extra is not in en',
    ]);
    const zh: CatalogTree = { a: { title: '你好 {{name}}', count_other: '{{count}} 项', rich: '<b>x</b>' }, errors: { vault: { locked: '已锁定。' } } };
    expect(compareCatalogs({ locale: 'en', tree: en }, { locale: 'zh-CN', tree: zh })).toEqual([]);
    expect(compareCatalogs({ locale: 'en', tree: en }, { locale: 'zh-CN', tree: { a: zh.a! } })).toEqual(['zh-CN: missing errors.vault.locked']);
  });

  test('an unused key is reported; a key read through an existing code is not', () => {
    expect(unusedKeys(en, ["t('a.title'); t('a.count', { count })"], ["super('vault.locked', 'The wallet is locked.')"])).toEqual(['a.rich']);
    expect(unusedKeys(en, ["t('a.title'); t('a.count'); i18nKey=\"a.rich\""], [])).toEqual(['errors.vault.locked']);
  });

  test('hard-coded JSX text, attributes, props and text properties are found; catalog lookups and symbols are not', () => {
    const source = `
      const STEPS = { failed: { failedLabel: 'It failed' } };
      export function X({ title = 'Something went wrong' }) {
        return (
          <div aria-label="Close" title={busy ? 'Busy' : t('x')}>
            Hello there
            {ok ? 'Yes' : null}
            <Button label={\`Send \${symbol}\`} placeholder="cfx:…" />
            {t('a.title')} · ✓ CFX Wayfarer — {name}
            <Icon name="check" className="btn btn-small" data-testid="amount" />
          </div>
        );
      }`;
    expect(hardCodedStrings('x.tsx', source).map((f) => `${f.where} ${f.text}`)).toEqual([
      'failedLabel: It failed',
      'default title Something went wrong',
      'aria-label= Close',
      'title= Busy',
      'JSX text Hello there',
      'JSX child Yes',
      'label= Send',
    ]);
  });
});
