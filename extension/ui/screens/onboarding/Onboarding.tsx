/**
 * The onboarding flow: welcome → (new phrase → confirm | import phrase | import key) → password.
 *
 * The secret (phrase or key) exists only in this component's state, is handed to the background
 * together with the password, and is dropped as soon as the wallet exists or the user goes back
 * to the start. JavaScript strings cannot be wiped; keeping them short-lived and out of any
 * store, URL or log is what the UI can do.
 */
import { lazy, Suspense, useEffect, useState, type ReactElement } from 'react';
import { useAction } from '../../api/hooks.js';
import { markInteractive } from '../../app/perf.js';
import { Loading } from '../../components/AsyncState.js';
import { Welcome, type OnboardingChoice } from './Welcome.js';
import { useT } from '../../i18n/i18n.js';

// The welcome screen is in the first bundle; the steps (and the BIP39 word list) load on demand.
const ConfirmMnemonic = lazy(() => import('./ConfirmMnemonic.js').then((m) => ({ default: m.ConfirmMnemonic })));
const ImportSecret = lazy(() => import('./ImportSecret.js').then((m) => ({ default: m.ImportSecret })));
const SetPassword = lazy(() => import('./SetPassword.js').then((m) => ({ default: m.SetPassword })));
const ShowMnemonic = lazy(() => import('./ShowMnemonic.js').then((m) => ({ default: m.ShowMnemonic })));

export interface OnboardingActions {
  /** A fresh random recovery phrase (words separated by spaces). */
  newMnemonic(): Promise<string>;
  createFromMnemonic(mnemonic: string, password: string): Promise<void>;
  importPrivateKey(privateKeyHex: string, password: string): Promise<void>;
}

type Step =
  | { name: 'welcome' }
  | { name: 'show'; words: string[] }
  | { name: 'confirm'; words: string[] }
  | { name: 'import'; kind: 'mnemonic' | 'private-key' }
  | { name: 'password'; secret: { kind: 'mnemonic' | 'private-key'; value: string }; back: Step };

export function Onboarding({ actions }: { actions: OnboardingActions }): ReactElement {
  const [step, setStep] = useState<Step>({ name: 'welcome' });
  const [generateError, setGenerateError] = useState<unknown>();
  const t = useT();
  const create = useAction(async (secret: { kind: 'mnemonic' | 'private-key'; value: string }, password: string) => {
    if (secret.kind === 'mnemonic') await actions.createFromMnemonic(secret.value, password);
    else await actions.importPrivateKey(secret.value, password);
    setStep({ name: 'welcome' }); // drop the secret; the app switches to the wallet
  });
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [step.name]);
  useEffect(() => markInteractive('onboarding'), []);

  const choose = (choice: OnboardingChoice) => {
    if (choice === 'create') {
      setGenerateError(undefined);
      actions.newMnemonic().then(
        (mnemonic) => setStep({ name: 'show', words: mnemonic.split(' ') }),
        (error: unknown) => setGenerateError(error),
      );
    } else setStep({ name: 'import', kind: choice === 'import-mnemonic' ? 'mnemonic' : 'private-key' });
  };

  let body: ReactElement;
  switch (step.name) {
    case 'welcome':
      body = (
        <>
          <Welcome onChoose={choose} />
          {generateError ? <p className="field-error">{t('onboarding.createFailed')}</p> : null}
        </>
      );
      break;
    case 'show':
      body = <ShowMnemonic words={step.words} onBack={() => setStep({ name: 'welcome' })} onContinue={() => setStep({ name: 'confirm', words: step.words })} />;
      break;
    case 'confirm':
      body = <ConfirmMnemonic words={step.words} onBack={() => setStep({ name: 'show', words: step.words })} onConfirmed={() => setStep({ name: 'password', secret: { kind: 'mnemonic', value: step.words.join(' ') }, back: { name: 'welcome' } })} />;
      break;
    case 'import':
      body = <ImportSecret kind={step.kind} onBack={() => setStep({ name: 'welcome' })} onSubmit={(value) => setStep({ name: 'password', secret: { kind: step.kind, value }, back: { name: 'import', kind: step.kind } })} />;
      break;
    case 'password':
      body = (
        <SetPassword
          busy={create.busy}
          error={create.error}
          submitLabel={step.secret.kind === 'mnemonic' && step.back.name === 'welcome' ? t('onboarding.createWallet') : t('onboarding.importWallet')}
          onBack={() => {
            create.reset();
            setStep(step.back);
          }}
          onSubmit={(password) => void create.run(step.secret, password)}
        />
      );
      break;
  }
  return (
    <main className="focus-screen" id="main">
      <Suspense fallback={<Loading />}>{body}</Suspense>
    </main>
  );
}
