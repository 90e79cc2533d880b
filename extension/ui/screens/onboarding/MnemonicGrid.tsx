/** Numbered words of a recovery phrase. */
import type { ReactElement } from 'react';

export function MnemonicGrid({ words }: { words: readonly string[] }): ReactElement {
  return (
    <ol className="mnemonic" aria-label="Recovery phrase" data-testid="mnemonic">
      {words.map((word, i) => (
        <li key={i}>
          <span>{word}</span>
        </li>
      ))}
    </ol>
  );
}
