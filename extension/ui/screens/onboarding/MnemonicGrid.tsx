/** Numbered words of a recovery phrase. */
import type { ReactElement } from 'react';
import { useT } from '../../i18n/i18n.js';

export function MnemonicGrid({ words }: { words: readonly string[] }): ReactElement {
  const t = useT();
  return (
    <ol className="mnemonic" aria-label={t('onboarding.phraseList')} data-testid="mnemonic">
      {words.map((word, i) => (
        <li key={i}>
          <span>{word}</span>
        </li>
      ))}
    </ol>
  );
}
