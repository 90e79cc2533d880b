/**
 * Shows a new recovery phrase. The words stay hidden until the user asks (shoulder surfing on a
 * train), and the user must say they wrote them down before continuing.
 */
import { useState, type ReactElement } from 'react';
import { Notice } from '../../components/Notice.js';
import { MnemonicGrid } from './MnemonicGrid.js';
import { useT } from '../../i18n/i18n.js';

export function ShowMnemonic({ words, onContinue, onBack }: { words: readonly string[]; onContinue: () => void; onBack: () => void }): ReactElement {
  const [revealed, setRevealed] = useState(false);
  const [written, setWritten] = useState(false);
  const t = useT();
  return (
    <div className="stack">
      <h1>{t('onboarding.phraseTitle')}</h1>
      <p>{t('onboarding.phraseIntro', { count: words.length })}</p>
      <Notice tone="warn">{t('onboarding.phraseWarning')}</Notice>
      {revealed ? (
        <MnemonicGrid words={words} />
      ) : (
        <button type="button" className="btn btn-block" onClick={() => setRevealed(true)}>
          {t('onboarding.showWords')}
        </button>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={written} onChange={(e) => setWritten(e.target.checked)} disabled={!revealed} />
        <span>{t('onboarding.wroteDown')}</span>
      </label>
      <div className="btn-row">
        <button type="button" className="btn" onClick={onBack}>
          {t('common.back')}
        </button>
        <button type="button" className="btn btn-primary" disabled={!revealed || !written} onClick={onContinue}>
          {t('common.continue')}
        </button>
      </div>
    </div>
  );
}
