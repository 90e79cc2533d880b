/** First screen of a new install: create a wallet or bring an existing one. */
import type { ReactElement } from 'react';

export type OnboardingChoice = 'create' | 'import-mnemonic' | 'import-key';

export function Welcome({ onChoose }: { onChoose: (choice: OnboardingChoice) => void }): ReactElement {
  return (
    <div className="stack">
      <img className="brand-mark" src="icons/icon-128.png" alt="" width="56" height="56" />
      <h1 className="center">Welcome to Wayfarer</h1>
      <p className="center muted">A Conflux wallet that checks what nodes tell it, and shows you how sure it is about every number.</p>
      <button type="button" className="btn btn-primary btn-block" onClick={() => onChoose('create')}>
        Create a new wallet
      </button>
      <button type="button" className="btn btn-block" onClick={() => onChoose('import-mnemonic')}>
        Import a recovery phrase
      </button>
      <button type="button" className="btn btn-ghost btn-block" onClick={() => onChoose('import-key')}>
        Import a private key
      </button>
      <p className="small muted center">Your keys are encrypted on this device. Wayfarer has no account, no server and no tracking.</p>
    </div>
  );
}
