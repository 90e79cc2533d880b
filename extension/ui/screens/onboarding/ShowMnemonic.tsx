/**
 * Shows a new recovery phrase. The words stay hidden until the user asks (shoulder surfing on a
 * train), and the user must say they wrote them down before continuing.
 */
import { useState, type ReactElement } from 'react';
import { Notice } from '../../components/Notice.js';
import { MnemonicGrid } from './MnemonicGrid.js';

export function ShowMnemonic({ words, onContinue, onBack }: { words: readonly string[]; onContinue: () => void; onBack: () => void }): ReactElement {
  const [revealed, setRevealed] = useState(false);
  const [written, setWritten] = useState(false);
  return (
    <div className="stack">
      <h1>Your recovery phrase</h1>
      <p>These {words.length} words are the only way to restore your wallet if this device is lost. Write them down on paper, in order, and keep them private.</p>
      <Notice tone="warn">Anyone who sees these words can take your funds. Wayfarer will never ask for them.</Notice>
      {revealed ? (
        <MnemonicGrid words={words} />
      ) : (
        <button type="button" className="btn btn-block" onClick={() => setRevealed(true)}>
          Show the words (make sure no one is watching)
        </button>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={written} onChange={(e) => setWritten(e.target.checked)} disabled={!revealed} />
        <span>I wrote the words down, in order.</span>
      </label>
      <div className="btn-row">
        <button type="button" className="btn" onClick={onBack}>
          Back
        </button>
        <button type="button" className="btn btn-primary" disabled={!revealed || !written} onClick={onContinue}>
          Continue
        </button>
      </div>
    </div>
  );
}
