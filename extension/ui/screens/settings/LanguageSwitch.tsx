/**
 * Settings → Language: the browser's language (the default), or one of the catalogs, each named in
 * its own language so anyone can find theirs. Applies at once, here and in every open wallet page.
 */
import { useId, type ReactElement } from 'react';
import { setLanguage, useLanguagePreference, useT } from '../../i18n/i18n.js';
import { browserLanguages, isLocale, LOCALES, matchLocale, type Locale } from '../../i18n/locale.js';
import { Icon } from '../../components/icons.js';

const AUTO = 'auto';

export function LanguageSwitch(): ReactElement {
  const t = useT();
  const id = useId();
  const preference = useLanguagePreference();
  const browserLocale = matchLocale(browserLanguages());
  return (
    <div className="list-item language-switch">
      <Icon name="globe" />
      <label htmlFor={id} className="grow primary">
        {t('settings.language')}
      </label>
      <select id={id} className="input" value={preference ?? AUTO} onChange={(e) => void setLanguage(isLocale(e.target.value) ? e.target.value : undefined)} data-testid="language">
        <option value={AUTO}>{t('settings.languageAuto', { name: LOCALES[browserLocale].name })}</option>
        {(Object.keys(LOCALES) as Locale[]).map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALES[locale].name}
          </option>
        ))}
      </select>
    </div>
  );
}
