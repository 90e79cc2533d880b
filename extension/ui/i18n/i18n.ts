/**
 * The wallet pages' translations: one i18next instance, shared by the popup and the approval page.
 *
 * The English catalog is bundled (it is the fallback, and what unit tests read); other catalogs
 * load when first used. Keys are checked by the compiler against the English catalog, and
 * `catalog.test.ts` checks every other catalog has the same keys and parameters. Plurals follow the
 * platform's CLDR rules (`Intl.PluralRules`): `key_one`, `key_other`, … as each language needs.
 *
 * The language applies at once: screens re-render ({@link useT}), data already turned into text
 * is read again (api/hooks re-runs its queries), and every other open wallet page follows through
 * the storage event. The <html lang> attribute follows too, so the browser picks the right fonts.
 * @module
 */
import i18next, { type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { useMemo, useSyncExternalStore } from 'react';
import en from './locales/en.json';
import { isLocale, PREFERENCE_KEY, readPreference, resolveLocale, SOURCE_LOCALE, writePreference, type Locale } from './locale.js';

export type Catalog = typeof en;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalog };
  }
}

/** How each catalog is loaded; a new language is one line here and one file in ./locales/. */
const CATALOGS: Record<Locale, () => Promise<Catalog>> = {
  en: () => Promise.resolve(en),
  'zh-CN': () => import('./locales/zh-CN.json').then((m) => m.default as Catalog),
};

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  lng: SOURCE_LOCALE,
  fallbackLng: SOURCE_LOCALE,
  supportedLngs: Object.keys(CATALOGS),
  resources: { en: { translation: en } },
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes what it renders
  returnNull: false,
});
i18n.services.formatter?.add('lowercase', (value: unknown, lng: string | undefined) => String(value).toLocaleLowerCase(lng));

/** Translates outside React (adapters, formatters); screens use {@link useT}. */
export const t: TFunction = i18n.t.bind(i18n);

/** The locale shown now. */
export function currentLocale(): Locale {
  const lng = i18n.language;
  return isLocale(lng) ? lng : SOURCE_LOCALE;
}

async function apply(locale: Locale): Promise<void> {
  if (!i18n.hasResourceBundle(locale, 'translation')) {
    try {
      const catalog = await CATALOGS[locale]();
      i18n.addResourceBundle(locale, 'translation', catalog);
    } catch {
      return; // a catalog that cannot load leaves the current language in place
    }
  }
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

let started = false;

/**
 * Whether the user's language is the one shown already (the bundled source catalog), so the first
 * render need not wait for {@link startI18n}.
 */
export function languageReady(): boolean {
  return currentLocale() === resolveLocale();
}

/** Loads the user's language before the first render, and follows changes made in other pages. */
export async function startI18n(): Promise<void> {
  await apply(resolveLocale());
  if (started || typeof window === 'undefined') return;
  started = true;
  // When the page is first idle, after its first screen: a page's first 'storage' listener costs it
  // a round trip to the browser, which that screen need not wait for. A change made meanwhile is
  // caught by the read below.
  const follow = () => {
    window.addEventListener('storage', (event) => {
      if (event.key === PREFERENCE_KEY || event.key === null) void apply(resolveLocale());
    });
    window.addEventListener('languagechange', () => void apply(resolveLocale()));
    void apply(resolveLocale());
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(follow, { timeout: 1000 });
  else follow();
}

const preferenceListeners = new Set<() => void>();

/** Sets the language (undefined: the browser's again), applies it here and stores it for every page. */
export async function setLanguage(locale: Locale | undefined): Promise<void> {
  writePreference(locale);
  for (const listener of preferenceListeners) listener();
  await apply(resolveLocale());
}

/** Runs `listener` after each language change; returns the unsubscribe. */
export function onLanguageChange(listener: (locale: Locale) => void): () => void {
  const handler = () => listener(currentLocale());
  i18n.on('languageChanged', handler);
  return () => i18n.off('languageChanged', handler);
}

/** The stored choice (undefined: following the browser), re-rendering when it changes. */
export function useLanguagePreference(): Locale | undefined {
  return useSyncExternalStore(
    (onChange) => {
      preferenceListeners.add(onChange);
      const off = onLanguageChange(onChange);
      return () => {
        preferenceListeners.delete(onChange);
        off();
      };
    },
    readPreference,
  );
}

const subscribeToLanguage = (onChange: () => void) => onLanguageChange(onChange);

/** `t` for components: re-renders the component when the language changes. */
export function useT(): TFunction {
  const locale = useSyncExternalStore(subscribeToLanguage, currentLocale);
  return useMemo(() => i18n.getFixedT(locale), [locale]);
}
