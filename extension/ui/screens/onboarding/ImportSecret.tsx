/**
 * Typing in an existing recovery phrase or private key. Both are secret, so the input is a
 * password field (hidden by default, no autocomplete or spell-check that could send it anywhere),
 * and validation errors name positions, never words.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { PasswordField } from '../../components/Field.js';
import { parseMnemonic } from '../../../../core/keys/mnemonic.js';
import { KeyError } from '../../../../core/keys/errors.js';
import { t as translate, useT } from '../../i18n/i18n.js';

export type SecretKind = 'mnemonic' | 'private-key';

const PRIVATE_KEY_RE = /^(0x)?[0-9a-fA-F]{64}$/;

/** The 1-based position in the phrase that `key.mnemonic_word` names ("word 3 is not …"). */
function wordPosition(message: string): number {
  return Number(/\d+/.exec(message)?.[0] ?? 0);
}

/** Checks the secret; returns its canonical form or a message for the user. */
export function checkSecret(kind: SecretKind, input: string): { ok: true; value: string } | { ok: false; message: string } {
  if (kind === 'private-key') {
    const text = input.trim();
    if (!PRIVATE_KEY_RE.test(text)) return { ok: false, message: translate('onboarding.badPrivateKey') };
    return { ok: true, value: text.startsWith('0x') ? text.toLowerCase() : `0x${text.toLowerCase()}` };
  }
  try {
    return { ok: true, value: parseMnemonic(input) };
  } catch (error) {
    if (error instanceof KeyError) {
      if (error.code === 'key.mnemonic_length') return { ok: false, message: translate('onboarding.badPhraseLength') };
      if (error.code === 'key.mnemonic_word') return { ok: false, message: translate('onboarding.badPhraseWord', { position: wordPosition(error.message) }) };
      if (error.code === 'key.mnemonic_checksum') return { ok: false, message: translate('onboarding.badPhraseChecksum') };
    }
    return { ok: false, message: translate('onboarding.badPhrase') };
  }
}

export function ImportSecret({ kind, onSubmit, onBack }: { kind: SecretKind; onSubmit: (secret: string) => void; onBack: () => void }): ReactElement {
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | undefined>();
  const t = useT();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = checkSecret(kind, input);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setInput('');
    onSubmit(result.value);
  };
  const isPhrase = kind === 'mnemonic';
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <h1>{isPhrase ? t('onboarding.importPhrase') : t('onboarding.importKey')}</h1>
      <p>{isPhrase ? t('onboarding.importPhraseIntro') : t('onboarding.importKeyIntro')}</p>
      <PasswordField
        label={isPhrase ? t('onboarding.phraseList') : t('onboarding.privateKey')}
        value={input}
        onChange={(e) => {
          setInput(e.target.value);
          setError(undefined);
        }}
        error={error}
        autoFocus
      />
      <div className="btn-row">
        <button type="button" className="btn" onClick={onBack}>
          {t('common.back')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={input.trim() === ''}>
          {t('common.continue')}
        </button>
      </div>
    </form>
  );
}
