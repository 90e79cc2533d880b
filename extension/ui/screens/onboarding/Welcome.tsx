/** First screen of a new install: create a wallet or bring an existing one. */
import type { ReactElement } from 'react';
import { useT } from '../../i18n/i18n.js';

export type OnboardingChoice = 'create' | 'import-mnemonic' | 'import-key';

export function Welcome({ onChoose }: { onChoose: (choice: OnboardingChoice) => void }): ReactElement {
  const t = useT();
  return (
    <div className="stack">
      <img className="brand-mark" src="icons/icon-128.png" alt="" width="56" height="56" />
      <h1 className="center">{t('onboarding.welcomeTitle')}</h1>
      <p className="center muted">{t('onboarding.welcomeIntro')}</p>
      <button type="button" className="btn btn-primary btn-block" onClick={() => onChoose('create')}>
        {t('onboarding.create')}
      </button>
      <button type="button" className="btn btn-block" onClick={() => onChoose('import-mnemonic')}>
        {t('onboarding.importPhrase')}
      </button>
      <button type="button" className="btn btn-ghost btn-block" onClick={() => onChoose('import-key')}>
        {t('onboarding.importKey')}
      </button>
      <p className="small muted center">{t('onboarding.privacyNote')}</p>
    </div>
  );
}
