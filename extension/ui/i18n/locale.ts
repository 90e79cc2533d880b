/**
 * Which language the wallet pages speak: the catalogs shipped (one JSON file per locale in
 * ./locales/), the user's choice (kept in the extension pages' storage, shared by the popup and the
 * approval page), and, while the user has not chosen, the browser's language.
 *
 * Threat model: the stored choice is read back from storage another extension page wrote; anything
 * that is not a known locale is ignored, never used to build a file name or a key.
 * @module
 */

/** Every locale with a catalog, named in its own language (how the switch lists it). */
export const LOCALES = {
  en: { name: 'English' },
  'zh-CN': { name: '简体中文' },
} as const;

export type Locale = keyof typeof LOCALES;

/** The catalog every other falls back to, and the language of the background's own messages. */
export const SOURCE_LOCALE: Locale = 'en';

/** Where the choice is kept; absent means "follow the browser". */
export const PREFERENCE_KEY = 'wayfarer.ui.language';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(LOCALES, value);
}

/**
 * The first of `tags` (BCP 47, most preferred first) that a catalog serves: an exact match, else
 * the same language (any Chinese → zh-CN, any English → en). The source locale when none does.
 */
export function matchLocale(tags: readonly string[]): Locale {
  const known = Object.keys(LOCALES) as Locale[];
  for (const tag of tags) {
    const lower = tag.toLowerCase();
    const exact = known.find((l) => l.toLowerCase() === lower);
    if (exact) return exact;
    const language = lower.split(/[-_]/)[0];
    const sameLanguage = known.find((l) => l.toLowerCase().split('-')[0] === language);
    if (sameLanguage) return sameLanguage;
  }
  return SOURCE_LOCALE;
}

/** The browser's languages, most preferred first (the page's, then the browser UI's). */
export function browserLanguages(): string[] {
  const tags: string[] = [];
  try {
    if (typeof navigator !== 'undefined') tags.push(...(navigator.languages ?? []), navigator.language);
  } catch {
    // no navigator (tests)
  }
  try {
    const ui = globalThis.chrome?.i18n?.getUILanguage?.();
    if (ui) tags.push(ui);
  } catch {
    // not an extension page
  }
  return tags.filter((t): t is string => typeof t === 'string' && t !== '');
}

/** The user's stored choice, or undefined to follow the browser. */
export function readPreference(): Locale | undefined {
  try {
    const stored = globalThis.localStorage?.getItem(PREFERENCE_KEY);
    return isLocale(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
}

/** Stores the choice (undefined: follow the browser again). */
export function writePreference(locale: Locale | undefined): void {
  try {
    if (locale === undefined) globalThis.localStorage?.removeItem(PREFERENCE_KEY);
    else globalThis.localStorage?.setItem(PREFERENCE_KEY, locale);
  } catch {
    // storage unavailable: the choice still applies to this page
  }
}

/** The locale to show now: the stored choice, else the browser's language. */
export function resolveLocale(preference = readPreference(), languages = browserLanguages()): Locale {
  return preference ?? matchLocale(languages);
}
