/**
 * Typing in an existing recovery phrase or private key. Both are secret, so the input is a
 * password field (hidden by default, no autocomplete or spell-check that could send it anywhere),
 * and validation errors name positions, never words.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { PasswordField } from '../../components/Field.js';
import { parseMnemonic } from '../../../../core/keys/mnemonic.js';
import { KeyError } from '../../../../core/keys/errors.js';

export type SecretKind = 'mnemonic' | 'private-key';

const PRIVATE_KEY_RE = /^(0x)?[0-9a-fA-F]{64}$/;

/** Checks the secret; returns its canonical form or a message for the user. */
export function checkSecret(kind: SecretKind, input: string): { ok: true; value: string } | { ok: false; message: string } {
  if (kind === 'private-key') {
    const text = input.trim();
    if (!PRIVATE_KEY_RE.test(text)) return { ok: false, message: 'A private key is 64 hexadecimal characters (0-9, a-f), optionally starting with 0x.' };
    return { ok: true, value: text.startsWith('0x') ? text.toLowerCase() : `0x${text.toLowerCase()}` };
  }
  try {
    return { ok: true, value: parseMnemonic(input) };
  } catch (error) {
    if (error instanceof KeyError) {
      if (error.code === 'key.mnemonic_length') return { ok: false, message: 'A recovery phrase has 12, 15, 18, 21 or 24 words.' };
      if (error.code === 'key.mnemonic_word') return { ok: false, message: `${error.message.replace(/^word/, 'Word')}. Check its spelling.` };
      if (error.code === 'key.mnemonic_checksum') return { ok: false, message: 'These words are not a valid phrase: one of them is wrong or out of order.' };
    }
    return { ok: false, message: 'This is not a valid recovery phrase.' };
  }
}

export function ImportSecret({ kind, onSubmit, onBack }: { kind: SecretKind; onSubmit: (secret: string) => void; onBack: () => void }): ReactElement {
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | undefined>();
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
      <h1>{isPhrase ? 'Import a recovery phrase' : 'Import a private key'}</h1>
      <p>{isPhrase ? 'Type your 12 or 24 words, separated by spaces.' : 'The key controls one account, on both Core space and eSpace.'}</p>
      <PasswordField
        label={isPhrase ? 'Recovery phrase' : 'Private key'}
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
          Back
        </button>
        <button type="submit" className="btn btn-primary" disabled={input.trim() === ''}>
          Continue
        </button>
      </div>
    </form>
  );
}
